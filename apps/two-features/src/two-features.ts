import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { learningCurves, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { type History, compileModel, epochLogger, fit, predict } from '@lstm-kit/harness';
import { stacked, summary } from '@lstm-kit/layers';
import { productData } from '@lstm-kit/problems';
import { MinMaxScaler, type NdArray, ndarray } from '@lstm-kit/sequence';

/** The lab's configuration for the one-to-one, two-feature problem (lab L2). */
export const TWO_FEATURES_CONFIG = {
  /** Memory cells of the small model's LSTM. */
  units: 50,
  /** Memory cells of each LSTM of the stacked model. */
  stackedUnits: 200,
  epochs: 2_000,
  batchSize: 5,
  /** Keras takes the last 20% (X1 = 34…40) for validation, so the models train on 16 samples. */
  validationSplit: 0.2,
  /** The input to predict, beyond the training range in both features: true 55·80 = 4,400. */
  query: [55, 80] as readonly [number, number],
  /**
   * The pass bar: the unscaled model learned the products it saw, i.e. its mean absolute
   * error over the 20 lab samples is below 10% of their mean (861). The lab's point is the
   * extrapolation error, which is reported, not required.
   */
  fitTolerance: 0.1,
  /** Print a progress line every this many epochs (when a log is given). */
  logEvery: 250,
  seed: 2,
} as const;

/** The reduced size `--quick` and the tests use. */
export const TWO_FEATURES_QUICK = { epochs: 400 } as const;

/** Options of the two-features app's {@link run}. */
export interface TwoFeaturesRunOptions extends SystemRunOptions {
  /** Training epochs of each model. Default 2,000 (400 with `quick`). */
  readonly epochs?: number;
  /** Memory cells of each LSTM of the stacked model. Default 200. */
  readonly stackedUnits?: number;
}

/** One trained model's figures, kept for the printout, the charts and the result. */
interface ModelRun {
  readonly name: string;
  readonly architecture: string;
  readonly params: number;
  readonly seconds: number;
  /** The prediction for the query, in original units. */
  readonly prediction: number;
  /** Predictions for the 20 lab samples, in original units. */
  readonly fitted: number[];
  readonly history: History;
}

/**
 * Train the lab's LSTMs on X1 = 2…40, X2 = 3…60 → y = X1·X2 and ask them for [55, 80]
 * (true 4,400): LSTM(50, relu) → Dense(10, relu) → Dense(1), the stacked LSTM(200, relu,
 * returnSequences) → LSTM(200, relu) → Dense(50, relu) → Dense(10, relu) → Dense(1), and the
 * small model again on MinMax-scaled inputs and outputs. MSE, Adam, batch 5, 2,000 epochs,
 * validation split 0.2. A product is not a line: whatever the model learned between the
 * samples, it continues beyond them by guessing, and the lab's Keras run gives about 3,500.
 * Scaling to [0, 1] fitted on the training range puts the query at 1.4, outside that range as
 * well, so scaling helps training but not necessarily extrapolation; the app shows the numbers.
 *
 * @param options sizes, seed, where output and charts go
 * @returns the system's row for the tour: the unscaled small model's prediction error at
 *   [55, 80] as the skill; passed when it learned the training samples (mean error < 10%)
 * @example
 * const result = await run({ quick: true });
 * console.log(result.details); // [ 'LSTM(50): [55, 80] → 3,6xx (expected 4,400, ...)', ... ]
 */
export async function run(options: TwoFeaturesRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? TWO_FEATURES_CONFIG.seed;
  const epochs = options.epochs ?? (options.quick ? TWO_FEATURES_QUICK.epochs : TWO_FEATURES_CONFIG.epochs);
  const { units, batchSize, validationSplit, query, fitTolerance, logEvery } = TWO_FEATURES_CONFIG;
  const wide = options.stackedUnits ?? TWO_FEATURES_CONFIG.stackedUnits;
  const data = productData();
  const expected = query[0] * query[1];
  const queryX = ndarray([...query], [1, 1, 2]);

  // Scalers fitted on all 20 lab samples, per feature (X1, X2) and for y, as the lab's
  // scikit-learn MinMaxScaler does; the query [55, 80] then lands near 1.4 in both features.
  const xScaler = new MinMaxScaler().fit(data.x);
  const yScaler = new MinMaxScaler().fit(data.y);
  const identity = (a: NdArray) => a;

  const train = async (
    name: string,
    architecture: string,
    model: tf.Sequential,
    scaled: boolean,
  ): Promise<ModelRun> => {
    const toModel = scaled ? (a: NdArray) => xScaler.transform(a) : identity;
    const fromModel = scaled ? (a: NdArray) => yScaler.inverseTransform(a) : identity;
    try {
      compileModel(model, { loss: 'mse', optimizer: 'adam' });
      log(`\n${name}: ${architecture}`);
      const params = summary(model, { print: log }).total;
      const started = performance.now();
      const history = await fit(model, { x: toModel(data.x), y: scaled ? yScaler.transform(data.y) : data.y }, {
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
      const prediction = fromModel(await predict(model, toModel(queryX))).data[0];
      const fitted = Array.from(fromModel(await predict(model, toModel(data.x))).data);
      return { name, architecture, params, seconds, prediction, fitted, history };
    } finally {
      // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
      model.optimizer?.dispose();
      model.dispose();
    }
  };

  const shape = { timesteps: 1, features: 2, outputs: 1 };
  const small = (s: number) =>
    stacked({ layers: [{ units, activation: 'relu' }], dense: [{ units: 10, activation: 'relu' }], ...shape, seed: s });
  const smallArchitecture = `LSTM(${units}, relu) → Dense(10, relu) → Dense(1)`;
  const runs = [
    await train('LSTM(50)', smallArchitecture, small(seed), false),
    await train(
      `stacked LSTM(${wide})`,
      `LSTM(${wide}, relu, returnSequences) → LSTM(${wide}, relu) → Dense(50, relu) → Dense(10, relu) → Dense(1)`,
      stacked({
        layers: [{ units: wide, activation: 'relu' }, { units: wide, activation: 'relu' }],
        dense: [{ units: 50, activation: 'relu' }, { units: 10, activation: 'relu' }],
        ...shape,
        seed: seed + 1,
      }),
      false,
    ),
    // Same initial weights as the unscaled small model: only the scaling differs.
    await train('LSTM(50) scaled', `${smallArchitecture} on MinMax-scaled X and y`, small(seed), true),
  ];

  const meanTarget = data.y.data.reduce((s, v) => s + v, 0) / data.y.data.length;
  const fitErrorOf = (r: ModelRun) => r.fitted.reduce((s, v, i) => s + Math.abs(v - data.y.data[i]), 0) / r.fitted.length / meanTarget;
  const errorOf = (r: ModelRun) => (r.prediction - expected) / expected;
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
  const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const details = runs.map(
    (r) =>
      `${r.name}: [${query.join(', ')}] → ${fmt(r.prediction)} (expected ${fmt(expected)}, error ${pct(errorOf(r))}); ` +
      `mean error on the 20 lab samples ${(fitErrorOf(r) * 100).toFixed(1)}%`,
  );
  log('');
  for (const [i, line] of details.entries()) log(`${line}, trained in ${runs[i].seconds.toFixed(1)} s`);
  const [main, , scaled] = runs;
  const fitError = fitErrorOf(main);
  const passed = fitError < fitTolerance;
  const trainSeconds = runs.reduce((s, r) => s + r.seconds, 0);
  log(
    `Extrapolation to [${query.join(', ')}]: unscaled ${fmt(main.prediction)} (${pct(errorOf(main))}), ` +
      `scaled ${fmt(scaled.prediction)} (${pct(errorOf(scaled))}); the lab's Keras run gives about 3,500 (−20%).`,
  );
  log(
    `Unscaled LSTM(50) learned the training products: mean error ${(fitError * 100).toFixed(1)}% ` +
      `(pass < ${fitTolerance * 100}%) — ${passed ? 'PASS' : 'MISS'}; three models trained in ${trainSeconds.toFixed(1)} s`,
  );

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const files = ['unscaled', 'stacked', 'scaled'];
    for (const [i, r] of runs.entries()) {
      const title = `L2 ${r.name}: learning curves (MSE${i === 2 ? ', scaled units' : ''})`;
      const spec = learningCurves({ title, history: r.history.history });
      const path = join(options.outDir, `two-features-${files[i]}-curves.svg`);
      await writeChart(spec, path);
      charts.push({ title, path, spec });
    }
  }

  return {
    id: 'two-features',
    lesson: 'L2',
    title: 'One-to-one LSTM, two features (y = X1·X2), unscaled and scaled',
    architecture: `${smallArchitecture}; stacked ${runs[1].architecture}`,
    params: main.params,
    trainSeconds,
    skill: {
      name: `prediction at [${query.join(', ')}]`,
      value: main.prediction,
      display: `${fmt(main.prediction)} (${pct(errorOf(main))}); scaled ${fmt(scaled.prediction)} (${pct(errorOf(scaled))})`,
    },
    reference: '≈ 3,500 (true 4,400)',
    threshold: `unscaled fit on the lab samples: mean error < ${fitTolerance * 100}%`,
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
