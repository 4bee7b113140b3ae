import { ChartDataError } from './errors';
import { type VegaLiteSpec, VEGA_LITE_SCHEMA } from './vega-lite-spec';
import { checkNonEmpty, checkNumberArray, checkUniqueNames, describe } from './internal/check-values';
import {
  type CurveRow,
  type History,
  checkHistory,
  checkMetricsPresent,
  curveRows,
  defaultMetrics,
} from './internal/history-rows';
import { paletteFor } from './internal/palette';
import { checkLogScaleValues, checkYScale, yScaleSpec } from './internal/axis-options';

/** An epoch to point out on a learning-curve chart, such as where validation loss turns up. */
export interface EpochMark {
  /** The epoch to mark (counted like the x axis, from `firstEpoch`). */
  epoch: number;
  /** The text beside the mark; default `epoch N`. */
  label?: string;
}

/** Options of {@link learningCurves}: give either `history` or `series`. */
export interface LearningCurvesOptions {
  /** Chart title; default `Learning curves`. */
  title?: string;
  /** A Keras-style history (`{ loss: [...], val_loss: [...] }`), one curve per metric drawn. */
  history?: Record<string, readonly number[]>;
  /** Metrics of `history` to draw; default `loss` and `val_loss` if present, else every metric. */
  metrics?: readonly string[];
  /** Named curves, used instead of `history`: `[{ name: 'train', values: [...] }, …]`. */
  series?: readonly { name: string; values: readonly number[] }[];
  /** An epoch to mark with a dashed rule and a label, e.g. the validation turn-up point. */
  markEpoch?: number | EpochMark;
  /** The epoch number of the first value; default 1, as Keras prints `Epoch 1/100`. */
  firstEpoch?: number;
  /** x-axis title; default `epoch`. */
  xTitle?: string;
  /** y-axis title; default `loss` when only losses are drawn, else `value`. */
  yTitle?: string;
  /**
   * y scale, `linear` or `log`; default `linear`. `log` shows losses spanning decades, such
   * as an over-fit turn-up from 1e-5 to 2e-3 after a first epoch at 0.7, but needs every value
   * above zero: a value at or below zero throws a {@link ChartDataError}.
   */
  yScale?: 'linear' | 'log';
  /** Plot width in pixels; default 480. */
  width?: number;
  /** Plot height in pixels; default 300. */
  height?: number;
}

/**
 * A line chart of training and validation curves per epoch (train blue, validation orange,
 * as in the course's matplotlib figures), optionally marking one epoch.
 *
 * @param options the history or named series to draw, and labels; see {@link LearningCurvesOptions}
 * @returns a Vega-Lite spec with a title, axis titles and a legend of the curves
 * @throws ChartDataError when neither or both of `history` and `series` are given, a curve is
 *   empty or not numeric, a requested metric is missing, the marked epoch is off the axis, or
 *   `yScale: 'log'` meets a value that is not above zero
 * @example
 * const spec = learningCurves({
 *   history: { loss: [0.9, 0.5, 0.3], val_loss: [1.0, 0.6, 0.45] },
 *   markEpoch: { epoch: 3, label: 'lowest val_loss' },
 * });
 * await writeChart(spec, 'learning-curves.svg');
 */
export function learningCurves(options: LearningCurvesOptions): VegaLiteSpec {
  const firstEpoch = options.firstEpoch ?? 1;
  if (!Number.isInteger(firstEpoch)) {
    throw new ChartDataError(`expected firstEpoch to be an integer, got ${describe(firstEpoch)}; use 1 (Keras numbering) or 0`);
  }
  const named = namedCurves(options);
  const rows: CurveRow[] = named.flatMap((s) => curveRows(s.name, s.values, firstEpoch));
  const names = named.map((s) => s.name);
  const lastEpoch = firstEpoch + Math.max(...named.map((s) => s.values.length)) - 1;
  const onlyLosses = names.every((n) => /(^|_)loss$/.test(n));
  const yScale = checkYScale(options.yScale);
  checkLogScaleValues(yScale, rows, (r) => r.value, onlyLosses ? 'loss' : 'curve', (r) => `for "${r.series}" at epoch ${r.epoch}`);

  const line: VegaLiteSpec = {
    // Dots help read a few epochs; on hundreds of epochs they would merge into a thick smear.
    mark: { type: 'line', point: lastEpoch - firstEpoch < 30, strokeWidth: 2 },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: options.xTitle ?? 'epoch', axis: { tickMinStep: 1, format: 'd' } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: options.yTitle ?? (onlyLosses ? 'loss' : 'value'),
        ...yScaleSpec(yScale),
      },
      color: {
        field: 'series',
        type: 'nominal',
        title: options.history ? 'metric' : 'curve',
        scale: { domain: names, range: paletteFor(names.length) },
        legend: { orient: 'top-right' },
      },
    },
  };
  const layers: VegaLiteSpec[] = [line];
  if (options.markEpoch !== undefined) layers.push(...epochMarkLayers(options.markEpoch, firstEpoch, lastEpoch));

  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? 'Learning curves',
    width: options.width ?? 480,
    height: options.height ?? 300,
    data: { values: rows },
    layer: layers,
  };
}

function namedCurves(options: LearningCurvesOptions): { name: string; values: ArrayLike<number> }[] {
  const fix = 'pass either history (from fit) or series ([{ name, values }])';
  if ((options.history === undefined) === (options.series === undefined)) {
    throw new ChartDataError(
      `expected exactly one of history and series, got ${options.history === undefined ? 'neither' : 'both'}; ${fix}`,
    );
  }
  let named: { name: string; values: ArrayLike<number> }[];
  if (options.history !== undefined) {
    const history: History = options.history;
    checkHistory(history, 'history');
    const metrics = options.metrics ?? defaultMetrics(history);
    checkNonEmpty(metrics, 'metrics', 'name at least one metric of the history, e.g. ["loss", "val_loss"]');
    checkMetricsPresent(history, metrics, 'history');
    named = metrics.map((m) => ({ name: m, values: history[m] }));
  } else {
    checkNonEmpty(options.series, 'series', fix);
    named = options.series!.map((s, i) => {
      checkNumberArray(s?.values, `series[${i}].values`, 'give one number per epoch');
      return { name: s.name, values: s.values };
    });
  }
  checkUniqueNames(
    named.map((s) => s.name),
    'curve',
  );
  for (const s of named) {
    if (s.values.length === 0) {
      throw new ChartDataError(`expected curve "${s.name}" to have at least one value, got none; drop it or train for at least one epoch`);
    }
  }
  return named;
}

function epochMarkLayers(mark: number | EpochMark, firstEpoch: number, lastEpoch: number): VegaLiteSpec[] {
  const epoch = typeof mark === 'number' ? mark : mark?.epoch;
  if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < firstEpoch || epoch > lastEpoch) {
    throw new ChartDataError(
      `expected markEpoch to be an epoch between ${firstEpoch} and ${lastEpoch}, got ${describe(epoch)}; count epochs like the x axis (from firstEpoch)`,
    );
  }
  const label = (typeof mark === 'object' ? mark.label : undefined) ?? `epoch ${epoch}`;
  // The mark carries its own one-row data set so it neither joins the colour legend nor
  // repeats once per curve row.
  const data = { values: [{ epoch, label }] };
  return [
    {
      data,
      mark: { type: 'rule', color: '#555555', strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { x: { field: 'epoch', type: 'quantitative' } },
    },
    {
      data,
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 4, y: 0, color: '#333333', fontSize: 11 },
      encoding: { x: { field: 'epoch', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
    },
  ];
}
