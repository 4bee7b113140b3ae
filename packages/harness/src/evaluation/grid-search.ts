import { describe, type DescribeTable } from './describe';
import { EvaluationError } from './errors';
import type { Executor } from './executors/executor';
import { inlineExecutor } from './executors/inline';
import { repeatSeeds, type RepeatSeedOptions } from './repeat-seeds';
import { contextOf, type ConfigTrial, type TrialJob, type TrialRun } from './trial';

/** The values to try for each option: `{ cells: [1, 5, 10], batchSize: [1, 2, 3] }`. */
export type SearchSpace = Readonly<Record<string, readonly unknown[]>>;

/** Options of {@link gridSearch}. */
export interface GridSearchOptions extends RepeatSeedOptions {
  /** `'min'` (default) when lower scores are better (losses), `'max'` for accuracies. */
  readonly mode?: 'min' | 'max';
  /**
   * Settings that are the same for every configuration (epochs, data sizes, the backend):
   * merged into the `config` each trial receives, but not grid dimensions, so they add no
   * columns to row labels, `keys`, `byValue` or the printed tables. A key may be in the search
   * space or here, not both. Plain data only (numbers, strings, arrays, plain objects), since a
   * `workerPoolExecutor` sends them to its threads by structured clone. Default `{}`.
   */
  readonly fixed?: Readonly<Record<string, unknown>>;
  /** Where the runs execute: `inlineExecutor()` (default) or `workerPoolExecutor(...)`. */
  readonly executor?: Executor;
  /** Called as each run finishes (in finishing order) with its configuration (the grid's values, without `fixed`). */
  readonly onResult?: (result: { readonly config: Record<string, unknown>; readonly label: string; readonly run: TrialRun }) => void;
}

/** One configuration's row of the grid: its runs and their describe() table. */
export interface GridRow {
  /** The option values of this configuration (the grid's keys only; `fixed` settings are in the result's `fixed`). */
  readonly config: Record<string, unknown>;
  /** `key=value` pairs joined by `, `, for tables and chart legends. */
  readonly label: string;
  /** The describe() table of this configuration's scores. */
  readonly summary: DescribeTable;
  /** One score per repeat, in repeat order (the data of a box plot). */
  readonly scores: number[];
  /** Every run with its seed and history. */
  readonly runs: TrialRun[];
}

/** One value of one option, pooled over every configuration that uses it. */
export interface GridMarginal {
  /** The option value. */
  readonly value: unknown;
  /** The value as printed. */
  readonly label: string;
  /** The mean of all scores of the configurations with this value (the course's "mean loss by cells"). */
  readonly mean: number;
  /** The describe() table of those pooled scores. */
  readonly summary: DescribeTable;
  /** The pooled scores. */
  readonly scores: number[];
}

/** What {@link gridSearch} returns. */
export interface GridSearchResult {
  /** The option names, in the order of the search space (never the `fixed` ones). */
  readonly keys: string[];
  /** The settings every configuration shared (the `fixed` option; `{}` without it). */
  readonly fixed: Record<string, unknown>;
  /** One row per configuration, in grid order (the last key varies fastest). */
  readonly rows: GridRow[];
  /** For each option, one entry per value, in the order the values were given. */
  readonly byValue: Record<string, GridMarginal[]>;
  /** The row with the best mean score (lowest for `'min'`); the first one on ties. */
  readonly best: GridRow;
  /** Whether lower or higher scores are better. */
  readonly mode: 'min' | 'max';
  /** The seeds every configuration was run with (the same for all, so they compare fairly). */
  readonly seeds: number[];
}

