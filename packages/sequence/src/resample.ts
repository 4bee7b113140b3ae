import { ShapeError, ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type SeriesInput, assertNotEmpty, toMatrix } from './internal/matrix';

/** Options of {@link resample}. */
export interface ResampleOptions {
  /** The fixed time step of the output grid, in the units of `times`. Required. */
  step: number;
  /** The first grid time. Default: the earliest time. */
  start?: number;
  /** The last grid time (inclusive). Default: the latest time. */
  end?: number;
  /** How observations falling in one step are combined: `'mean'` (default), `'first'` or `'last'`. */
  aggregate?: 'mean' | 'first' | 'last';
}

/** A series on a regular time grid. */
export interface ResampledSeries {
  /** The grid times `start, start + step, …`. */
  times: number[];
  /** Values on the grid, `[steps]` or `[steps, features]`; NaN where a step had no observation. */
  values: NdArray;
}

/**
 * Put irregularly timed observations on a fixed time step, like pandas's `resample(step)`:
 * each observation falls into the step `[start + k·step, start + (k+1)·step)`; steps with no
 * observation become NaN, ready for {@link interpolateLinear} or {@link fillSeasonalMean}.
 *
 * @param times observation times (numbers, for example epoch milliseconds), one per row of values
 * @param values a flat series or rows `[n][features]`
 * @param options `step` (required), `start`, `end`, `aggregate` (`'mean'`)
 * @returns the grid times and the values on the grid
 * @throws ShapeError when times and values differ in length or are empty; ValueError for a bad step or a non-finite time
 * @example
 * const r = resample([0, 60, 180], [1, 2, 4], { step: 60 });
 * r.times; // [0, 60, 120, 180]
 * r.values.data; // [1, 2, NaN, 4]
 */
export function resample(times: ArrayLike<number>, values: SeriesInput, options: ResampleOptions): ResampledSeries {
  const { step, aggregate = 'mean' } = options ?? ({} as ResampleOptions);
  if (!(typeof step === 'number' && Number.isFinite(step) && step > 0)) throw new ValueError(`expected step to be a positive number, got ${step}`);
  if (aggregate !== 'mean' && aggregate !== 'first' && aggregate !== 'last') {
    throw new ValueError(`expected aggregate 'mean', 'first' or 'last', got ${JSON.stringify(aggregate)}`);
  }
  const m = toMatrix(values, 'values');
  assertNotEmpty(m, 'values');
  if (times.length !== m.rows) throw new ShapeError(`expected one time per row of values (${m.rows}), got ${times.length} times`);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (!Number.isFinite(t)) throw new ValueError(`expected finite times, got ${t} at position ${i}`);
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  const start = options.start ?? lo;
  const end = options.end ?? hi;
  if (!(end >= start)) throw new ValueError(`expected end >= start, got start ${start}, end ${end}`);
  // A small tolerance keeps times like 0.3 (= 0.1 · 3 in floating point) in the step they name.
  const eps = 1e-9;
  const n = Math.floor((end - start) / step + eps) + 1;
  const f = m.cols;
  const sum = new Float64Array(n * f);
  const count = new Float64Array(n * f);
  const out = new Float32Array(n * f).fill(NaN);
  for (let i = 0; i < m.rows; i++) {
    const k = Math.floor((times[i] - start) / step + eps);
    if (k < 0 || k >= n) continue;
    for (let j = 0; j < f; j++) {
      const v = m.data[i * f + j];
      if (Number.isNaN(v)) continue;
      const at = k * f + j;
      if (aggregate === 'mean') {
        sum[at] += v;
        count[at] += 1;
      } else if (aggregate === 'last' || count[at] === 0) {
        sum[at] = v;
        count[at] = 1;
      }
    }
  }
  for (let i = 0; i < n * f; i++) if (count[i] > 0) out[i] = sum[i] / count[i];
  const shape = m.shape.length === 1 ? [n] : [n, f];
  return { times: Array.from({ length: n }, (_, k) => start + k * step), values: { shape: Object.freeze(shape), data: out } };
}
