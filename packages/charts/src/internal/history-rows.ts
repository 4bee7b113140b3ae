import { ChartDataError } from '../errors';
import { checkNumberArray, describe, finiteOrNull } from './check-values';

/** A Keras-style history: one array of per-epoch values per metric (`loss`, `val_loss`, …). */
export type History = Record<string, readonly number[]>;

/** One point of a curve as a Vega-Lite data row. */
export interface CurveRow {
  series: string;
  epoch: number;
  value: number | null;
}

/** Throw unless `history` is an object of number arrays. */
export function checkHistory(history: unknown, what: string): asserts history is History {
  if (history === null || typeof history !== 'object' || Array.isArray(history)) {
    throw new ChartDataError(
      `expected ${what} to be an object of per-epoch arrays like { loss: [...], val_loss: [...] }, got ${describe(history)}; pass the history returned by fit`,
    );
  }
  for (const [key, values] of Object.entries(history)) {
    checkNumberArray(values, `${what}.${key}`, 'a history holds one number per epoch for each metric');
  }
}

/**
 * The metrics to draw from a history when the caller names none: `loss` and `val_loss` when
 * present (the learning curves the course plots), otherwise every metric, each training metric
 * followed by its `val_` twin so that train and validation get neighbouring colours.
 */
export function defaultMetrics(history: History): string[] {
  const keys = Object.keys(history);
  const losses = ['loss', 'val_loss'].filter((k) => keys.includes(k));
  if (losses.length > 0) return losses;
  return orderTrainThenValidation(keys);
}

/** Order metric names so each `m` is followed by `val_m`; names keep their first-seen order otherwise. */
export function orderTrainThenValidation(keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    if (out.includes(key)) continue;
    const base = key.startsWith('val_') ? key.slice(4) : key;
    if (keys.includes(base) && !out.includes(base)) out.push(base);
    if (keys.includes(`val_${base}`) && !out.includes(`val_${base}`)) out.push(`val_${base}`);
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/** Throw when a metric the caller asked for is not in a history. */
export function checkMetricsPresent(history: History, metrics: readonly string[], what: string): void {
  for (const metric of metrics) {
    if (!(metric in history)) {
      throw new ChartDataError(
        `expected ${what} to have the metric "${metric}", got only [${Object.keys(history).join(', ')}]; pick metrics the model was compiled and fitted with (validation metrics need validationSplit or validationData)`,
      );
    }
  }
}

/** Rows `{series, epoch, value}` for one array of per-epoch values, epochs counted from `firstEpoch`. */
export function curveRows(series: string, values: ArrayLike<number>, firstEpoch: number): CurveRow[] {
  return Array.from({ length: values.length }, (_, i) => ({
    series,
    epoch: firstEpoch + i,
    value: finiteOrNull(values[i]),
  }));
}