/**
 * Search a grid of options: run every combination `repeats` times over the same seeds and
 * summarise each like the course's describe() tables, pooled per option value ("mean loss by
 * cells", "by batch size"), with the best configuration. Sharing seeds across configurations
 * means differences come from the options, not from luckier initialisations.
 *
 * @param space option name → values to try; any option the trial understands
 * @param trial builds, trains and scores the model for `config` (one grid cell merged with
 *   `fixed`); receives `(config, { seed, repeat })`
 * @param options repeats, seed or seeds, mode, fixed settings, executor, per-run callback
 * @returns rows per configuration, marginals per option value, the best row, the fixed settings and the seeds
 * @throws EvaluationError for an empty space, a key without values, `fixed` that is not an
 *   object, a key both in `space` and in `fixed`, or (on a worker pool) a fixed value that cannot
 *   be sent to a thread; TrialError when a run fails
 * @example
 * const grid = await gridSearch({ cells: [1, 5, 10], batchSize: [1, 2] },
 *   async ({ cells, batchSize, epochs }, { seed }) => trainToy(cells as number, batchSize as number, epochs as number, seed),
 *   { repeats: 5, seed: 1, fixed: { epochs: 500 } });
 * console.log(formatGridTable(grid)); // rows "cells=1, batchSize=1", …; no epochs column
 */
export async function gridSearch<C extends Record<string, unknown> = Record<string, unknown>>(
  space: SearchSpace,
  trial: ConfigTrial<C>,
  options: GridSearchOptions,
): Promise<GridSearchResult> {
  const keys = checkSpace(space);
  const mode = options.mode ?? 'min';
  if (mode !== 'min' && mode !== 'max') {
    throw new EvaluationError(`expected mode 'min' or 'max', got '${String(mode)}'; use 'max' for accuracies`);
  }
  const executor = options.executor ?? inlineExecutor();
  const fixed = checkFixed(options.fixed, keys, executor);
  const seeds = repeatSeeds(options);
  const configs = product(space, keys);
  const labels = configs.map((c) => labelOf(c, keys));
  const jobs: TrialJob[] = [];
  for (const config of configs) {
    // The trial sees the cell and the fixed settings as one config; rows keep the cell alone.
    const merged = Object.keys(fixed).length ? { ...config, ...fixed } : config;
    seeds.forEach((seed, r) => jobs.push({ seed, repeat: r, config: merged }));
  }
  const runs = await executor.run(
    jobs,
    async (job) => trial(job.config as C, contextOf(job)),
    options.onResult &&
      ((run, i) => {
        const c = Math.floor(i / seeds.length);
        options.onResult!({ config: configs[c], label: labels[c], run });
      }),
  );
  const rows: GridRow[] = configs.map((config, c) => {
    const own = runs.slice(c * seeds.length, (c + 1) * seeds.length);
    const scores = own.map((r) => r.score);
    return { config, label: labels[c], summary: describe(scores), scores, runs: own };
  });
  const byValue: Record<string, GridMarginal[]> = {};
  for (const key of keys) {
    byValue[key] = space[key].map((value) => {
      const scores = rows.filter((row) => Object.is(row.config[key], value)).flatMap((row) => row.scores);
      const summary = describe(scores);
      return { value, label: formatValue(value), mean: summary.mean, summary, scores };
    });
  }
  return { keys, fixed, rows, byValue, best: bestRow(rows, mode), mode, seeds };
}

/** Options of {@link formatGridTable}. */
export interface FormatGridTableOptions {
  /** Digits after the decimal point (default 6, as pandas). */
  readonly digits?: number;
}

/**
 * Print a grid search as text: the fixed settings (when there are any) on one line, one row
 * per configuration (count, mean, std, min, median, max), then the mean score per value of
 * each option, then the best configuration.
 *
 * @param result what `gridSearch` returned
 * @param options number of digits
 * @returns the text, lines separated by newlines
 * @example
 * console.log(formatGridTable(await gridSearch(space, trial, { repeats: 5 })));
 */
