import { ChartDataError } from './errors';
import { type VegaLiteSpec, VEGA_LITE_SCHEMA } from './vega-lite-spec';
import { checkNonEmpty, checkUniqueNames, describe, finiteOrNull } from './internal/check-values';
import { paletteFor } from './internal/palette';
import { checkAxisFormat, checkLogScaleValues, checkYScale, yScaleSpec } from './internal/axis-options';

/** A point of a series with its own x value. */
export interface XY {
  x: number;
  y: number;
}

/** One named series of {@link seriesChart}. */
export interface ChartSeries {
  /** Legend label, e.g. `truth` or `prediction`. */
  name: string;
  /** The values, at x = 0, 1, 2, … when given as numbers, or explicit `{x, y}` points. */
  values: readonly number[] | readonly XY[];
  /** Draw this series dashed (a prediction over a solid truth); default false. */
  dashed?: boolean;
}

/** Options of {@link seriesChart}. */
export interface SeriesChartOptions {
  /** The series to draw, each one line in the legend. */
  series: readonly ChartSeries[];
  /** Chart title; default `Series`. */
  title?: string;
  /** x-axis title; default `time step`. */
  xTitle?: string;
  /** y-axis title; default `value`. */
  yTitle?: string;
  /**
   * y scale, `linear` or `log`; default `linear`. `log` shows series spanning decades but
   * needs every finite y above zero: a value at or below zero throws a {@link ChartDataError}.
   */
  yScale?: 'linear' | 'log';
  /**
   * x-axis label format, a [d3-format](https://d3js.org/d3-format) string: `d` writes years
   * as `1959` instead of `1,959`, `.2f` two decimals, `~s` SI prefixes; default the vega-lite
   * format (thousands separated by commas). Anything that is not a d3-format string throws a
   * {@link ChartDataError}.
   */
  xFormat?: string;
  /** Mark every point with a dot; default true when no series has more than 60 points. */
  points?: boolean;
  /** Plot width in pixels; default 480. */
  width?: number;
  /** Plot height in pixels; default 300. */
  height?: number;
}

/**
 * A line chart of named series against a step or an explicit x, such as a damped sine and
 * the model's prediction (B7) or a forecast over the truth (L6).
 *
 * @param options the series and labels; see {@link SeriesChartOptions}
 * @returns a Vega-Lite spec with a title, axis titles and a legend of the series
 * @throws ChartDataError when there are no series, names repeat, values are neither numbers nor `{x, y}` points,
 *   `yScale: 'log'` meets a value that is not above zero, or `xFormat` is not a d3-format string
 * @example
 * const spec = seriesChart({
 *   title: 'Damped sine: truth vs prediction',
 *   series: [{ name: 'truth', values: [0.5, 0.9, 0.6] }, { name: 'prediction', values: [0.52, 0.85, 0.61], dashed: true }],
 * });
 * await writeChart(spec, 'sine.svg');
 */
export function seriesChart(options: SeriesChartOptions): VegaLiteSpec {
  const { series } = options;
  checkNonEmpty(series, 'series', 'pass [{ name, values }], values as numbers or {x, y} points');
  const names = series.map((s) => s?.name);
  checkUniqueNames(names, 'series');
  const rows = series.flatMap((s, i) => seriesRows(s, i));
  const longest = Math.max(...series.map((s) => s.values.length));
  const yScale = checkYScale(options.yScale);
  checkLogScaleValues(yScale, rows, (r) => r.y, 'y', (r) => `for "${r.series}" at x = ${r.x}`);
  const xFormat = checkAxisFormat(options.xFormat, 'xFormat');
  const anyDashed = series.some((s) => s.dashed === true);
  // Outside the plot: a series can run through any corner, so an inner legend could hide it.
  const legend = { orient: 'right' };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'Series',
    width: options.width ?? 480,
    height: options.height ?? 300,
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2, point: options.points ?? longest <= 60 },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: options.xTitle ?? 'time step',
        ...(xFormat === undefined ? {} : { axis: { format: xFormat } }),
      },
      y: { field: 'y', type: 'quantitative', title: options.yTitle ?? 'value', ...yScaleSpec(yScale, { zero: false }) },
      color: { field: 'series', type: 'nominal', title: 'series', scale: { domain: names, range: paletteFor(names.length) }, legend },
      // Same field and title as colour, so vega-lite merges both into one legend entry per series.
      ...(anyDashed
        ? {
            strokeDash: {
              field: 'series',
              type: 'nominal',
              title: 'series',
              scale: { domain: names, range: series.map((s) => (s.dashed ? [6, 4] : [1, 0])) },
              legend,
            },
          }
        : {}),
      order: { field: 'x', type: 'quantitative' },
    },
  };
}

function seriesRows(s: ChartSeries, index: number): { series: string; x: number; y: number | null }[] {
  const values: readonly unknown[] | undefined = s.values as readonly unknown[] | undefined;
  if (!Array.isArray(values) || values.length === 0) {
    throw new ChartDataError(
      `expected series[${index}] ("${s.name}") values to be a non-empty array, got ${describe(values)}; give numbers or {x, y} points`,
    );
  }
  return values.map((v, j) => {
    if (typeof v === 'number') return { series: s.name, x: j, y: finiteOrNull(v) };
    if (v !== null && typeof v === 'object' && typeof (v as XY).x === 'number' && typeof (v as XY).y === 'number') {
      const p = v as XY;
      if (!Number.isFinite(p.x)) {
        throw new ChartDataError(`expected series[${index}] ("${s.name}") point ${j} to have a finite x, got ${p.x}; x positions every point on the axis`);
      }
      return { series: s.name, x: p.x, y: finiteOrNull(p.y) };
    }
    throw new ChartDataError(
      `expected series[${index}] ("${s.name}") value ${j} to be a number or an {x, y} point, got ${describe(v)}; do not mix other values in`,
    );
  });
}
