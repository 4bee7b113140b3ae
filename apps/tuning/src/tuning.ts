import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initBackend } from '@lstm-kit/backend';
import { boxPlot, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions } from '@lstm-kit/cli';
import {
  type ConfigTrial,
  type Executor,
  type GridSearchResult,
  formatDescribe,
  gridSearch,
  inlineExecutor,
  workerPoolExecutor,
} from '@lstm-kit/harness';
import { summary, vanilla } from '@lstm-kit/layers';

/**
 * The book's tuning experiment (lesson 12, spec B12b) on the toy data: two grids, each run
 * 5 times over the same seeds, 500 epochs, scored by the validation MSE.
 */
export const TUNING_CONFIG = {
  epochs: 500,
  repeats: 5,
  seed: 12,
  /** Grid 1: memory cells, with the 5 samples as one batch (Keras's default batch of 32). */
  cells: [1, 5, 10],
  cellsBatchSize: 5,
  /** Grid 2: batch size, with 10 cells. */
  batchSizes: [1, 2, 3],
  batchCells: 10,
  /** Worker threads for the 45 runs (0: run inline). */
  workers: 2,
  /** The course's mean validation loss per value. */
  reference: { cells: [0.206, 0.096, 0.028], batchSize: [0.0008, 0.0014, 0.0056] },
} as const;

/** The reduced size `--quick` and the tests use: fewer epochs and repeats, inline. */
export const TUNING_QUICK = { epochs: 250, repeats: 3, workers: 0 } as const;

/** Options of the tuning app's {@link run}. */
export interface TuningRunOptions extends SystemRunOptions {
  /** Epochs per run. Default 500 (250 with `quick`). */
  readonly epochs?: number;
  /** Runs per configuration. Default 5 (3 with `quick`). */
  readonly repeats?: number;
  /** Worker threads (0 runs inline in this thread). Default 2 (0 with `quick`). */
  readonly workers?: number;
  /** Which grids to run. Default both. */
  readonly grids?: readonly ('cells' | 'batchSize')[];
}

/**
 * The trial module both executors load: plain JS, found beside `src/` and `dist/` alike. The
 * CJS build has `__filename` and an empty `import.meta`; the ESM build and vitest have
 * `import.meta.url`.
 */
const TRIAL_MODULE = join(dirname(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url)), '..', 'trial.mjs');

type TuningConfig = { cells: number; batchSize: number; epochs: number; backend?: string };

/**
 * Reproduce lesson 12's robust evaluation and tuning: for each grid, train every
 * configuration several times over the same seeds, print pandas-style describe() tables per
 * value and draw a box-and-whisker plot per grid; the course's finding is that the mean loss
 * falls from 1 to 5 to 10 memory cells.
 *
 * @param options epochs, repeats, workers, grids, seed, log and the folder for the box plots
 * @returns the tour row: skill = mean validation MSE by cells; passed when it falls 1 → 5 → 10
 * @example
 * const result = await run({ quick: true });
 * console.log(result.skill.display); // e.g. 1: 0.21 / 5: 0.10 / 10: 0.030
 */
