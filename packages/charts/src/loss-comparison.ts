import { ChartDataError } from './errors';
import { type VegaLiteSpec, VEGA_LITE_SCHEMA } from './vega-lite-spec';
import { checkNonEmpty, checkUniqueNames } from './internal/check-values';
import { checkHistory, checkMetricsPresent, curveRows } from './internal/history-rows';
import { checkLogScaleValues, checkYScale } from './internal/axis-options';
import { paletteFor } from './internal/palette';

/** Options of {@link lossComparison}. */
export interface LossComparisonOptions {
  /** One entry per model: its legend name and its Keras-style training history. */
  models: readonly { name: string; history: Record<string, readonly number[]> }[];
  /** The metric compared; default `loss`. */
  metric?: string;
  /** Chart title; default `<metric> of N models`. */
  title?: string;
  /**
   * y scale, `linear` or `log`; default `linear`. `log` suits losses spanning decades (L3's
   * plain RNN stays in the thousands while the LSTM reaches hundredths) but needs every value
   * above zero: a value at or below zero throws a {@link ChartDataError}.
   */
  yScale?: 'linear' | 'log';
  /** The epoch number of the first value; default 1. */
  firstEpoch?: number;
  /** x-axis title; default `epoch`. */
  xTitle?: string;
  /** y-axis title; default the metric name. */
  yTitle?: string;
  /** Plot width in pixels; default 480. */
  width?: number;
  /** Plot height in pixels; default 300. */
  height?: number;
}

/**
 * One metric of several models per epoch on one chart, a line per model: the L3 comparison of
 * a plain RNN, an RNN with batch normalisation and an LSTM.
 *
 * @param options the models' histories and the metric; see {@link LossComparisonOptions}
 * @returns a Vega-Lite spec with a title, axis titles and a legend of the models
 * @throws ChartDataError when there are no models, names repeat, a history lacks the metric,
 *   or `yScale: 'log'` meets a value that is not above zero
 * @example
 * const spec = lossComparison({
 *   models: [{ name: 'SimpleRNN', history: { loss: [900, 400] } }, { name: 'LSTM', history: { loss: [800, 3] } }],
 *   yScale: 'log',
 * });
 * await writeChart(spec, 'l3-loss.png');
 */
export function lossComparison(options: LossComparisonOptions): VegaLiteSpec {
  const { models } = options;
  checkNonEmpty(models, 'models', 'pass [{ name, history }] with the history fit returned for each model');
  const names = models.map((m) => m?.name);
  checkUniqueNames(names, 'model');
  const metric = options.metric ?? 'loss';
  const yScale = checkYScale(options.yScale);
  const rows = models.flatMap((model, i) => {
    checkHistory(model.history, `models[${i}].history`);
    checkMetricsPresent(model.history, [metric], `models[${i}] ("${model.name}")`);
    return curveRows(model.name, model.history[metric], options.firstEpoch ?? 1);
  });
  if (rows.length === 0) {
    throw new ChartDataError(`expected at least one epoch of "${metric}" among the models, got none; train for at least one epoch`);
  }
  checkLogScaleValues(yScale, rows, (r) => r.value, metric, (r) => `for "${r.series}" at epoch ${r.epoch}`);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? `${metric} of ${models.length} model${models.length === 1 ? '' : 's'}`,
    width: options.width ?? 480,
    height: options.height ?? 300,
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: options.xTitle ?? 'epoch', axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'value', type: 'quantitative', title: options.yTitle ?? metric, scale: { type: yScale } },
      color: {
        field: 'series',
        type: 'nominal',
        title: 'model',
        scale: { domain: names, range: paletteFor(names.length) },
        legend: { orient: 'top-right' },
      },
    },
  };
}
