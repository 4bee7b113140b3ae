import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type SeriesInput, matrixToNd, toMatrix } from './internal/matrix';

/** Options of {@link fillSeasonalMean}. */
export interface SeasonalFillOptions {
  /** Steps per season (for example 24 for hourly data with a daily cycle). Required. */
  period: number;
  /** How many seasons to look back (and, failing that, ahead). Default 3. */
  cycles?: number;
}

/**
 * Fill missing values (NaN) with the mean of the same step in earlier seasons: the observed
 * values 1, 2 … `cycles` periods before; when none of them is observed, the ones 1 … `cycles`
 * periods after. Only observed values are averaged, so a fill never feeds another fill.
 *
 * @param values a flat series or rows `[n][features]` (each feature is filled on its own)
 * @param options `period` (required), `cycles` (default 3)
 * @returns an NdArray of the same shape; a value with no observed seasonal neighbour stays NaN
 * @throws ValueError when period or cycles is not a positive integer
 * @example
 * fillSeasonalMean([1, 10, 2, 20, NaN, 30], { period: 2 }).data; // [1, 10, 2, 20, 1.5, 30]
 */
export function fillSeasonalMean(values: SeriesInput, options: SeasonalFillOptions): NdArray {
  const { period, cycles = 3 } = options ?? ({} as SeasonalFillOptions);
  if (!Number.isInteger(period) || period < 1) throw new ValueError(`expected period to be an integer >= 1, got ${period}`);
  if (!Number.isInteger(cycles) || cycles < 1) throw new ValueError(`expected cycles to be an integer >= 1, got ${cycles}`);
  const m = toMatrix(values, 'values');
  const out = Float64Array.from(m.data);
  const f = m.cols;
  const meanOf = (r: number, c: number, direction: -1 | 1): number => {
    let sum = 0;
    let n = 0;
    for (let k = 1; k <= cycles; k++) {
      const q = r + direction * k * period;
      if (q < 0 || q >= m.rows) continue;
      const v = m.data[q * f + c];
      if (!Number.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n > 0 ? sum / n : NaN;
  };
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < f; c++) {
      if (!Number.isNaN(m.data[r * f + c])) continue;
      const before = meanOf(r, c, -1);
      out[r * f + c] = Number.isNaN(before) ? meanOf(r, c, 1) : before;
    }
  }
  return matrixToNd({ ...m, data: out });
}
