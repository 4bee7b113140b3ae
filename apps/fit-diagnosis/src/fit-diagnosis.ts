import { join } from 'node:path';
import { initBackend } from '@lstm-kit/backend';
import { learningCurves, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { type Diagnosis, type OptimizerSpec, compileModel, diagnose, fit } from '@lstm-kit/harness';
import { summary, vanilla } from '@lstm-kit/layers';
import { fitDiagnosisData } from '@lstm-kit/problems';

/** One training set-up of lesson 12 and the diagnosis the course gives its learning curves. */
export interface FitSetup {
  /** Short name, used for the chart file (`<name>.svg`). */
  readonly name: string;
  /** LSTM memory cells (the Dense output has one unit). */
  readonly units: number;
  readonly loss: 'mse' | 'mae';
  readonly optimizer: OptimizerSpec;
  readonly epochs: number;
  /** The course's verdict and kind for this set-up. */
  readonly expected: { readonly verdict: Diagnosis['verdict']; readonly kind: Diagnosis['kind'] };
}

/**
 * The book's four set-ups on the toy data (lesson 12, spec B12a), the same as the harness's
 * `diagnose` tests: train on 0.0→0.1 … 0.4→0.5, validate on 0.5→0.6 … 0.9→1.0, whole batch,
 * no shuffling, one seed for every run.
 */
export const FIT_DIAGNOSIS_CONFIG = {
  seed: 1,
  /** The 5 training samples form one batch, as Keras's default batch of 32 does. */
  batchSize: 5,
  setups: [
    { name: 'underfit-more-training', units: 10, loss: 'mse', optimizer: 'adam', epochs: 100, expected: { verdict: 'under-fit', kind: 'still improving' } },
    { name: 'underfit-too-small', units: 1, loss: 'mae', optimizer: { name: 'sgd', learningRate: 0.01 }, epochs: 300, expected: { verdict: 'under-fit', kind: 'too small to learn' } },
    { name: 'good-fit', units: 10, loss: 'mse', optimizer: 'adam', epochs: 800, expected: { verdict: 'good fit', kind: 'converged' } },
    { name: 'overfit', units: 10, loss: 'mse', optimizer: 'adam', epochs: 1200, expected: { verdict: 'over-fit', kind: 'validation turns up' } },
  ] as readonly FitSetup[],
} as const;

/**
 * The reduced run: the LSTM(10)/Adam set-ups differ only in their number of epochs, and
 * unshuffled whole-batch training is deterministic, so the 100- and 800-epoch curves are the
 * first epochs of the 1200-epoch run; `quick` trains that run once and cuts it.
 */
export const FIT_DIAGNOSIS_QUICK = { shareAdamRun: true } as const;

/** Options of the fit-diagnosis app's {@link run}. */
export interface FitDiagnosisRunOptions extends SystemRunOptions {
  /** Train the Adam set-ups once and cut the history (default: only with `quick`). */
  readonly shareAdamRun?: boolean;
}

/** One set-up's outcome, as returned in `details` and used by the tests. */
interface SetupOutcome {
  readonly setup: FitSetup;
  readonly history: { loss: number[]; val_loss: number[] };
  readonly diagnosis: Diagnosis;
  readonly correct: boolean;
}

/**
 * Reproduce lesson 12's diagnosis of learning curves: train LSTM models on the toy data in
 * four set-ups and name each one under-fit (still improving or too small), good fit or
 * over-fit from its training and validation curves, with the numbers behind the verdict.
 *
 * @param options seed, `quick`, log and the folder for the four learning-curve charts
 * @returns the tour row: skill = set-ups diagnosed as the course names them, out of 4
 * @example
 * const result = await run({ outDir: 'out/b12a' });
 * console.log(result.details?.join('\n')); // one verdict with its evidence per set-up
 */
export async function run(options: FitDiagnosisRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? FIT_DIAGNOSIS_CONFIG.seed;
  const share = options.shareAdamRun ?? (options.quick ? FIT_DIAGNOSIS_QUICK.shareAdamRun : false);
  const { train, validation } = fitDiagnosisData();
  const output = options.log ? lineOutput(options.log) : undefined;

  let params = 0;
  let trainSeconds = 0;
  const printed = new Set<number>();
  async function train1(setup: FitSetup): Promise<{ loss: number[]; val_loss: number[] }> {
    const model = vanilla({ units: setup.units, timesteps: 1, features: 1, outputs: 1, seed });
    compileModel(model, { loss: setup.loss, optimizer: setup.optimizer });
    if (!printed.has(setup.units)) {
      printed.add(setup.units);
      const table = summary(model, { print: log });
      if (setup.units === 10) params = table.total;
    }
    const started = performance.now();
    const history = await fit(model, train, {
      epochs: setup.epochs,
      batchSize: FIT_DIAGNOSIS_CONFIG.batchSize,
      shuffle: false,
      validationData: validation,
      verbose: 0,
      output,
    });
    trainSeconds += (performance.now() - started) / 1000;
    // model.dispose() frees the weights only; the optimizer's slots are its own.
    model.optimizer?.dispose();
    model.dispose();
    return { loss: [...history.history.loss], val_loss: [...history.history.val_loss] };
  }

  const setups = FIT_DIAGNOSIS_CONFIG.setups;
  const longestAdam = setups.filter((s) => s.optimizer === 'adam').reduce((a, b) => (b.epochs > a.epochs ? b : a));
  const sharedRun = share ? await train1(longestAdam) : undefined;

  const outcomes: SetupOutcome[] = [];
  for (const setup of setups) {
    log(`${describeSetup(setup)}: training ${setup.epochs} epochs${sharedRun && setup.optimizer === 'adam' ? ` (first ${setup.epochs} epochs of the ${longestAdam.epochs}-epoch run)` : ''}`);
    const history =
      sharedRun && setup.optimizer === 'adam'
        ? { loss: sharedRun.loss.slice(0, setup.epochs), val_loss: sharedRun.val_loss.slice(0, setup.epochs) }
        : await train1(setup);
    const diagnosis = diagnose(history);
    const correct = diagnosis.verdict === setup.expected.verdict && diagnosis.kind === setup.expected.kind;
    outcomes.push({ setup, history, diagnosis, correct });
    log(`  Diagnosis: ${diagnosis.verdict} (${diagnosis.kind}); course: ${setup.expected.verdict} (${setup.expected.kind}) — ${correct ? 'agrees' : 'DISAGREES'}`);
    for (const line of diagnosis.evidence) log(`    ${line}`);
    log(`    Suggestion: ${diagnosis.suggestion}`);
  }

  const charts: SystemChart[] = [];
  if (options.outDir) {
    for (const { setup, history, diagnosis } of outcomes) {
      const spec = learningCurves({
        title: `${describeSetup(setup)}: ${diagnosis.verdict} (${diagnosis.kind})`,
        history,
        yTitle: `loss (${setup.loss.toUpperCase()}, log scale)`,
        // A log axis: the over-fit turn-up (1e-5 → 2e-3) is invisible beside the first epochs'
        // 0.7 on a linear one.
        yScale: 'log',
        ...(diagnosis.turnUpEpoch ? { markEpoch: { epoch: diagnosis.turnUpEpoch, label: 'val_loss turns up' } } : {}),
      });
      const path = join(options.outDir, `${setup.name}.svg`);
      await writeChart(spec, path);
      charts.push({ title: `${describeSetup(setup)}: ${diagnosis.verdict}`, path, spec });
    }
  }

  const correct = outcomes.filter((o) => o.correct).length;
  const details = outcomes.map(
    ({ setup, diagnosis, correct: ok }) =>
      `${describeSetup(setup)}: ${diagnosis.verdict} (${diagnosis.kind}), expected ${setup.expected.verdict} (${setup.expected.kind}) ` +
      `${ok ? '✓' : '✗'}; final loss ${diagnosis.finalLoss.toFixed(4)}, final val_loss ${diagnosis.finalValLoss?.toFixed(4)}` +
      (diagnosis.minValEpoch ? `, lowest val_loss at epoch ${diagnosis.minValEpoch}` : ''),
  );
  log(`Diagnosed ${correct} of ${outcomes.length} set-ups as the course does (reference 4 of 4), trained in ${trainSeconds.toFixed(1)} s`);

  return {
    id: 'fit-diagnosis',
    lesson: 'B12a',
    title: 'Diagnosing under-fit, good fit and over-fit',
    architecture: 'LSTM(10) → Dense(1); LSTM(1) → Dense(1)',
    params,
    trainSeconds,
    skill: { name: 'diagnoses as the course', value: correct, display: `${correct}/${outcomes.length}` },
    reference: '4/4',
    threshold: '4/4',
    passed: correct === outcomes.length,
    backend: backend.name,
    details,
    charts,
  };
}

function describeSetup(s: FitSetup): string {
  const opt = typeof s.optimizer === 'string' ? s.optimizer : (s.optimizer as { name: string }).name;
  return `LSTM(${s.units}) ${s.loss.toUpperCase()} ${opt === 'sgd' ? 'SGD' : 'Adam'} ${s.epochs} epochs`;
}
