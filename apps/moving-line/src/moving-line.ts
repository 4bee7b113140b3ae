import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { framesChart, learningCurves, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { compileModel, fitOnline, predictClasses } from '@lstm-kit/harness';
import { cnnLstm, summary } from '@lstm-kit/layers';
import { movingLine } from '@lstm-kit/problems';
import { createRng, sliceRows } from '@lstm-kit/sequence';

/** The book's configuration for the moving line problem (lesson 8, spec B8). */
export const MOVING_LINE_CONFIG = {
  /** Frame width and height in pixels, and frames per sequence. */
  size: 50,
  /** Convolution filters (2×2 windows, relu). */
  filters: 2,
  /** LSTM memory cells. */
  units: 50,
  /** Training sequences, each seen once (one epoch). */
  trainSequences: 5_000,
  batchSize: 32,
  testSequences: 100,
  seed: 8,
} as const;

/** The reduced size `--quick` and the tests use: smaller frames, fewer sequences. */
export const MOVING_LINE_QUICK = { size: 20, trainSequences: 1_600 } as const;

/** The bar the tour holds this system to: accuracy on new sequences. */
const THRESHOLD = 0.95;

/** Options of the moving line app's {@link run}. */
export interface MovingLineRunOptions extends SystemRunOptions {
  /** Frame width, height and count. Default 50 (20 with `quick`). */
  readonly size?: number;
  /** Training sequences, each seen once. Default 5,000 (1,600 with `quick`). */
  readonly trainSequences?: number;
  /** Sequences per update. Default 32. */
  readonly batchSize?: number;
  /** Test sequences the accuracy is measured on. Default 100. */
  readonly testSequences?: number;
}

/**
 * Build the CNN-LSTM of lesson 8: TimeDistributed(Conv2D(2, 2×2, relu)) →
 * TimeDistributed(MaxPooling2D(2×2)) → TimeDistributed(Flatten) → LSTM(50) → Dense(1,
 * sigmoid), compiled with binary cross-entropy and Adam. At size 50: 10 + 0 + 0 + 240,600 +
 * 51 = 240,661 parameters.
 *
 * @param size frame width, height and count
 * @param seed seed of the initial weights
 * @returns the compiled model; the caller disposes it and its optimizer
 * @example
 * const model = buildModel(50, 8);
 * summary(model); // Total params: 240,661
 * model.optimizer?.dispose(); model.dispose();
 */
export function buildModel(size: number = MOVING_LINE_CONFIG.size, seed: number = MOVING_LINE_CONFIG.seed): tf.Sequential {
  const model = cnnLstm({ frames: size, height: size, width: size, filters: MOVING_LINE_CONFIG.filters, units: MOVING_LINE_CONFIG.units, seed });
  compileModel(model, { loss: 'binaryCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

const word = (label: number): string => (label === 1 ? 'Right' : 'Left');

/**
 * Train the CNN-LSTM of lesson 8 to tell which way a line grows across a sequence of frames:
 * a convolution reads each frame, the LSTM reads the frames in order. Binary cross-entropy,
 * Adam, one epoch over 5,000 sequences of 50 frames of 50×50 in batches of 32; accuracy on
 * 100 new sequences. The data would be about 2.5 GB at once, so each batch is generated when
 * it is needed.
 *
 * @param options sizes, seed, where output and charts go
 * @returns the system's row for the tour: params 240,661, accuracy beside the 100% reference
 * @throws RangeError for a size below 3 (the 2×2 convolution and pooling need room) or a non-positive count
 * @example
 * const result = await run({ quick: true, outDir: 'out' });
 * console.log(result.skill.display); // e.g. 100.0%
 */
export async function run(options: MovingLineRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? MOVING_LINE_CONFIG.seed;
  const size = options.size ?? (options.quick ? MOVING_LINE_QUICK.size : MOVING_LINE_CONFIG.size);
  const trainSequences = options.trainSequences ?? (options.quick ? MOVING_LINE_QUICK.trainSequences : MOVING_LINE_CONFIG.trainSequences);
  const batchSize = options.batchSize ?? MOVING_LINE_CONFIG.batchSize;
  const testSequences = options.testSequences ?? MOVING_LINE_CONFIG.testSequences;
  if (!(Number.isInteger(size) && size >= 3)) throw new RangeError(`expected size to be an integer ≥ 3 (a 2×2 convolution then 2×2 pooling), got ${size}`);
  for (const [name, value] of Object.entries({ trainSequences, batchSize, testSequences })) {
    if (!(Number.isInteger(value) && value > 0)) throw new RangeError(`expected ${name} to be a positive integer, got ${value}`);
  }

  const model = buildModel(size, seed);
  const params = summary(model, { print: log }).total;

  // One epoch over 5,000 stored sequences sees each once in shuffled batches; the sequences
  // are independent draws, so batches drawn fresh from one stream train the same way without
  // holding 2.5 GB of frames. The last batch is short, as Keras's last batch is.
  const rng = createRng(seed);
  const trainRng = rng.fork();
  const testRng = rng.fork();
  const updates = Math.ceil(trainSequences / batchSize);
  log(`Training on ${trainSequences.toLocaleString('en-US')} generated sequences of ${size} frames of ${size}×${size}, batch ${batchSize} (${updates} updates, one epoch)`);
  const started = performance.now();
  const history = await fitOnline(
    model,
    (step) => {
      const { x, y } = movingLine({ size, nPatterns: Math.min(batchSize, trainSequences - step * batchSize), rng: trainRng });
      return { x, y };
    },
    { updates, logEvery: Math.max(1, Math.round(updates / 10)), verbose: options.verbose ?? 1, output: options.log ? lineOutput(options.log) : undefined },
  );
  const trainSeconds = (performance.now() - started) / 1000;

  const test = movingLine({ size, nPatterns: testSequences, rng: testRng });
  const predicted = (await predictClasses(model, test.x)).data;
  model.optimizer?.dispose();
  model.dispose();

  let correct = 0;
  for (let i = 0; i < testSequences; i++) if (predicted[i] === test.y.data[i]) correct++;
  const accuracy = correct / testSequences;
  const passed = accuracy >= THRESHOLD;
  const details = Array.from({ length: Math.min(5, testSequences) }, (_, i) => `Expected: ${word(test.y.data[i])}, Predicted: ${word(predicted[i])}`);
  for (const line of details) log(line);
  log(
    `Accuracy: ${(accuracy * 100).toFixed(1)}% on ${testSequences} new sequences (reference 100%, pass ≥ ${THRESHOLD * 100}%: ${passed ? 'pass' : 'MISS'}), trained in ${trainSeconds.toFixed(1)} s`,
  );

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const specs = [
      {
        title: `Moving line: the frames of one test sequence (${test.directions[0]})`,
        file: 'moving-line-frames.svg',
        spec: framesChart({
          frames: sliceRows(test.x, 0, 1),
          columns: 10,
          frameSize: Math.max(40, Math.min(100, 2 * size)),
          title: `A test sequence moving ${test.directions[0]}: expected ${word(test.y.data[0])}, predicted ${word(predicted[0])}`,
        }),
      },
      {
        title: 'Moving line: learning curve',
        file: 'moving-line-learning-curve.svg',
        spec: learningCurves({
          title: 'Moving line: training loss and accuracy',
          history: history.history,
          metrics: ['loss', 'accuracy'],
          xTitle: `report window (${Math.max(1, Math.round(updates / 10))} updates each)`,
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
    id: 'moving-line',
    lesson: 'B8',
    title: 'CNN-LSTM on the moving line',
    architecture: `TimeDistributed(Conv2D(${MOVING_LINE_CONFIG.filters}, 2×2, relu)) → TimeDistributed(MaxPooling2D(2×2)) → TimeDistributed(Flatten) → LSTM(${MOVING_LINE_CONFIG.units}) → Dense(1, sigmoid)`,
    params,
    trainSeconds,
    skill: { name: 'accuracy', value: accuracy, display: `${(accuracy * 100).toFixed(1)}%` },
    reference: '100%',
    threshold: `≥ ${THRESHOLD * 100}%`,
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
