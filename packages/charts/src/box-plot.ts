import { ChartDataError } from './errors';
import { type VegaLiteSpec, VEGA_LITE_SCHEMA } from './vega-lite-spec';
import { checkNonEmpty, checkNumberArray, checkUniqueNames } from './internal/check-values';
import { paletteFor } from './internal/palette';
import { checkLogScaleValues, checkYScale, yScaleSpec } from './internal/axis-options';

/** Options of {@link boxPlot}. */
export interface BoxPlotOptions {
  /** One box per group, e.g. the final losses of five repeats of one configuration. */
  groups: readonly { name: string; values: readonly number[] }[];
  /** y-axis title, the measured quantity (e.g. `test loss (MSE)`). */
  yTitle: string;
  /** x-axis title; default `configuration`. */
  xTitle?: string;
  /** Chart title; default `Distribution of <yTitle> per <xTitle>`. */
  title?: string;
  /**
   * Whisker reach in interquartile ranges; default 1.5, the pandas / matplotlib `boxplot()`
   * default the course's figures use. Points beyond it are drawn as outliers.
   */
  whisker?: number;
  /**
   * y scale, `linear` or `log`; default `linear`. `log` compares groups that differ by orders
   * of magnitude (a refit 100× better than the model it replaces) but needs every finite value
   * above zero: a value at or below zero throws a {@link ChartDataError}.
   */
  yScale?: 'linear' | 'log';
  /**
   * Angle of the group names under the boxes, in degrees (negative slants them up to the
   * left); default 0. Long names that overlap read better at -25 to -45.
   */
  xLabelAngle?: number;
  /** Plot width in pixels; default 60 per group, at least 240. */
  width?: number;
  /** Plot height in pixels; default 300. */
  height?: number;
}

/**
 * A box-and-whisker plot per group (median, quartiles, 1.5·IQR whiskers, outliers): the
 * robust comparison of repeated runs per configuration (B12b grids, B14 candidates).
 *
 * @param options the groups and the y-axis title; see {@link BoxPlotOptions}
 * @returns a Vega-Lite spec with a title, axis titles and a legend of the groups, in the given order
 * @throws ChartDataError when there are no groups, names repeat, a group has no finite value,
 *   or `yScale: 'log'` meets a value that is not above zero
 * @example
 * const spec = boxPlot({
 *   groups: [{ name: '1 cell', values: [0.21, 0.2, 0.22] }, { name: '5 cells', values: [0.1, 0.09, 0.1] }],
 *   yTitle: 'test loss (MSE)',
 * });
 * await writeChart(spec, 'cells.png');
 */
export function boxPlot(options: BoxPlotOptions): VegaLiteSpec {
  const { groups } = options;
  checkNonEmpty(groups, 'groups', 'pass one { name, values } per configuration');
  const names = groups.map((g) => g?.name);
  checkUniqueNames(names, 'group');
  const rows = groups.flatMap((group, i) => {
    checkNumberArray(group.values, `groups[${i}].values`, 'give the metric of each run as a number');
    const finite = Array.from(group.values).filter((v) => Number.isFinite(v));
    if (finite.length === 0) {
      throw new ChartDataError(
        `expected group "${group.name}" to have at least one finite value, got ${group.values.length} value(s) and none finite; drop diverged runs or the group`,
      );
    }
    return finite.map((value) => ({ group: group.name, value }));
  });
  const whisker = options.whisker ?? 1.5;
  if (!(whisker > 0)) {
    throw new ChartDataError(`expected whisker to be a positive number of interquartile ranges, got ${whisker}; use 1.5`);
  }
  const yScale = checkYScale(options.yScale);
  checkLogScaleValues(yScale, rows, (r) => r.value, 'group', (r) => `in group "${r.group}"`);
  const xTitle = options.xTitle ?? 'configuration';
  const labelAngle = options.xLabelAngle ?? 0;
  if (!Number.isFinite(labelAngle) || Math.abs(labelAngle) > 90) {
    throw new ChartDataError(`expected xLabelAngle to be a number of degrees from -90 to 90, got ${labelAngle}; e.g. -30 to slant long names`);
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `Distribution of ${options.yTitle} per ${xTitle}`,
    width: options.width ?? Math.max(240, 60 * groups.length),
    height: options.height ?? 300,
    data: { values: rows },
    mark: { type: 'boxplot', extent: whisker, size: 28, median: { color: '#222222' } },
    encoding: {
      x: { field: 'group', type: 'nominal', title: xTitle, sort: names, axis: { labelAngle } },
      y: { field: 'value', type: 'quantitative', title: options.yTitle, ...yScaleSpec(yScale, { zero: false }) },
      color: {
        field: 'group',
        type: 'nominal',
        title: xTitle,
        sort: names,
        scale: { domain: names, range: paletteFor(names.length) },
      },
    },
  };
}
