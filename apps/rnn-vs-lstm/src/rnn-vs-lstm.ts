import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { lossComparison, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { type History, compileModel, epochLogger, fit, predict } from '@lstm-kit/harness';
import { batchNormalization, dense, lstm, simpleRnn, summary } from '@lstm-kit/layers';
import { labSeries } from '@lstm-kit/problems';
import { ndarray } from '@lstm-kit/sequence';

/** The lab's configuration for comparing a plain RNN, an RNN with batch norm and an LSTM (lab L3). */
export const RNN_VS_LSTM_CONFIG = {
  /** Units of each recurrent layer. */
  units: 50,
  epochs: 1_000,
  /** Keras's default batch size (32): all 5 windows in one batch, one update per epoch. */
  batchSize: 32,
  /** The query window after the series 10…90, and what follows it. */
  query: [70, 80, 90] as readonly number[],
  expected: [100, 110] as readonly number[],
  /** The LSTM passes when each of its two outputs is within 10% of [100, 110]. */
  tolerance: 0.1,
  /** Print a progress line every this many epochs (when a log is given). */
  logEvery: 200,
  seed: 3,
} as const;

/** The reduced size `--quick` and the tests use. */
export const RNN_VS_LSTM_QUICK = { epochs: 400 } as const;

/** Options of the rnn-vs-lstm app's {@link run}. */
export interface RnnVsLstmRunOptions extends SystemRunOptions {
  /** Training epochs of each model. Default 1,000 (400 with `quick`). */
  readonly epochs?: number;
}

/** One trained model's figures, kept for the printout, the chart and the result. */
interface ModelRun {
  readonly name: string;
  readonly params: number;
  readonly seconds: number;
  readonly prediction: number[];
  /** The larger of the two outputs' relative errors. */
  readonly error: number;
  readonly history: History;
}

/** The three models of the lab, built with seeded layers so a run repeats; each is built when it trains. */
function modelBuilders(units: number, seed: number): { name: string; build: () => tf.Sequential }[] {
  const inputShape = [3, 1];
  const plain = () => tf.sequential({
    layers: [simpleRnn({ units, activation: 'sigmoid', inputShape, seed }), dense({ units: 2, seed: seed + 1 })],
  });
  // Batch normalisation rescales the raw inputs (10…90) before the sigmoid units, which would
  // otherwise saturate, and rescales the RNN's outputs before the linear read-out.
  const normalised = () => tf.sequential({
    layers: [
      batchNormalization({ inputShape }),
      simpleRnn({ units, activation: 'sigmoid', seed }),
      batchNormalization(),
      dense({ units: 2, seed: seed + 1 }),
    ],
  });
  const longShort = () => tf.sequential({
    layers: [lstm({ units, activation: 'relu', inputShape, seed: seed + 2 }), dense({ units: 2, seed: seed + 3 })],
  });
  return [
    { name: `SimpleRNN(${units}, sigmoid) → Dense(2)`, build: plain },
    { name: `BatchNorm → SimpleRNN(${units}, sigmoid) → BatchNorm → Dense(2)`, build: normalised },
    { name: `LSTM(${units}, relu) → Dense(2)`, build: longShort },
  ];
}

/**
 * Train the lab's three models on the series 10, 20, …, 90 cut into windows of 3 inputs and
 * the 2 values that follow, then ask each for the continuation of [70, 80, 90] (true [100,
 * 110]): SimpleRNN(50, sigmoid) → Dense(2), the same with batch normalisation before and
 * after the RNN, and LSTM(50, relu) → Dense(2); MSE, Adam, 1,000 epochs on unscaled values.
 * The course's finding: the plain RNN's saturated sigmoid units leave it far off, batch
 * normalisation and the LSTM come close. The loss curves are drawn on one chart.
 *
 * @param options sizes, seed, where output and charts go
 * @returns the system's row for the tour: the LSTM's larger relative error (pass ≤ 10%)
 * @example
 * const result = await run({ quick: true, outDir: 'out/rnn-vs-lstm' });
 * console.log(result.details); // [ 'SimpleRNN(50, sigmoid) → Dense(2): [70 80 90] → [ ... ]', ... ]
 */
export async function run(options: RnnVsLstmRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? RNN_VS_LSTM_CONFIG.seed;
  const epochs = options.epochs ?? (options.quick ? RNN_VS_LSTM_QUICK.epochs : RNN_VS_LSTM_CONFIG.epochs);
  const { units, batchSize, query, expected, tolerance, logEvery } = RNN_VS_LSTM_CONFIG;
  const data = labSeries();
  const queryX = ndarray([...query], [1, 3, 1]);

  const runs: ModelRun[] = [];
  for (const { name, build } of modelBuilders(units, seed)) {
    const model = build();
    try {
      compileModel(model, { loss: 'mse', optimizer: 'adam' });
      log(`\n${name}`);
      const params = summary(model, { print: log }).total;
      const started = performance.now();
      const history = await fit(model, data, {
        epochs,
        batchSize,
        seed,
        verbose: 0,
        output: options.log ? lineOutput(options.log) : undefined,
        callbacks: [epochLogger({ every: logEvery, prefix: name, log })],
      });
      const seconds = (performance.now() - started) / 1000;
      const prediction = Array.from((await predict(model, queryX)).data);
      const error = Math.max(...prediction.map((p, i) => Math.abs(p - expected[i]) / expected[i]));
      runs.push({ name, params, seconds, prediction, error, history });
    } finally {
      // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
      model.optimizer?.dispose();
      model.dispose();
    }
  }

  const details = runs.map(
    (r) =>
      `${r.name}: [${query.join(' ')}] → [${r.prediction.map((p) => p.toFixed(1)).join(' ')}] ` +
      `(expected [${expected.join(' ')}], error ≤ ${(r.error * 100).toFixed(1)}%, final loss ${r.history.last('loss')!.toPrecision(4)})`,
  );
  log('');
  for (const [i, line] of details.entries()) log(`${line}, trained in ${runs[i].seconds.toFixed(1)} s`);
  const lstmRun = runs[2];
  const passed = lstmRun.error <= tolerance;
  const trainSeconds = runs.reduce((s, r) => s + r.seconds, 0);
  log(
    `LSTM error: ${(lstmRun.error * 100).toFixed(1)}% (pass ≤ ${tolerance * 100}% of [${expected.join(', ')}]; ` +
      `the course: plain RNN far off, batch-norm RNN and LSTM close) — ${passed ? 'PASS' : 'MISS'}; ` +
      `three models trained in ${trainSeconds.toFixed(1)} s`,
  );

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const title = 'L3 training loss (MSE): SimpleRNN, SimpleRNN with batch norm, LSTM';
    const short = ['SimpleRNN', 'BatchNorm SimpleRNN', 'LSTM'];
    // A log scale: the plain RNN stays in the hundreds while the others fall below 1.
    const allPositive = runs.every((r) => r.history.history.loss.every((v) => v > 0));
    const spec = lossComparison({
      title,
      models: runs.map((r, i) => ({ name: short[i], history: r.history.history })),
      yScale: allPositive ? 'log' : 'linear',
    });
    const path = join(options.outDir, 'rnn-vs-lstm-loss.svg');
    await writeChart(spec, path);
    charts.push({ title, path, spec });
  }

  return {
    id: 'rnn-vs-lstm',
    lesson: 'L3',
    title: 'SimpleRNN vs SimpleRNN with batch norm vs LSTM',
    architecture: runs.map((r) => r.name).join('; '),
    params: lstmRun.params,
    trainSeconds,
    skill: {
      name: 'LSTM error at [70 80 90]',
      value: lstmRun.error,
      display: `[${lstmRun.prediction.map((p) => p.toFixed(1)).join(', ')}] (${(lstmRun.error * 100).toFixed(1)}%); RNN [${runs[0].prediction
        .map((p) => p.toFixed(0))
        .join(', ')}], BN-RNN [${runs[1].prediction.map((p) => p.toFixed(0)).join(', ')}]`,
    },
    reference: '[100, 110]: RNN far off, BN-RNN and LSTM close',
    threshold: `LSTM within ${tolerance * 100}% of [100, 110]`,
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
