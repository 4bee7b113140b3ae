import { join } from 'node:path';
import { initBackend } from '@lstm-kit/backend';
import { learningCurves, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { compileModel, fitOnline, predictClasses } from '@lstm-kit/harness';
import { summary, vanilla } from '@lstm-kit/layers';
import { echo } from '@lstm-kit/problems';
import { createRng } from '@lstm-kit/sequence';

/** The book's configuration for the echo problem (lesson 6, spec B6). */
export const ECHO_CONFIG = {
  length: 5,
  nFeatures: 10,
  outIndex: 2,
  units: 25,
  /** One update per freshly generated sequence, as the book trains. */
  updates: 10_000,
  testSequences: 100,
  seed: 6,
} as const;

/** The options `lstm-kit tune echo --grid key=a,b` may vary. */
export const tunable = { units: 'number', updates: 'number' } as const;

/** Accuracy: higher is better. */
export const higherIsBetter = true;

/**
 * The size `--quick` uses: the book's own, since 10,000 updates train in about 2 s on wasm and
 * fewer leave the model short of 95% (7,000 reach about 94%).
 */
export const ECHO_QUICK = { updates: 10_000 } as const;

/** Options of the echo app's {@link run}. */
export interface EchoRunOptions extends SystemRunOptions {
  /** Number of single-sample updates. Default 10,000 (also with `quick`). */
  readonly updates?: number;
  /** LSTM memory cells. Default 25. */
  readonly units?: number;
}

/**
 * Train the vanilla LSTM of lesson 6 on the echo problem: given a sequence of 5 random
 * integers in [0, 10) one-hot encoded, output the one at index 2. LSTM(25) → Dense(10,
 * softmax), categorical cross-entropy, Adam, one update per freshly generated sequence;
 * accuracy measured on 100 new sequences.
 *
 * @param options sizes, seed and where output goes
 * @returns the system's row for the tour: params 3,860, accuracy beside the 100% reference
 * @example
 * const result = await run({ quick: true });
 * console.log(result.skill.display); // e.g. 100.0%
 */
export async function run(options: EchoRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? ECHO_CONFIG.seed;
  const updates = options.updates ?? (options.quick ? ECHO_QUICK.updates : ECHO_CONFIG.updates);
  const { length, nFeatures, outIndex } = ECHO_CONFIG;

  const model = vanilla({
    units: options.units ?? ECHO_CONFIG.units,
    timesteps: length,
    features: nFeatures,
    outputs: nFeatures,
    outputActivation: 'softmax',
    seed,
  });
  compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  const table = summary(model, { print: log });
  const params = table.total;

  // One stream of fresh sequences for training and an independent one for testing.
  const rng = createRng(seed);
  const trainRng = rng.fork();
  const testRng = rng.fork();
  log(`Training on ${updates.toLocaleString('en-US')} freshly generated sequences, one update each`);
  const started = performance.now();
  const history = await fitOnline(model, () => {
    const { x, y } = echo({ length, nFeatures, outIndex, nPatterns: 1, rng: trainRng });
    return { x, y };
  }, { updates, verbose: options.verbose ?? 1, output: options.log ? lineOutput(options.log) : undefined });
  const trainSeconds = (performance.now() - started) / 1000;

  const test = echo({ length, nFeatures, outIndex, nPatterns: ECHO_CONFIG.testSequences, rng: testRng });
  const predicted = (await predictClasses(model, test.x)).data;
  let correct = 0;
  for (let i = 0; i < test.targets.length; i++) if (predicted[i] === test.targets[i]) correct++;
  const accuracy = correct / test.targets.length;
  // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
  model.optimizer?.dispose();
  model.dispose();

  const details = [0, 1, 2].map(
    (i) => `Sequence: [${test.sequences[i].join(', ')}]  Expected: ${test.targets[i]}  Predicted: ${predicted[i]}`,
  );
  for (const line of details) log(line);

  const charts: SystemChart[] = [];
  if (options.outDir) {
    const every = Math.max(1, Math.round(updates / 10));
    const spec = learningCurves({
      title: `Echo: training loss every ${every.toLocaleString('en-US')} updates`,
      history: history.history,
      xTitle: `window of ${every.toLocaleString('en-US')} updates`,
    });
    const path = join(options.outDir, 'learning-curve.svg');
    await writeChart(spec, path);
    charts.push({ title: 'Learning curve', path, spec });
  }
  log(`Accuracy: ${(accuracy * 100).toFixed(1)}% on ${test.targets.length} new sequences (reference 100%), trained in ${trainSeconds.toFixed(1)} s`);

  return {
    id: 'echo',
    lesson: 'B6',
    title: 'Vanilla LSTM on the echo problem',
    architecture: `LSTM(${options.units ?? ECHO_CONFIG.units}) → Dense(${nFeatures}, softmax)`,
    params,
    trainSeconds,
    skill: { name: 'accuracy', value: accuracy, display: `${(accuracy * 100).toFixed(1)}%` },
    reference: '100%',
    threshold: '≥ 95%',
    passed: accuracy >= 0.95,
    backend: backend.name,
    details,
    charts,
  };
}
