import { EvaluationError } from './errors';

/**
 * The summary pandas' `Series.describe()` prints, plus the standard error of the mean:
 * the table the course uses to compare repeated runs.
 */
export interface DescribeTable {
  /** Number of values that are not NaN (pandas skips NaN). */
  readonly count: number;
  /** Arithmetic mean. */
  readonly mean: number;
  /** Sample standard deviation (ddof = 1, as pandas); NaN for fewer than two values. */
  readonly std: number;
  /** Smallest value. */
  readonly min: number;
  /** First quartile, linear interpolation (pandas' default). */
  readonly '25%': number;
  /** Median. */
  readonly '50%': number;
  /** Third quartile, linear interpolation. */
  readonly '75%': number;
  /** Largest value. */
  readonly max: number;
  /** Standard error of the mean, `std / sqrt(count)` (pandas' `sem()`); NaN below two values. */
  readonly sem: number;
}

/** The row order pandas prints `describe()` in. */
export const DESCRIBE_ROWS = ['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'] as const;

/**
 * The q-quantile of ascending-sorted values with linear interpolation between the two
 * nearest ranks: numpy's and pandas' default, so quartiles match the course's tables.
 *
 * @param sorted values sorted ascending, none NaN
 * @param q the quantile in [0, 1]
 * @returns the interpolated quantile (NaN when `sorted` is empty)
 * @throws EvaluationError when q is outside [0, 1]
 * @example
 * quantile([1, 2, 3, 4], 0.25); // 1.75, as pandas
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) {
    throw new EvaluationError(`expected a quantile in [0, 1], got ${q}; pass 0.25 for the first quartile`);
  }
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const frac = pos - lo;
  // Written as lo + (hi - lo)·frac like numpy, so equal neighbours give that value exactly.
  return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

/**
 * Summarise repeated scores like pandas' `describe()` (count, mean, sample std, min,
 * quartiles, max) and add the standard error of the mean. NaN values are skipped, as pandas
 * does, so one diverged run shows as a smaller count rather than a NaN table.
 *
 * @param values the scores, for example one final loss per repeat
 * @returns the summary table; every statistic is NaN when no value is left
 * @throws EvaluationError when `values` is not an array of numbers
 * @example
 * const t = describe([0.2, 0.25, 0.18, 0.22, 0.21]);
 * t.mean; // 0.212
 * t['50%']; // 0.21
 */
export function describe(values: readonly number[] | Float32Array | Float64Array): DescribeTable {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new EvaluationError(`expected an array of numbers to describe, got ${typeof values}`);
  }
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') {
      throw new EvaluationError(`expected numbers to describe, got ${typeof v} at index ${i}; return a number score from each trial`);
    }
    if (!Number.isNaN(v)) kept.push(v);
  }
  const n = kept.length;
  const sorted = kept.slice().sort((a, b) => a - b);
  let sum = 0;
  for (const v of kept) sum += v;
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  // Two-pass (mean first, then squared deviations) to avoid the cancellation of sum-of-squares.
  for (const v of kept) ss += (v - mean) * (v - mean);
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  return {
    count: n,
    mean,
    std,
    min: n > 0 ? sorted[0] : NaN,
    '25%': quantile(sorted, 0.25),
    '50%': quantile(sorted, 0.5),
    '75%': quantile(sorted, 0.75),
    max: n > 0 ? sorted[n - 1] : NaN,
    sem: n > 1 ? std / Math.sqrt(n) : NaN,
  };
}

/** Options of {@link formatDescribe}. */
export interface FormatDescribeOptions {
  /** Digits after the decimal point; pandas prints 6. */
  readonly digits?: number;
  /** Also print a `sem` row (standard error) after `max`; pandas' table has none, so false. */
  readonly sem?: boolean;
  /** Column header for a single table (pandas prints the DataFrame column name); none by default. */
  readonly name?: string;
}

/**
 * Print a describe table the way pandas does: one row per statistic, values right-aligned
 * with six decimals. Pass a record of tables to print them side by side, one column each,
 * like `DataFrame.describe()` over one column per configuration.
 *
 * @param table one table, or a record of column name → table
 * @param options digits, whether to add the standard error, a column name
 * @returns the text table, rows separated by newlines, no trailing newline
 * @throws EvaluationError when the record of tables is empty
 * @example
 * console.log(formatDescribe(describe([1, 2, 3, 4])));
 * // count    4.000000
 * // mean     2.500000 ...
 */
export function formatDescribe(
  table: DescribeTable | Readonly<Record<string, DescribeTable>>,
  options: FormatDescribeOptions = {},
): string {
  const digits = options.digits ?? 6;
  const columns: [string, DescribeTable][] = isDescribeTable(table)
    ? [[options.name ?? '', table]]
    : Object.entries(table);
  if (columns.length === 0) {
    throw new EvaluationError('expected at least one describe table to format, got an empty record');
  }
  const rows: string[] = [...DESCRIBE_ROWS];
  if (options.sem) rows.push('sem');
  const cells = columns.map(([, t]) => rows.map((r) => formatNumber(t[r as keyof DescribeTable], digits)));
  const labelWidth = Math.max(...rows.map((r) => r.length));
  const widths = columns.map(([name], c) => Math.max(name.length, ...cells[c].map((s) => s.length)));
  const lines: string[] = [];
  const hasHeader = columns.some(([name]) => name !== '');
  // pandas separates the label column from the values by at least two spaces (four for a Series).
  const gap = hasHeader ? '  ' : '    ';
  if (hasHeader) {
    lines.push(' '.repeat(labelWidth) + columns.map(([name], c) => gap + name.padStart(widths[c])).join(''));
  }
  rows.forEach((r, i) => {
    lines.push(r.padEnd(labelWidth) + columns.map((_, c) => gap + cells[c][i].padStart(widths[c])).join(''));
  });
  return lines.join('\n');
}

function isDescribeTable(x: unknown): x is DescribeTable {
  return typeof x === 'object' && x !== null && typeof (x as DescribeTable).count === 'number' && 'mean' in x;
}

function formatNumber(v: number, digits: number): string {
  return Number.isNaN(v) ? 'NaN' : v.toFixed(digits);
}