export function formatGridTable(result: GridSearchResult, options: FormatGridTableOptions = {}): string {
  const digits = options.digits ?? 6;
  const f = (v: number) => (Number.isNaN(v) ? 'NaN' : v.toFixed(digits));
  const header = ['config', 'count', 'mean', 'std', 'min', '50%', 'max'];
  const body = result.rows.map((r) => [
    r.label,
    String(r.summary.count),
    f(r.summary.mean),
    f(r.summary.std),
    f(r.summary.min),
    f(r.summary['50%']),
    f(r.summary.max),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const fixedKeys = Object.keys(result.fixed ?? {});
  const out = fixedKeys.length ? [`fixed: ${labelOf(result.fixed, fixedKeys)}`, ''] : [];
  out.push(line(header), ...body.map(line));
  const score = result.mode === 'min' ? 'lower is better' : 'higher is better';
  for (const key of result.keys) {
    out.push('', `mean score by ${key} (${score}):`);
    const marginals = result.byValue[key];
    const w = Math.max(...marginals.map((m) => m.label.length));
    for (const m of marginals) out.push(`  ${m.label.padEnd(w)}  ${f(m.mean)}  (n=${m.summary.count})`);
  }
  out.push('', `best: ${result.best.label} (mean ${f(result.best.summary.mean)}, std ${f(result.best.summary.std)})`);
  return out.join('\n');
}

function checkSpace(space: SearchSpace): string[] {
  if (typeof space !== 'object' || space === null || Array.isArray(space)) {
    throw new EvaluationError('expected the search space as an object of option → values, e.g. { cells: [1, 5, 10] }');
  }
  const keys = Object.keys(space);
  if (keys.length === 0) {
    throw new EvaluationError('expected at least one option in the search space, got {}; e.g. { cells: [1, 5, 10] }');
  }
  for (const key of keys) {
    const values = space[key];
    if (!Array.isArray(values) || values.length === 0) {
      throw new EvaluationError(`expected a non-empty array of values for option '${key}', got ${JSON.stringify(values)}; list the values to try`);
    }
  }
  return keys;
}

function checkFixed(fixed: GridSearchOptions['fixed'], keys: string[], executor: Executor): Record<string, unknown> {
  if (fixed === undefined) return {};
  if (typeof fixed !== 'object' || fixed === null || Array.isArray(fixed)) {
    throw new EvaluationError(`expected fixed as an object of option → value, got ${formatValue(fixed)}; e.g. { epochs: 500 }`);
  }
  const clashes = keys.filter((key) => Object.prototype.hasOwnProperty.call(fixed, key));
  if (clashes.length) {
    const names = clashes.map((k) => `'${k}'`).join(', ');
    throw new EvaluationError(
      `option${clashes.length > 1 ? 's' : ''} ${names} ${clashes.length > 1 ? 'are' : 'is'} both in the search space and in fixed; ` +
        'list several values in the space to vary it, or one value in fixed to keep it, not both',
    );
  }
  if (executor.kind === 'worker-pool') {
    for (const [key, value] of Object.entries(fixed)) {
      try {
        structuredClone(value);
      } catch (e) {
        throw new EvaluationError(
          `fixed setting '${key}' cannot be sent to worker threads (${(e as Error).message}); ` +
            'pass plain data (numbers, strings, arrays, plain objects) and build anything else inside the trial',
        );
      }
    }
  }
  return { ...fixed };
}

function product(space: SearchSpace, keys: string[]): Record<string, unknown>[] {
  let configs: Record<string, unknown>[] = [{}];
  for (const key of keys) {
    configs = configs.flatMap((c) => space[key].map((v) => ({ ...c, [key]: v })));
  }
  return configs;
}

function labelOf(config: Record<string, unknown>, keys: string[]): string {
  return keys.map((k) => `${k}=${formatValue(config[k])}`).join(', ');
}

function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

function bestRow(rows: GridRow[], mode: 'min' | 'max'): GridRow {
  let best: GridRow | undefined;
  for (const row of rows) {
    const m = row.summary.mean;
    if (Number.isNaN(m)) continue;
    if (best === undefined || (mode === 'min' ? m < best.summary.mean : m > best.summary.mean)) best = row;
  }
  // Every mean NaN means every run diverged; report the first row rather than nothing.
  return best ?? rows[0];
}
