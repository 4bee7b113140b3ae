import { ChartDataError } from '../errors';
import { describe } from './check-values';

/** The y scales the chart functions offer. */
export type YScale = 'linear' | 'log';

/** The `yScale` option checked, default `linear`; throws on anything but `linear` or `log`. */
export function checkYScale(yScale: unknown): YScale {
  if (yScale === undefined) return 'linear';
  if (yScale === 'linear' || yScale === 'log') return yScale;
  throw new ChartDataError(`expected yScale to be 'linear' or 'log', got ${describe(yScale)}; use 'log' for values spanning decades`);
}

/**
 * Throw unless every value is above zero when `yScale` is `log`: a log axis cannot place zero
 * or a negative number. `null` values (NaN in the input) are gaps and pass.
 *
 * @param yScale the checked `yScale` option; nothing is checked for `linear`
 * @param rows the data rows of the chart
 * @param value the drawn y value of a row
 * @param what the quantity, as in `every <what> value`
 * @param where where a row sits, as in `got 0 <where>` (e.g. `for "loss" at epoch 2`)
 */
export function checkLogScaleValues<R>(
  yScale: YScale,
  rows: readonly R[],
  value: (row: R) => number | null,
  what: string,
  where: (row: R) => string,
): void {
  if (yScale !== 'log') return;
  const bad = rows.find((row) => {
    const v = value(row);
    return v !== null && v <= 0;
  });
  if (bad !== undefined) {
    throw new ChartDataError(
      `expected every ${what} value to be above zero for yScale 'log', got ${value(bad)} ${where(bad)}; use yScale 'linear' or leave out the values at or below zero`,
    );
  }
}

/**
 * The Vega-Lite y `scale` of a chart: `base` as it is for a linear axis (so a default spec does
 * not change), `{ type: 'log' }` for a log axis (a log scale never includes zero).
 */
export function yScaleSpec(yScale: YScale, base?: Record<string, unknown>): { scale?: Record<string, unknown> } {
  if (yScale === 'log') return { scale: { type: 'log' } };
  return base === undefined ? {} : { scale: base };
}

// d3-format's specifier grammar: [[fill]align][sign][symbol][0][width][,][.precision][~][type].
const D3_FORMAT = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;

/** The `xFormat` option checked: a d3-format string such as `d`, `.2f` or `~s`. */
export function checkAxisFormat(format: unknown, what: string): string | undefined {
  if (format === undefined) return undefined;
  if (typeof format !== 'string' || format === '' || !D3_FORMAT.test(format)) {
    throw new ChartDataError(
      `expected ${what} to be a d3-format string such as 'd', '.2f' or '~s', got ${describe(format)}; see https://d3js.org/d3-format`,
    );
  }
  return format;
}
