import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type SeriesInput, matrixToNd, toMatrix } from './internal/matrix';

/** Options of {@link interpolateLinear}. */
export interface InterpolateOptions {
  /** The most consecutive missing steps to fill in each gap, counted forward from its start. Default: no limit. */
  limit?: number;
}

/**
 * Fill missing values (NaN) by linear interpolation along time, forward, like pandas's
 * `interpolate(method='linear', limit=limit, limit_direction='forward')`: gaps between two
 * observations are filled on the straight line between them, trailing gaps repeat the last
 * observation, leading gaps stay NaN, and at most `limit` steps of each gap are filled.
 *
 * @param values a flat series or rows `[n][features]` (each feature is filled on its own)
 * @param options `limit` (default unlimited)
 * @returns an NdArray of the same shape
 * @throws ValueError when limit is not a positive integer
 * @example
 * interpolateLinear([1, NaN, NaN, 4]).data; // [1, 2, 3, 4]
 * interpolateLinear([1, NaN, NaN, 4], { limit: 1 }).data; // [1, 2, NaN, 4]
 */
export function interpolateLinear(values: SeriesInput, options: InterpolateOptions = {}): NdArray {
  const limit = options.limit ?? Infinity;
  if (limit !== Infinity && (!Number.isInteger(limit) || limit < 1)) {
    throw new ValueError(`expected limit to be an integer >= 1, got ${limit}`);
  }
  const m = toMatrix(values, 'values');
  const out = Float64Array.from(m.data);
  const f = m.cols;
  for (let c = 0; c < f; c++) {
    let last = -1;
    let r = 0;
    while (r < m.rows) {
      if (!Number.isNaN(m.data[r * f + c])) {
        last = r;
        r++;
        continue;
      }
      let next = r;
      while (next < m.rows && Number.isNaN(m.data[next * f + c])) next++;
      if (last >= 0) {
        const a = m.data[last * f + c];
        const b = next < m.rows ? m.data[next * f + c] : a;
        const span = next < m.rows ? next - last : 1;
        for (let k = r; k < next && k - r < limit; k++) {
          out[k * f + c] = next < m.rows ? a + ((b - a) * (k - last)) / span : a;
        }
      }
      r = next;
    }
  }
  return matrixToNd({ ...m, data: out });
}
