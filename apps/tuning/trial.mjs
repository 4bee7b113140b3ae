// One run of the lesson 12 tuning experiment (spec B12b): build LSTM(cells) → Dense(1), train
// it on the toy data for `epochs` epochs with `batchSize`, and return the validation MSE.
// Plain JavaScript on the packages' built output, because a worker thread of
// `workerPoolExecutor` imports it by URL and cannot load TypeScript; the app's inline runs call
// the same function, so pooled and inline runs train the same models.
import { initBackend } from '@lstm-kit/backend';
import { compileModel, evaluate, fit } from '@lstm-kit/harness';
import { vanilla } from '@lstm-kit/layers';
import { fitDiagnosisData } from '@lstm-kit/problems';

let ready;

/**
 * Train and score one configuration with one seed.
 *
 * @param {{ cells: number, batchSize: number, epochs: number, backend?: string }} config
 * @param {{ seed: number }} ctx the run's seed: initial weights (training is unshuffled)
 * @returns {Promise<number>} the validation loss (MSE on 0.5→0.6 … 0.9→1.0), as the course's `model.evaluate`
 */
export async function trial(config, ctx) {
  // A worker has its own tfjs: start its backend once (the main thread's is already running).
  ready ??= initBackend(config.backend ? { prefer: config.backend } : {});
  await ready;
  const { train, validation } = fitDiagnosisData();
  const model = vanilla({ units: config.cells, timesteps: 1, features: 1, outputs: 1, seed: ctx.seed });
  compileModel(model, { loss: 'mse', optimizer: 'adam' });
  try {
    await fit(model, train, { epochs: config.epochs, batchSize: config.batchSize, shuffle: false, verbose: 0 });
    const { loss } = await evaluate(model, validation);
    return loss;
  } finally {
    // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
    model.optimizer?.dispose();
    model.dispose();
  }
}
