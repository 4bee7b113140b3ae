import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type SeriesInput, matrixToNd, toMatrix } from './internal/matrix';

/** Options of {@link maskMissing} and {@link timestepMask}; the default is Keras's `Masking`. */
export interface MaskOptions {
  /** The sentinel a `Masking` layer skips. Default 0 (Keras's `mask_value`). */
  maskValue?: number;
  /**
   * Throw when an observed time step already equals the sentinel in every feature, because a
   * Masking layer would silently skip it. Default true.
   */
  checkCollisions?: boolean;
}

/**
 * Replace missing time steps with a sentinel value for a Masking layer: any time step (row of
 * features) holding a NaN gets the sentinel in every feature, because Keras's `Masking` skips
 * a step only when all its features equal `maskValue`.
 *
 * @param x a flat series, rows `[n][features]`, or an NdArray `[samples, timesteps, features]`
 * @param options `maskValue` (default 0), `checkCollisions` (default true)
 * @returns an NdArray of the same shape without NaN
 * @throws ValueError when an observed step equals the sentinel (pick another maskValue, such as -1)
 * @example
 * maskMissing([[1, 2], [NaN, 3], [4, 5]], { maskValue: -1 }).data; // [1, 2, -1, -1, 4, 5]
 */
export function maskMissing(x: SeriesInput, options: MaskOptions = {}): NdArray {
  const { maskValue = 0, checkCollisions = true } = options;
  if (!Number.isFinite(maskValue)) throw new ValueError(`expected a finite maskValue, got ${maskValue}`);
  const m = toMatrix(x, 'x');
  const out = Float64Array.from(m.data);
  const f = m.cols;
  for (let r = 0; r < m.rows; r++) {
    let missing = false;
    let allSentinel = true;
    for (let c = 0; c < f; c++) {
      const v = m.data[r * f + c];
      if (Number.isNaN(v)) missing = true;
      if (v !== maskValue) allSentinel = false;
    }
    if (missing) out.fill(maskValue, r * f, (r + 1) * f);
    else if (allSentinel && checkCollisions && f > 0) {
      throw new ValueError(
        `observed time step ${r} already equals the mask value ${maskValue} in every feature, so a Masking layer would skip it; choose a maskValue outside the data (for example -1) or pass checkCollisions: false`,
      );
    }
  }
  return matrixToNd({ ...m, data: out });
}

/**
 * Which time steps a Keras `Masking(maskValue)` layer keeps: 1 where any feature differs from
 * the sentinel, 0 where all features equal it.
 *
 * @param x an NdArray whose last dimension is the features (for example `[samples, timesteps, features]`)
 * @param options `maskValue` (default 0)
 * @returns an NdArray of shape `x.shape.slice(0, -1)` holding 1 (kept) or 0 (skipped)
 * @example
 * timestepMask(fromNested([[[1], [2]], [[0], [3]]])).data; // [1, 1, 0, 1], shape [2, 2]
 */
export function timestepMask(x: SeriesInput, options: Pick<MaskOptions, 'maskValue'> = {}): NdArray {
  const { maskValue = 0 } = options;
  const m = toMatrix(x, 'x');
  const keep = new Float64Array(m.rows);
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) {
      if (m.data[r * m.cols + c] !== maskValue) {
        keep[r] = 1;
        break;
      }
    }
  }
  const shape = m.shape.length === 1 ? [m.rows] : m.shape.slice(0, -1);
  return matrixToNd({ rows: m.rows, cols: 1, data: keep, shape }, shape);
}
