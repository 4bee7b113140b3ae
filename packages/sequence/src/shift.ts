import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type SeriesInput, matrixToNd, toMatrix } from './internal/matrix';

/**
 * Shift a series along time, like pandas's `Series.shift(k)`: a positive k moves values
 * later (row t holds the value from t - k, the lag), a negative k moves them earlier (row t
 * holds t + |k|, the lead); the vacated rows are NaN.
 *
 * @param series a flat series, rows `[n][features]`, or an NdArray whose first dimension is time
 * @param k how many steps to shift (any integer)
 * @returns an NdArray of the same shape
 * @throws ValueError when k is not an integer
 * @example
 * shift([0, 1, 2, 3], 1).data;  // [NaN, 0, 1, 2]
 * shift([0, 1, 2, 3], -1).data; // [1, 2, 3, NaN]
 */
export function shift(series: SeriesInput, k: number): NdArray {
  if (!Number.isInteger(k)) throw new ValueError(`expected an integer shift k, got ${k}`);
  const m = toMatrix(series, 'series');
  const out = new Float64Array(m.data.length).fill(NaN);
  for (let r = 0; r < m.rows; r++) {
    const src = r - k;
    if (src < 0 || src >= m.rows) continue;
    out.set(m.data.subarray(src * m.cols, (src + 1) * m.cols), r * m.cols);
  }
  return matrixToNd({ ...m, data: out });
}
