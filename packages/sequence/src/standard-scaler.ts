import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type Matrix, type SeriesInput, assertNoNaN, assertNotEmpty, matrixToNd, toMatrix } from './internal/matrix';
import { ColumnTransform } from './internal/column-transform';
import { checkFeatureCount, checkFitted, columnsOrAll, readNumberArray, safeSpread } from './internal/fitted';

/** The fitted state of a {@link StandardScaler}, as plain JSON. */
export interface StandardScalerJSON {
  type: 'standard-scaler';
  mean: number[];
  std: number[];
}

/**
 * Standardize each feature (the last dimension) to zero mean and unit variance, like
 * scikit-learn's `StandardScaler`: `y = (x - mean) / std` with the population standard
 * deviation (divide by n, not n - 1).
 *
 * @example
 * const scaler = new StandardScaler();
 * const z = scaler.fitTransform([1.0, 5.5, 9.0, 2.6, 8.8, 3.0, 4.1, 7.9, 6.3]);
 * scaler.mean; // [5.355556]
 * z.data[0]; // -1.60569456
 */
export class StandardScaler extends ColumnTransform {
  readonly type = 'standard-scaler';
  /** Per-feature mean of the training data (after `fit`). */
  mean: number[] | null = null;
  /** Per-feature population standard deviation of the training data (after `fit`). */
  std: number[] | null = null;

  /** @internal fit on a matrix (used by Pipeline). */
  fitMatrix(m: Matrix): void {
    assertNotEmpty(m, 'training data for StandardScaler.fit');
    assertNoNaN(m, 'training data for StandardScaler.fit');
    const mean = new Array<number>(m.cols).fill(0);
    const std = new Array<number>(m.cols).fill(0);
    for (let r = 0; r < m.rows; r++) for (let c = 0; c < m.cols; c++) mean[c] += m.data[r * m.cols + c];
    for (let c = 0; c < m.cols; c++) mean[c] /= m.rows;
    // Two passes (sum of squared deviations) rather than E[x²] - E[x]² so large offsets do not cancel.
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        const d = m.data[r * m.cols + c] - mean[c];
        std[c] += d * d;
      }
    }
    for (let c = 0; c < m.cols; c++) std[c] = Math.sqrt(std[c] / m.rows);
    this.mean = mean;
    this.std = std;
  }

  /** @internal transform a matrix (used by Pipeline). */
  transformMatrix(m: Matrix): Matrix {
    return this.apply(m, undefined, false);
  }

  /** @internal inverse-transform a matrix whose columns are the given features (used by Pipeline). */
  inverseMatrix(m: Matrix, columns?: readonly number[]): Matrix {
    return this.apply(m, columns, true);
  }

  private apply(m: Matrix, columns: readonly number[] | undefined, inverse: boolean): Matrix {
    checkFitted(this.mean, 'StandardScaler');
    const cols = columnsOrAll(columns, m, this.mean!.length, 'StandardScaler');
    const out = new Float64Array(m.data.length);
    for (let c = 0; c < m.cols; c++) {
      const f = cols[c];
      const mu = this.mean![f];
      // A constant feature has zero deviation; like scikit-learn, scale by 1 so it maps to 0, never NaN.
      const sd = safeSpread(this.std![f], Math.abs(mu));
      for (let r = 0; r < m.rows; r++) {
        const i = r * m.cols + c;
        out[i] = inverse ? m.data[i] * sd + mu : (m.data[i] - mu) / sd;
      }
    }
    return { ...m, data: out };
  }

  /**
   * The fitted coefficients as plain JSON.
   *
   * @throws ValueError when not fitted
   * @example
   * const saved = JSON.stringify(scaler.toJSON());
   */
  toJSON(): StandardScalerJSON {
    checkFitted(this.mean, 'StandardScaler');
    return { type: 'standard-scaler', mean: [...this.mean!], std: [...this.std!] };
  }

  /**
   * Restore a fitted scaler from {@link StandardScaler.toJSON} output.
   *
   * @throws ValueError when the JSON is not a fitted standard scaler
   * @example
   * const scaler = StandardScaler.fromJSON(JSON.parse(saved));
   */
  static fromJSON(json: StandardScalerJSON): StandardScaler {
    if (!json || json.type !== 'standard-scaler') {
      throw new ValueError(`expected JSON with type 'standard-scaler', got ${JSON.stringify(json?.type)}`);
    }
    const s = new StandardScaler();
    s.mean = readNumberArray(json.mean, 'mean');
    s.std = readNumberArray(json.std, 'std');
    checkFeatureCount(s.mean.length, s.std.length, 'std');
    return s;
  }
}
