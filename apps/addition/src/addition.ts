import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { learningCurves, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { compileModel, fitOnline, predict } from '@lstm-kit/harness';
import { encoderDecoder, summary } from '@lstm-kit/layers';
import { addition, additionAlphabet, additionLengths, invertAddition } from '@lstm-kit/problems';
import { createRng } from '@lstm-kit/sequence';

/** The book's configuration for the addition problem (lesson 9, spec B9). */
export const ADDITION_CONFIG = {
  /** Numbers added in each question. */
  nTerms: 3,
  /** Largest term; terms are drawn from 1 to this. */
  largest: 10,
  /** Memory cells of the encoder LSTM. */
  encoderUnits: 75,
  /** Memory cells of the decoder LSTM. */
  decoderUnits: 50,
  /** Training pairs, each seen once (one epoch). */
  trainPairs: 75_000,
  batchSize: 32,
  testPairs: 100,
  seed: 9,
} as const;

/** The reduced size `--quick` uses: two thirds of the book's, enough for ≥ 90% (about 97%). */
export const ADDITION_QUICK = { trainPairs: 50_000 } as const;

/** The bar the tour holds this system to: share of new questions answered exactly. */
const THRESHOLD = 0.9;

/** Options of the addition app's {@link run}. */
export interface AdditionRunOptions extends SystemRunOptions {
  /** Numbers added in each question. Default 3. */
  readonly nTerms?: number;
  /** Largest term. Default 10. */
  readonly largest?: number;
  /** Training pairs, each seen once. Default 75,000 (50,000 with `quick`). */
  readonly trainPairs?: number;
  /** Pairs per update. Default 32. */
  readonly batchSize?: number;
  /** Test pairs the accuracy is measured on. Default 100. */
  readonly testPairs?: number;
}

/**
 * Build the encoder-decoder LSTM of lesson 9: LSTM(75) → RepeatVector(output length) →
 * LSTM(50, returnSequences) → TimeDistributed(Dense(12, softmax)), compiled with categorical
 * cross-entropy and Adam. For 3 terms up to 10: 26,400 + 0 + 25,200 + 612 = 52,212 parameters.
 *
 * @param nTerms numbers added in each question (sets the input length)
 * @param largest largest term (sets the input and output lengths)
 * @param seed seed of the initial weights
 * @returns the compiled model; the caller disposes it and its optimizer
 * @example
 * const model = buildModel(3, 10, 9);
 * summary(model); // Total params: 52,212
 * model.optimizer?.dispose(); model.dispose();
 */
export function buildModel(
  nTerms: number = ADDITION_CONFIG.nTerms,
  largest: number = ADDITION_CONFIG.largest,
  seed: number = ADDITION_CONFIG.seed,
): tf.Sequential {
  const { inputLength, outputLength } = additionLengths(nTerms, largest);
  const model = encoderDecoder({
    inputLength,
    inputFeatures: additionAlphabet.length,
    outputLength,
    outputFeatures: additionAlphabet.length,
    encoderUnits: ADDITION_CONFIG.encoderUnits,
    decoderUnits: ADDITION_CONFIG.decoderUnits,
    seed,
  });
  compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  return model;
}

/**
 * Train the encoder-decoder LSTM of lesson 9 to add numbers given as text: the question
 * `'  10+4+7'` goes in one character at a time (one-hot over `0-9`, `+` and space), the
 * answer `'21'` comes out one character per step. Categorical cross-entropy, Adam, one epoch
 * over 75,000 pairs in batches of 32; accuracy is the share of 100 new questions whose whole
 * answer is right.
 *
 * @param options problem and training sizes, seed, where output and charts go
 * @returns the system's row for the tour: params 52,212, accuracy beside the high-90s reference
 * @example
 * const result = await run({ quick: true });
 * console.log(result.details?.[0]); // e.g. 9+6+9 = 24 (expect 24)
 */
export async function run(options: AdditionRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? ADDITION_CONFIG.seed;
  const nTerms = options.nTerms ?? ADDITION_CONFIG.nTerms;
  const largest = options.largest ?? ADDITION_CONFIG.largest;
  const trainPairs = options.trainPairs ?? (options.quick ? ADDITION_QUICK.trainPairs : ADDITION_CONFIG.trainPairs);
  const batchSize = options.batchSize ?? ADDITION_CONFIG.batchSize;
  const testPairs = options.testPairs ?? ADDITION_CONFIG.testPairs;
  for (const [name, value] of Object.entries({ trainPairs, batchSize, testPairs })) {
    if (!(Number.isInteger(value) && value > 0)) throw new RangeError(`expected ${name} to be a positive integer, got ${value}`);
  }

  const model = buildModel(nTerms, largest, seed);
  const params = summary(model, { print: log }).total;

  // The book generates 75,000 pairs and fits one shuffled epoch in batches of 32. The pairs
  // are independent draws, so batches drawn fresh from one stream train the same way, and
  // the report windows give a learning curve where a single epoch would give one number.
  const rng = createRng(seed);
  const trainRng = rng.fork();
  const testRng = rng.fork();
  const updates = Math.ceil(trainPairs / batchSize);
  log(`Training on ${trainPairs.toLocaleString('en-US')} generated pairs (${nTerms} terms, largest ${largest}), batch ${batchSize} (${updates} updates, one epoch)`);
  const started = performance.now();
  const logEvery = Math.max(1, Math.round(updates / 20));
  const history = await fitOnline(
    model,
    (step) => {
      const { x, y } = addition({ nTerms, largest, nPatterns: Math.min(batchSize, trainPairs - step * batchSize), rng: trainRng });
      return { x, y };
    },
    { updates, logEvery, verbose: options.verbose ?? 1, output: options.log ? lineOutput(options.log) : undefined },
  );
  const trainSeconds = (performance.now() - started) / 1000;

  const test = addition({ nTerms, largest, nPatterns: testPairs, rng: testRng });
  const answers = invertAddition(await predict(model, test.x));
  model.optimizer?.dispose();
  model.dispose();

  let correct = 0;
  for (let i = 0; i < testPairs; i++) if (answers[i] === test.outputs[i]) correct++;
  const accuracy = correct / testPairs;
  const passed = accuracy >= THRESHOLD;
  const details = Array.from({ length: Math.min(5, testPairs) }, (_, i) => `${test.inputs[i].trim()} = ${answers[i].trim()} (expect ${test.outputs[i].trim()})`);
  for (const line of details) log(line);
  log(
    `Accuracy: ${(accuracy * 100).toFixed(1)}% of ${testPairs} new questions answered exactly (reference: high 90s, pass ≥ ${THRESHOLD * 100}%: ${passed ? 'pass' : 'MISS'}), trained in ${trainSeconds.toFixed(1)} s`,
  );

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const title = 'Addition: learning curve';
    const spec = learningCurves({
      title: 'Addition: training loss and per-character accuracy',
      history: history.history,
      metrics: ['loss', 'accuracy'],
      xTitle: `report window (${logEvery} updates each)`,
    });
    const path = join(options.outDir, 'addition-learning-curve.svg');
    await writeChart(spec, path);
    charts.push({ title, path, spec });
  }

  const { outputLength } = additionLengths(nTerms, largest);
  return {
    id: 'addition',
    lesson: 'B9',
    title: 'Encoder-decoder LSTM on addition',
    architecture: `LSTM(${ADDITION_CONFIG.encoderUnits}) → RepeatVector(${outputLength}) → LSTM(${ADDITION_CONFIG.decoderUnits}, returnSequences) → TimeDistributed(Dense(${additionAlphabet.length}, softmax))`,
    params,
    trainSeconds,
    skill: { name: 'accuracy', value: accuracy, display: `${(accuracy * 100).toFixed(1)}%` },
    reference: 'high 90s (100% in the course)',
    threshold: `≥ ${THRESHOLD * 100}%`,
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