export async function run(options: TuningRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? TUNING_CONFIG.seed;
  const epochs = options.epochs ?? (options.quick ? TUNING_QUICK.epochs : TUNING_CONFIG.epochs);
  const repeats = options.repeats ?? (options.quick ? TUNING_QUICK.repeats : TUNING_CONFIG.repeats);
  const workers = options.workers ?? (options.quick ? TUNING_QUICK.workers : TUNING_CONFIG.workers);
  const grids = options.grids ?? ['cells', 'batchSize'];

  // The largest model of the experiment; the others differ only in cells.
  const shown = vanilla({ units: TUNING_CONFIG.batchCells, timesteps: 1, features: 1, outputs: 1, seed });
  const params = summary(shown, { print: log }).total;
  shown.dispose();

  const { trial } = (await import(pathToFileURL(TRIAL_MODULE).href)) as { trial: ConfigTrial<TuningConfig> };
  const executor: Executor =
    workers > 0 ? workerPoolExecutor({ size: workers, module: pathToFileURL(TRIAL_MODULE), exportName: 'trial' }) : inlineExecutor();
  log(`Training ${epochs} epochs per run, ${repeats} runs per configuration, ${workers > 0 ? `${workers} worker threads` : 'inline'}`);

  const results: Partial<Record<'cells' | 'batchSize', GridSearchResult>> = {};
  const started = performance.now();
  try {
    for (const grid of grids) {
      // Each grid varies one option and fixes the other at the course's value; epochs and the
      // backend are the same for every run, so they are fixed settings, not grid dimensions.
      const [space, pinned] =
        grid === 'cells'
          ? [{ cells: [...TUNING_CONFIG.cells] }, { batchSize: TUNING_CONFIG.cellsBatchSize }]
          : [{ batchSize: [...TUNING_CONFIG.batchSizes] }, { cells: TUNING_CONFIG.batchCells }];
      log(`Grid over ${grid === 'cells' ? `cells ${TUNING_CONFIG.cells.join(', ')} (batch ${TUNING_CONFIG.cellsBatchSize})` : `batch size ${TUNING_CONFIG.batchSizes.join(', ')} (${TUNING_CONFIG.batchCells} cells)`}`);
      results[grid] = await gridSearch<TuningConfig>(space, trial, {
        repeats,
        seed,
        executor,
        fixed: { ...pinned, epochs, backend: backend.name },
        onResult: ({ label, run: r }) => log(`  ${label} run ${r.repeat + 1}: val loss ${r.score.toFixed(6)}`),
      });
    }
  } finally {
    await executor.close();
  }
  const trainSeconds = (performance.now() - started) / 1000;

  const details: string[] = [];
  const charts: SystemChart[] = [];
  for (const grid of grids) {
    const result = results[grid]!;
    const marginals = result.byValue[grid];
    const reference = TUNING_CONFIG.reference[grid];
    log(`\nValidation loss (MSE) by ${grid === 'cells' ? 'cells' : 'batch size'}:`);
    log(formatDescribe(Object.fromEntries(marginals.map((m) => [m.label, m.summary]))));
    marginals.forEach((m, i) => {
      const line = `${grid === 'cells' ? 'cells' : 'batch size'} ${m.label}: mean val loss ${m.mean.toFixed(4)} (reference ${reference[i]})`;
      details.push(line);
      log(line);
    });
    if (options.outDir) {
      const name = grid === 'cells' ? 'cells' : 'batch size';
      const spec = boxPlot({
        title: `Validation loss over ${repeats} runs by ${name} (${epochs} epochs)`,
        groups: marginals.map((m) => ({ name: `${m.label}`, values: m.scores })),
        xTitle: name,
        yTitle: 'validation loss (MSE)',
      });
      const path = join(options.outDir, `box-${grid === 'cells' ? 'cells' : 'batch-size'}.svg`);
      await writeChart(spec, path);
      // A PNG beside the SVG, for places that show pictures but not SVG (chat, slides, issues).
      await writeChart(spec, path.replace(/\.svg$/, '.png'));
      charts.push({ title: `Validation loss by ${name}`, path, spec });
    }
  }

  const byCells = results.cells?.byValue.cells.map((m) => m.mean) ?? [];
  const passed = byCells.length === 3 && byCells[0] > byCells[1] && byCells[1] > byCells[2];
  const display = byCells.length ? byCells.map((v, i) => `${TUNING_CONFIG.cells[i]}: ${v.toPrecision(2)}`).join(' / ') : 'cells grid not run';
  log(`Mean validation loss by cells ${display} (reference 0.206 / 0.096 / 0.028): ${passed ? 'falls from 1 to 5 to 10 cells as in the course' : 'MISS: does not fall from 1 to 5 to 10 cells'}; ${trainSeconds.toFixed(1)} s`);

  return {
    id: 'tuning',
    lesson: 'B12b',
    title: 'Robust evaluation and tuning of cells and batch size',
    architecture: 'LSTM(1|5|10) → Dense(1)',
    params,
    trainSeconds,
    skill: { name: 'mean val loss by cells', value: byCells[2] ?? Number.NaN, display },
    reference: '0.206 / 0.096 / 0.028',
    threshold: 'falls 1 → 5 → 10 cells',
    passed,
    backend: backend.name,
    details,
    charts,
  };
}
