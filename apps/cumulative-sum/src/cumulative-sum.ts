import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { learningCurves, seriesChart, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { compileModel, fitOnline, predictClasses } from '@lstm-kit/harness';
import { bidirectionalLstm, summary } from '@lstm-kit/layers';
import { cumulativeSum } from '@lstm-kit/problems';
import { createRng } from '@lstm-kit/sequence';

/** The book's configuration for the cumulative sum problem (lesson 10, spec B10). */
export const CUMULATIVE_SUM_CONFIG = {
  /** Time steps per sequence; the label turns 1 once the running sum reaches a quarter of this. */
  nTimesteps: 10,
  /** Memory cells per direction. */
  units: 50,
  /** Training sequences, each seen once (one epoch). */
  trainSequences: 50_000,
  batchSize: 10,
  testSequences: 100,
  seed: 10,
} as const;

/** The reduced size `--quick` uses. */
export const CUMULATIVE_SUM_QUICK = { trainSequences: 10_000 } as const;

/** The bar the tour holds this system to: per-step accuracy on new sequences. */
const THRESHOLD = 0.95;

/** Options of the cumulative sum app's {@link run}. */
export interface CumulativeSumRunOptions extends SystemRunOptions {
  /** Training sequences, each seen once. Default 50,000 (10,000 with `quick`). */
  readonly trainSequences?: number;
  /** Sequences per update. Default 10. */
  readonly batchSize?: number;
  /** Test sequences the accuracy is measured on. Default 100. */
  readonly testSequences?: number;
}

/** The cumulative sum app's result: the tour's row plus the whole-sequence exact match. */
export interface CumulativeSumResult extends SystemResult {
  /** Share of test sequences whose every step is labelled right. */
  readonly exactMatch: number;
}

/**
 * Build the bidirectional LSTM of lesson 10: Bidirectional(LSTM(50, returnSequences),
 * concat) → TimeDistributed(Dense(1, sigmoid)), compiled with binary cross-entropy and Adam;
 * 20,800 + 101 = 20,901 parameters.
 *
 * @param seed seed of the initial weights
 * @returns the compiled model; the caller disposes it and its optimizer
 * @example
 * const model = buildModel(10);
 * summary(model); // Total params: 20,901
 * model.optimizer?.dispose(); model.dispose();
 */
export function buildModel(seed: number = CUMULATIVE_SUM_CONFIG.seed): tf.Sequential {
  const model = bidirectionalLstm({ units: CUMULATIVE_SUM_CONFIG.units, timesteps: CUMULATIVE_SUM_CONFIG.nTimesteps, mergeMode: 'concat', seed });
  compileModel(model, { loss: 'binaryCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

const bits = (values: ArrayLike<number>, from: number, count: number): string =>
  Array.from({ length: count }, (_, t) => String(values[from + t])).join(' ');

/**
 * Train the bidirectional LSTM of lesson 10 to label each step of a sequence of 10 random
 * values in [0, 1): 0 while the running sum is below 2.5, 1 from the step where it reaches
 * it. Reading the sequence both ways helps, since the backward pass sees the whole sum.
 * Binary cross-entropy, Adam, one epoch over 50,000 sequences in batches of 10; accuracy per
 * step on 100 new sequences, and whether each whole sequence is labelled right.
 *
 * @param options sizes, seed, where output and charts go
 * @returns the system's row for the tour (params 20,901, per-step accuracy beside the 100% reference) and the exact-match share
 * @example
 * const result = await run({ quick: true });
 * console.log(result.details?.[0]); // y=[0 0 0 0 1 1 1 1 1 1], yhat=[0 0 0 0 1 1 1 1 1 1], correct=true
 */
export async function run(options: CumulativeSumRunOptions = {}): Promise<CumulativeSumResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? CUMULATIVE_SUM_CONFIG.seed;
  const trainSequences = options.trainSequences ?? (options.quick ? CUMULATIVE_SUM_QUICK.trainSequences : CUMULATIVE_SUM_CONFIG.trainSequences);
  const batchSize = options.batchSize ?? CUMULATIVE_SUM_CONFIG.batchSize;
  const testSequences = options.testSequences ?? CUMULATIVE_SUM_CONFIG.testSequences;
  const { nTimesteps } = CUMULATIVE_SUM_CONFIG;
  for (const [name, value] of Object.entries({ trainSequences, batchSize, testSequences })) {
    if (!(Number.isInteger(value) && value > 0)) throw new RangeError(`expected ${name} to be a positive integer, got ${value}`);
  }

  const model = buildModel(seed);
  const params = summary(model, { print: log }).total;

  // The book fits one shuffled epoch over 50,000 stored sequences in batches of 10. The
  // sequences are independent draws, so batches drawn fresh from one stream train the same
  // way, and the report windows give a learning curve where one epoch would give one number.
  const rng = createRng(seed);
  const trainRng = rng.fork();
  const testRng = rng.fork();
  const updates = Math.ceil(trainSequences / batchSize);
  const logEvery = Math.max(1, Math.round(updates / 20));
  log(`Training on ${trainSequences.toLocaleString('en-US')} generated sequences of ${nTimesteps} steps, batch ${batchSize} (${updates} updates, one epoch)`);
  const started = performance.now();
  const history = await fitOnline(
    model,
    (step) => {
      const { x, y } = cumulativeSum({ nTimesteps, nPatterns: Math.min(batchSize, trainSequences - step * batchSize), rng: trainRng });
      return { x, y };
    },
    { updates, logEvery, verbose: options.verbose ?? 1, output: options.log ? lineOutput(options.log) : undefined },
  );
  const trainSeconds = (performance.now() - started) / 1000;

  const test = cumulativeSum({ nTimesteps, nPatterns: testSequences, rng: testRng });
  // Labels per step, shape [sequences, steps]: 1 where the sigmoid output exceeds 0.5.
  const predicted = (await predictClasses(model, test.x)).data;
  model.optimizer?.dispose();
  model.dispose();

  let correctSteps = 0;
  let correctSequences = 0;
  const exact: boolean[] = [];
  for (let i = 0; i < testSequences; i++) {
    let all = true;
    for (let t = 0; t < nTimesteps; t++) {
      const k = i * nTimesteps + t;
      if (predicted[k] === test.y.data[k]) correctSteps++;
      else all = false;
    }
    exact.push(all);
    if (all) correctSequences++;
  }
  const accuracy = correctSteps / (testSequences * nTimesteps);
  const exactMatch = correctSequences / testSequences;
  const passed = accuracy >= THRESHOLD;
  const details = Array.from(
    { length: Math.min(5, testSequences) },
    (_, i) => `y=[${bits(test.y.data, i * nTimesteps, nTimesteps)}], yhat=[${bits(predicted, i * nTimesteps, nTimesteps)}], correct=${exact[i]}`,
  );
  for (const line of details) log(line);
  details.push(`whole sequences labelled right: ${correctSequences} of ${testSequences} (${(exactMatch * 100).toFixed(1)}%)`);
  log(details[details.length - 1]);
  log(
    `Accuracy: ${(accuracy * 100).toFixed(1)}% of the steps of ${testSequences} new sequences (reference 100%, pass ≥ ${THRESHOLD * 100}%: ${passed ? 'pass' : 'MISS'}), trained in ${trainSeconds.toFixed(1)} s`,
  );

  const charts: SystemChart[] = [];
  if (options.outDir) {
    // One test sequence: its running sum against the 2.5 limit, the true labels and the
    // predicted ones, so the step where the label flips can be read off the sum.
    let sum = 0;
    const running = Array.from({ length: nTimesteps }, (_, t) => (sum += test.x.data[t]));
    const specs = [
      {
        title: 'Cumulative sum: one test sequence',
        file: 'cumulative-sum-sequence.svg',
        spec: seriesChart({
          title: `Running sum, limit ${test.limit} and labels of one test sequence (correct=${exact[0]})`,
          series: [
            { name: 'running sum', values: running },
            { name: 'limit', values: running.map(() => test.limit), dashed: true },
            { name: 'label y', values: Array.from(test.y.data.subarray(0, nTimesteps)) },
            { name: 'predicted yhat', values: Array.from(predicted.slice(0, nTimesteps), Number), dashed: true },
          ],
        }),
      },
      {
        title: 'Cumulative sum: learning curve',
        file: 'cumulative-sum-learning-curve.svg',
        spec: learningCurves({
          title: 'Cumulative sum: training loss and per-step accuracy',
          history: history.history,
          metrics: ['loss', 'accuracy'],
          xTitle: `report window (${logEvery} updates each)`,
        }),
      },
    ];
    for (const { title, file, spec } of specs) {
      const path = join(options.outDir, file);
      await writeChart(spec, path);
      charts.push({ title, path, spec });
    }
  }

  return {
    id: 'cumulative-sum',
    lesson: 'B10',
    title: 'Bidirectional LSTM on the cumulative sum',
    architecture: `Bidirectional(LSTM(${CUMULATIVE_SUM_CONFIG.units}, returnSequences), concat) → TimeDistributed(Dense(1, sigmoid))`,
    params,
    trainSeconds,
    skill: { name: 'accuracy', value: accuracy, display: `${(accuracy * 100).toFixed(1)}%` },
    reference: '100% ("high 90s")',
    threshold: `≥ ${THRESHOLD * 100}%`,
    passed,
    backend: backend.name,
    details,
    charts,
    exactMatch,
  };
}
