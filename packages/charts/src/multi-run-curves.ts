import { ChartDataError } from './errors';
import { type VegaLiteSpec, VEGA_LITE_SCHEMA } from './vega-lite-spec';
import { checkNonEmpty, checkUniqueNames } from './internal/check-values';
import { checkHistory, checkMetricsPresent, curveRows } from './internal/history-rows';
import { paletteFor } from './internal/palette';
import { checkLogScaleValues, checkYScale, yScaleSpec } from './internal/axis-options';

/** Options of {@link multiRunCurves}. */
export interface MultiRunCurvesOptions {
  /** One Keras-style history per run (e.g. every repeat of a configuration). */
  runs: readonly Record<string, readonly number[]>[];
  /** Metrics drawn for every run; default `['loss', 'val_loss']` (train blue, validation orange). */
  metrics?: readonly string[];
  /** Chart title; default `Learning curves of N runs`. */
  title?: string;
  /** Line opacity, so many overlapping runs show where they agree; default 0.6. */
  opacity?: number;
  /** The epoch number of the first value; default 1. */
  firstEpoch?: number;
  /** x-axis title; default `epoch`. */
  xTitle?: string;
  /** y-axis title; default `loss`. */
  yTitle?: string;
  /**
   * y scale, `linear` or `log`; default `linear`. `log` shows losses spanning decades but
   * needs every value above zero: a value at or below zero throws a {@link ChartDataError}.
   */
  yScale?: 'linear' | 'log';
  /** Plot width in pixels; default 480. */
  width?: number;
  /** Plot height in pixels; default 300. */
  height?: number;
}

/**
 * Overlaid learning curves of many runs, one colour per metric (train blue, validation
 * orange), as the course draws repeats to show how much a diagnosis varies between runs.
 *
 * @param options the runs and the metrics to draw; see {@link MultiRunCurvesOptions}
 * @returns a Vega-Lite spec with a title, axis titles and a legend of the metrics
 * @throws ChartDataError when there are no runs, a run is not a history or lacks a metric, or
 *   `yScale: 'log'` meets a value that is not above zero
 * @example
 * const spec = multiRunCurves({
 *   runs: [{ loss: [0.9, 0.4], val_loss: [1, 0.5] }, { loss: [0.8, 0.5], val_loss: [0.9, 0.6] }],
 *   metrics: ['loss', 'val_loss'],
 * });
 * await writeChart(spec, 'runs.png');
 */
export function multiRunCurves(options: MultiRunCurvesOptions): VegaLiteSpec {
  const { runs } = options;
  checkNonEmpty(runs, 'runs', 'pass the histories of the repeats, e.g. repeat(...).runs.map((r) => r.history)');
  const metrics = options.metrics ?? ['loss', 'val_loss'];
  checkNonEmpty(metrics, 'metrics', 'name at least one metric, e.g. ["loss", "val_loss"]');
  checkUniqueNames(metrics, 'metric');
  const firstEpoch = options.firstEpoch ?? 1;
  const rows = runs.flatMap((history, run) => {
    checkHistory(history, `runs[${run}]`);
    checkMetricsPresent(history, metrics, `runs[${run}]`);
    return metrics.flatMap((metric) =>
      curveRows(metric, history[metric], firstEpoch).map((row) => ({ ...row, run: run + 1 })),
    );
  });
  if (rows.length === 0) {
    throw new ChartDataError(`expected the runs to hold at least one epoch of ${metrics.join(', ')}, got empty arrays; train for at least one epoch`);
  }
  const yScale = checkYScale(options.yScale);
  checkLogScaleValues(yScale, rows, (r) => r.value, 'metric', (r) => `for "${r.series}" of run ${r.run} at epoch ${r.epoch}`);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `Learning curves of ${runs.length} run${runs.length === 1 ? '' : 's'}`,
    width: options.width ?? 480,
    height: options.height ?? 300,
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 1.5, opacity: options.opacity ?? 0.6 },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: options.xTitle ?? 'epoch', axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'value', type: 'quantitative', title: options.yTitle ?? 'loss', ...yScaleSpec(yScale) },
      color: {
        field: 'series',
        type: 'nominal',
        title: 'metric',
        scale: { domain: [...metrics], range: paletteFor(metrics.length) },
        legend: { orient: 'top-right', symbolOpacity: 1 },
      },
      // Each run and metric is its own line; without `detail` vega would join the runs into one zig-zag.
      detail: { field: 'run', type: 'nominal' },
    },
  };
}
