import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { learningCurves, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { type History, compileModel, epochLogger, fit, predict } from '@lstm-kit/harness';
import { stacked, summary, vanilla } from '@lstm-kit/layers';
import { linearData } from '@lstm-kit/problems';
import { ndarray } from '@lstm-kit/sequence';

/** The lab's configuration for the one-to-one, one-feature problem (lab L1). */
export const ONE_TO_ONE_CONFIG = {
  /** Memory cells of every LSTM layer. */
  units: 50,
  epochs: 2_000,
  batchSize: 5,
  /** Keras takes the last 20% (X = 17…20) for validation, so the model trains on X = 1…16. */
  validationSplit: 0.2,
  /** The input to predict, outside the training range: the lab expects about 10·30 = 300. */
  query: 30,
  /** Within 5% of 300 passes (the lab's Keras run gives 293 vanilla, 303 stacked). */
  tolerance: 0.05,
  /** Print a progress line every this many epochs (when a log is given). */
  logEvery: 250,
  seed: 1,
} as const;

/** The reduced size `--quick` and the tests use. */
export const ONE_TO_ONE_QUICK = { epochs: 400 } as const;

/** Options of the one-to-one app's {@link run}. */
export interface OneToOneRunOptions extends SystemRunOptions {
  /** Training epochs of each model. Default 2,000 (400 with `quick`). */
  readonly epochs?: number;
  /** Memory cells of each LSTM layer. Default 50. */
  readonly units?: number;
}

/** One trained model's figures, kept for the printout, the charts and the result. */
interface ModelRun {
  readonly name: string;
  readonly architecture: string;
  readonly params: number;
  readonly seconds: number;
  readonly prediction: number;
  readonly reference: number;
  readonly history: History;
}

/**
 * Train the lab's two one-to-one LSTMs on X = 1…20 → y = 10·X and ask both for X = 30:
 * LSTM(50, relu) → Dense(1) and the stacked LSTM(50, relu, returnSequences) → LSTM(50, relu)
 * → Dense(1); MSE, Adam, batch 5, 2,000 epochs, validation split 0.2. A relu LSTM on raw
 * (unscaled) values can extrapolate a straight line; the lab's Keras run predicts 293 and 303.
 *
 * @param options sizes, seed, where output and charts go
 * @returns the system's row for the tour: the vanilla model's relative error at X = 30 (pass ≤ 5%)
 * @example
 * const result = await run({ quick: true, outDir: 'out/one-to-one' });
 * console.log(result.details); // [ 'vanilla: X=30 → 297.1 (expected 300, reference 293)', ... ]
 */
export async function run(options: OneToOneRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? ONE_TO_ONE_CONFIG.seed;
  const epochs = options.epochs ?? (options.quick ? ONE_TO_ONE_QUICK.epochs : ONE_TO_ONE_CONFIG.epochs);
  const units = options.units ?? ONE_TO_ONE_CONFIG.units;
  const { batchSize, validationSplit, query, tolerance, logEvery } = ONE_TO_ONE_CONFIG;
  const data = linearData();
  const expected = 10 * query;

  const train = async (name: string, architecture: string, reference: number, model: tf.Sequential): Promise<ModelRun> => {
    try {
      compileModel(model, { loss: 'mse', optimizer: 'adam' });
      log(`\n${name}: ${architecture}`);
      const params = summary(model, { print: log }).total;
      const started = performance.now();
      const history = await fit(model, data, {
        epochs,
        batchSize,
        validationSplit,
        seed,
        // Per-epoch lines would be 2,000 lines; the callback prints every `logEvery` epochs.
        verbose: 0,
        output: options.log ? lineOutput(options.log) : undefined,
        callbacks: [epochLogger({ every: logEvery, prefix: name, log })],
      });
      const seconds = (performance.now() - started) / 1000;
      const prediction = (await predict(model, ndarray([query], [1, 1, 1]))).data[0];
      return { name, architecture, params, seconds, prediction, reference, history };
    } finally {
      // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
      model.optimizer?.dispose();
      model.dispose();
    }
  };

  const shape = { timesteps: 1, features: 1, outputs: 1 };
  const runs = [
    await train('vanilla', `LSTM(${units}, relu) → Dense(1)`, 293, vanilla({ units, activation: 'relu', ...shape, seed })),
    await train(
      'stacked',
      `LSTM(${units}, relu, returnSequences) → LSTM(${units}, relu) → Dense(1)`,
      303,
      stacked({ layers: [{ units, activation: 'relu' }, { units, activation: 'relu' }], ...shape, seed: seed + 1 }),
    ),
  ];

  const errorOf = (r: ModelRun) => Math.abs(r.prediction - expected) / expected;
  const details = runs.map(
    (r) =>
      `${r.name}: X=${query} → ${r.prediction.toFixed(1)} (expected ${expected}, reference ${r.reference}; ` +
      `error ${(errorOf(r) * 100).toFixed(1)}%)`,
  );
  log('');
  for (const [i, line] of details.entries()) log(`${line}, trained in ${runs[i].seconds.toFixed(1)} s`);
  const [main] = runs;
  const error = errorOf(main);
  const trainSeconds = runs.reduce((s, r) => s + r.seconds, 0);
  log(
    `Vanilla LSTM error at X=${query}: ${(error * 100).toFixed(1)}% (pass ≤ ${tolerance * 100}%; reference 293, 2.3%) — ` +
      `${error <= tolerance ? 'PASS' : 'MISS'}; both models trained in ${trainSeconds.toFixed(1)} s`,
  );

  const charts: SystemChart[] = [];
  if (options.outDir) {
    for (const r of runs) {
      const title = `L1 ${r.name} LSTM: learning curves (MSE)`;
      const spec = learningCurves({ title, history: r.history.history });
      const path = join(options.outDir, `one-to-one-${r.name}-curves.svg`);
      await writeChart(spec, path);
      charts.push({ title, path, spec });
    }
  }

  return {
    id: 'one-to-one',
    lesson: 'L1',
    title: 'One-to-one LSTM, one feature (y = 10·X)',
    architecture: `${main.architecture}; stacked ${runs[1].architecture}`,
    params: main.params,
    trainSeconds,
    skill: {
      name: `error at X=${query}`,
      value: error,
      display: `${main.prediction.toFixed(1)} (${(error * 100).toFixed(1)}%); stacked ${runs[1].prediction.toFixed(1)}`,
    },
    reference: '293 and 303 (≈ 300)',
    threshold: `vanilla within ${tolerance * 100}% of ${expected}`,
    passed: error <= tolerance,
    backend: backend.name,
    details,
    charts,
  };
}
