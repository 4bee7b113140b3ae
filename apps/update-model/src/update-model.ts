import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { boxPlot, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { type Trial, compareCandidates, compileModel, evaluate, fit, formatDescribe, predict } from '@lstm-kit/harness';
import { summary, vanilla } from '@lstm-kit/layers';
import { loadModel, replaceWeights, saveModel } from '@lstm-kit/persistence';
import { type NdArray, concatRows, splitSequence } from '@lstm-kit/sequence';

/**
 * The update experiment (lesson 14, spec B14): a model trained on an "old" sine regime, then
 * the series changes (shorter period, higher level) and new data arrives.
 */
export const UPDATE_MODEL_CONFIG = {
  units: 10,
  /** Past values per input window. */
  steps: 3,
  /** The old regime: 0.5 + 0.3·sin(2πt/20), 200 points. */
  old: { points: 200, level: 0.5, amplitude: 0.3, period: 20 },
  /** The new regime: 0.6 + 0.3·sin(2πt/12); the first 90 points train, the last 40 are the recent test data. */
  recent: { points: 130, test: 40, level: 0.6, amplitude: 0.3, period: 12 },
  batchSize: 8,
  /** Epochs of the existing model on the old data, and of every new model. */
  epochs: 100,
  /** Epochs of a refit of the loaded model. */
  refitEpochs: 40,
  repeats: 5,
  seed: 14,
} as const;

/** The reduced size `--quick` and the tests use. */
export const UPDATE_MODEL_QUICK = { epochs: 40, refitEpochs: 15, repeats: 3 } as const;

/** Options of the update-model app's {@link run}. */
export interface UpdateModelRunOptions extends SystemRunOptions {
  /** Epochs of the existing model and of new models. Default 100 (40 with `quick`). */
  readonly epochs?: number;
  /** Epochs of a refit. Default 40 (15 with `quick`). */
  readonly refitEpochs?: number;
  /** Runs per arm. Default 5 (3 with `quick`). */
  readonly repeats?: number;
}

/** The four ways lesson 14 lists to update a model, in its order. */
export const CANDIDATES = ['refit on new', 'refit on old+new', 'new model on new', 'new model on old+new'] as const;
type Candidate = (typeof CANDIDATES)[number];

function sine(points: number, level: number, amplitude: number, period: number, offset = 0): number[] {
  return Array.from({ length: points }, (_, i) => level + amplitude * Math.sin((2 * Math.PI * (i + offset)) / period));
}

function windows(series: number[], steps: number): { x: NdArray; y: NdArray } {
  const { x, y } = splitSequence(series, { steps });
  return { x, y };
}

/**
 * Reproduce lesson 14: load the model in service, try four ways of updating it on newly
 * arrived data, compare each with the existing model on the recent data over repeated runs
 * (`compareCandidates`: one-sided Welch t-tests), and swap in the winner's weights only
 * (`replaceWeights`, keeping the old bundle as a backup for `rollback`).
 *
 * @param options epochs, repeats, seed, log and `outDir` (the saved model and the box plot; else a temporary folder)
 * @returns the tour row: skill = the chosen arm's mean MSE on the recent data; passed when a decision was made and the saved model then predicts exactly as the winner
 * @example
 * const result = await run({ quick: true });
 * console.log(result.details?.join('\n')); // decision, evidence, backup path
 */
export async function run(options: UpdateModelRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const cfg = UPDATE_MODEL_CONFIG;
  const seed = options.seed ?? cfg.seed;
  const epochs = options.epochs ?? (options.quick ? UPDATE_MODEL_QUICK.epochs : cfg.epochs);
  const refitEpochs = options.refitEpochs ?? (options.quick ? UPDATE_MODEL_QUICK.refitEpochs : cfg.refitEpochs);
  const repeats = options.repeats ?? (options.quick ? UPDATE_MODEL_QUICK.repeats : cfg.repeats);
  const output = options.log ? lineOutput(options.log) : undefined;

  const oldSeries = sine(cfg.old.points, cfg.old.level, cfg.old.amplitude, cfg.old.period);
  const newSeries = sine(cfg.recent.points, cfg.recent.level, cfg.recent.amplitude, cfg.recent.period);
  const oldData = windows(oldSeries, cfg.steps);
  const newData = windows(newSeries.slice(0, cfg.recent.points - cfg.recent.test), cfg.steps);
  // The recent test windows start steps back so that every test value is predicted once.
  const recent = windows(newSeries.slice(cfg.recent.points - cfg.recent.test - cfg.steps), cfg.steps);
  const both = { x: concatRows([oldData.x, newData.x]), y: concatRows([oldData.y, newData.y]) };
  const data = { new: newData, 'old+new': both, old: oldData } as const;

  const newModel = (s: number) => {
    const m = vanilla({ units: cfg.units, timesteps: cfg.steps, features: 1, outputs: 1, seed: s });
    compileModel(m, { loss: 'mse', optimizer: 'adam' });
    return m;
  };
  const release = (m: tf.LayersModel) => {
    // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
    m.optimizer?.dispose();
    m.dispose();
  };
  const train = (m: tf.LayersModel, d: { x: NdArray; y: NdArray }, n: number, s: number) =>
    fit(m, d, { epochs: n, batchSize: cfg.batchSize, shuffle: true, seed: s, verbose: 0, output });

  const dir = options.outDir ?? mkdtempSync(join(tmpdir(), 'lstm-kit-update-model-'));
  const path = join(dir, 'model');
  try {
    // 1. The model in service: trained on the old regime and saved.
    const existing = newModel(seed);
    const params = summary(existing, { print: log }).total;
    log(`Training the existing model on the old data (${oldData.y.shape[0]} windows, ${epochs} epochs) and saving it to ${path}`);
    const t0Existing = performance.now();
    await train(existing, oldData, epochs, seed);
    const existingSeconds = (performance.now() - t0Existing) / 1000;
    await saveModel(existing, path);
    release(existing);

    // 2. The candidates, each one run per seed; the baseline is the saved model as it is.
    const build = async (candidate: Candidate, s: number): Promise<tf.LayersModel> => {
      const [how, on] = candidate.startsWith('refit') ? ['refit', candidate.slice(9)] : ['new', candidate.slice(13)];
      const d = data[on as 'new' | 'old+new'];
      if (how === 'new') {
        const m = newModel(s);
        await train(m, d, epochs, s);
        return m;
      }
      const m = await loadModel(path);
      compileModel(m, { loss: 'mse', optimizer: 'adam' });
      await train(m, d, refitEpochs, s);
      return m;
    };
    const score = async (m: tf.LayersModel) => {
      try {
        return (await evaluate(m, recent)).loss;
      } finally {
        release(m);
      }
    };
    const baseline: Trial = async () => {
      const m = await loadModel(path);
      compileModel(m, { loss: 'mse', optimizer: 'adam' });
      return score(m);
    };
    const candidates = Object.fromEntries(CANDIDATES.map((c): [string, Trial] => [c, async ({ seed: s }) => score(await build(c, s))]));
    log(`Comparing the existing model with ${CANDIDATES.length} candidates on the recent data (${recent.y.shape[0]} windows), ${repeats} runs each`);
    const started = performance.now();
    const comparison = await compareCandidates({
      baseline,
      baselineName: 'existing model',
      candidates,
      repeats,
      seed,
      onRun: (arm, r) => log(`  ${arm} run ${r.repeat + 1}: recent MSE ${r.score.toFixed(6)}`),
    });
    // All training: the existing model, every run of every arm, and the winner's retraining.
    let trainSeconds = existingSeconds + (performance.now() - started) / 1000;

    log(formatDescribe(Object.fromEntries(comparison.arms.map((a) => [a.name, a.summary])), { digits: 6 }));
    for (const line of comparison.evidence) log(line);
    const details = [`Decision: ${comparison.decision === 'replace' ? `replace the weights with '${comparison.choice}'` : 'keep the existing model'}`, ...comparison.evidence];

    // 3. Act on the decision: the winner's weights replace the saved ones, the old bundle is kept.
    let identical = true;
    if (comparison.decision === 'replace') {
      const winner = comparison.choice as Candidate;
      const firstSeed = comparison.seeds[0];
      const t0 = performance.now();
      const model = await build(winner, firstSeed);
      trainSeconds += (performance.now() - t0) / 1000;
      const expected = Array.from((await predict(model, recent.x)).data);
      const { backup } = await replaceWeights(path, model);
      release(model);
      const reloaded = await loadModel(path);
      const got = Array.from((await predict(reloaded, recent.x)).data);
      reloaded.dispose();
      const diff = Math.max(...expected.map((v, i) => Math.abs(v - got[i])));
      identical = diff === 0;
      const line =
        `Replaced the weights of ${path} with '${winner}' (seed ${firstSeed}); backup at ${backup}` +
        `${existsSync(backup) ? ' (rollback(path) restores it)' : ' (MISSING)'}; saved model vs winner: max |diff| ${diff}`;
      identical &&= existsSync(backup);
      details.push(line);
      log(line);
      const truth = Array.from(recent.y.data);
      details.push(
        ...[0, 1, 2].map((i) => `recent t=${i}: expected ${truth[i].toFixed(3)}, updated model ${got[i].toFixed(3)}`),
      );
    }
    for (const line of details.slice(0, 1)) log(line);

    const charts: SystemChart[] = [];
    if (options.outDir) {
      const spec = boxPlot({
        title: `MSE on the recent data over ${repeats} runs: existing model vs update candidates`,
        groups: comparison.arms.map((a) => ({ name: a.name, values: a.scores })),
        xTitle: 'model',
        yTitle: 'MSE on recent data (log scale)',
        // The arms differ by orders of magnitude (a refit can be 100× better), so a log axis.
        yScale: 'log',
        // Five long names overlap when level.
        xLabelAngle: -25,
        width: 420,
      });
      const chartPath = join(options.outDir, 'candidates.svg');
      await writeChart(spec, chartPath);
      charts.push({ title: 'Existing model vs update candidates', path: chartPath, spec });
    }

    const chosen = comparison.arms.find((a) => a.name === comparison.choice)!;
    const existingArm = comparison.arms[0];
    const passed = identical;
    log(
      `Chosen: ${comparison.choice}, mean recent MSE ${chosen.summary.mean.toFixed(6)} (existing model ${existingArm.summary.mean.toFixed(6)}); ` +
        `${passed ? 'the saved model now predicts exactly as the chosen one' : 'MISS: the saved model does not match the chosen one'}; ${trainSeconds.toFixed(1)} s`,
    );

    return {
      id: 'update-model',
      lesson: 'B14',
      title: 'Update a model in service',
      architecture: `LSTM(${cfg.units}) → Dense(1)`,
      params,
      trainSeconds,
      skill: { name: 'recent MSE of the chosen model', value: chosen.summary.mean, display: `${comparison.choice}: ${chosen.summary.mean.toFixed(5)}` },
      reference: 'candidate chosen by robust comparison',
      threshold: 'decision made; saved = winner',
      passed,
      backend: backend.name,
      details,
      charts,
    };
  } finally {
    if (!options.outDir) rmSync(dir, { recursive: true, force: true });
  }
}
