import { ShapeError, ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type SeriesInput, assertNotEmpty, matrixToNd, toMatrix } from './internal/matrix';

/**
 * Shape one series as a single sample for a recurrent model: `[1, timesteps, 1]`.
 *
 * @param series the values of one series
 * @returns an NdArray of shape `[1, n, 1]`
 * @throws ShapeError when the series is empty or has several features
 * @example
 * seriesTo3d([0.1, 0.2, 0.3]).shape; // [1, 3, 1]
 */
export function seriesTo3d(series: SeriesInput): NdArray {
  const m = toMatrix(series, 'series');
  assertNotEmpty(m, 'series');
  if (m.cols !== 1) {
    throw new ShapeError(`expected one series ([n]), got shape [${m.shape.join(', ')}]; use parallelTo3d for several series`);
  }
  return matrixToNd(m, [1, m.rows, 1]);
}

/**
 * Stack parallel series of equal length as the features of one sample: `[1, timesteps, series]`.
 *
 * @param series the series, each a list of numbers of the same length
 * @returns an NdArray of shape `[1, n, series.length]`
 * @throws ShapeError when no series is given or lengths differ
 * @example
 * parallelTo3d([[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]]).shape; // [1, 3, 2]
 */
export function parallelTo3d(series: readonly ArrayLike<number>[]): NdArray {
  if (!Array.isArray(series) || series.length === 0) throw new ShapeError('expected at least one series to stack, got none');
  const n = series[0].length;
  if (n === 0) throw new ShapeError('expected series with at least one value, got an empty one');
  series.forEach((s, i) => {
    if (s.length !== n) throw new ShapeError(`expected every series to have ${n} values like the first, got ${s.length} in series ${i}`);
  });
  const k = series.length;
  const out = new Float32Array(n * k);
  for (let t = 0; t < n; t++) for (let j = 0; j < k; j++) out[t * k + j] = series[j][t];
  return { shape: Object.freeze([1, n, k]), data: out };
}

/**
 * Group rows of features into samples of `timesteps` consecutive rows:
 * `[n, features]` → `[n / timesteps, timesteps, features]`. With `timesteps: 1` each row is
 * its own sample (columns as features, `[n, 1, features]`), the one-to-one framing.
 *
 * @param values a flat series (one feature), rows `[n][features]` or an NdArray `[n, features]`
 * @param options `timesteps` (default 1)
 * @returns an NdArray `[n / timesteps, timesteps, features]`
 * @throws ShapeError when n is not divisible by timesteps
 * @example
 * toSequences([[2, 3], [4, 6], [6, 9]]).shape; // [3, 1, 2]
 * toSequences([1, 2, 3, 4, 5, 6], { timesteps: 3 }).shape; // [2, 3, 1]
 */
export function toSequences(values: SeriesInput, options: { timesteps?: number } = {}): NdArray {
  const timesteps = options.timesteps ?? 1;
  if (!Number.isInteger(timesteps) || timesteps < 1) throw new ValueError(`expected timesteps to be an integer >= 1, got ${timesteps}`);
  const m = toMatrix(values, 'values');
  assertNotEmpty(m, 'values');
  if (m.shape.length > 2) {
    throw new ShapeError(`expected values of shape [n] or [n, features], got [${m.shape.join(', ')}]`);
  }
  if (m.rows % timesteps !== 0) {
    throw new ShapeError(
      `cannot group ${m.rows} rows into samples of ${timesteps} time steps: ${m.rows} is not divisible by ${timesteps}; drop or pad rows first`,
    );
  }
  return matrixToNd(m, [m.rows / timesteps, timesteps, m.cols]);
}

/**
 * Treat each value as its own one-step sample with one feature: `[n]` → `[n, 1, 1]`.
 *
 * @param values a series `[n]` or rows `[n][features]`
 * @returns an NdArray of shape `[n, 1, features]`
 * @example
 * columnsTo3d([[1, 2], [3, 4]]).shape; // [2, 1, 2]
 */
export function columnsTo3d(values: SeriesInput): NdArray {
  return toSequences(values, { timesteps: 1 });
}
