import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type Matrix, type SeriesInput, assertNoNaN, assertNotEmpty, matrixToNd, toMatrix } from './internal/matrix';
import { ColumnTransform } from './internal/column-transform';
import { checkFeatureCount, checkFitted, columnsOrAll, readNumberArray, safeSpread } from './internal/fitted';

/** Options of {@link MinMaxScaler}; the defaults are scikit-learn's. */
export interface MinMaxScalerOptions {
  /** The range `[min, max]` the training data is mapped to. Default `[0, 1]`. */
  featureRange?: readonly [number, number];
}

/** The fitted state of a {@link MinMaxScaler}, as plain JSON. */
export interface MinMaxScalerJSON {
  type: 'min-max-scaler';
  featureRange: [number, number];
  dataMin: number[];
  dataMax: number[];
}

const DEFAULTS = { featureRange: [0, 1] as [number, number] };

/**
 * Scale each feature (the last dimension) to a range, learning its minimum and maximum from
 * training data, like scikit-learn's `MinMaxScaler`: `y = (x - min) / (max - min) * (b - a) + a`.
 *
 * @example
 * const scaler = new MinMaxScaler();
 * const scaled = scaler.fitTransform([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
 * scaled.data[1]; // 0.1111111
 * scaler.inverseTransform(scaled).data[1]; // 20
 */
export class MinMaxScaler extends ColumnTransform {
  readonly type = 'min-max-scaler';
  readonly featureRange: [number, number];
  /** Per-feature minimum of the training data (after `fit`). */
  dataMin: number[] | null = null;
  /** Per-feature maximum of the training data (after `fit`). */
  dataMax: number[] | null = null;

  /**
   * @param options `featureRange` (default `[0, 1]`)
   * @throws ValueError when the range is not two finite numbers with min < max
   */
  constructor(options: MinMaxScalerOptions = {}) {
    super();
    const range = options.featureRange ?? DEFAULTS.featureRange;
    if (range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1]) || !(range[0] < range[1])) {
      throw new ValueError(`expected featureRange [min, max] with min < max, got [${range.join(', ')}]`);
    }
    this.featureRange = [range[0], range[1]];
  }

  /** @internal fit on a matrix (used by Pipeline). */
  fitMatrix(m: Matrix): void {
    assertNotEmpty(m, 'training data for MinMaxScaler.fit');
    assertNoNaN(m, 'training data for MinMaxScaler.fit');
    const min = new Array<number>(m.cols).fill(Infinity);
    const max = new Array<number>(m.cols).fill(-Infinity);
    for (let r = 0; r < m.rows; r++) {
      for (let c = 0; c < m.cols; c++) {
        const v = m.data[r * m.cols + c];
        if (v < min[c]) min[c] = v;
        if (v > max[c]) max[c] = v;
      }
    }
    this.dataMin = min;
    this.dataMax = max;
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
    checkFitted(this.dataMin, 'MinMaxScaler');
    const cols = columnsOrAll(columns, m, this.dataMin!.length, 'MinMaxScaler');
    const [a, b] = this.featureRange;
    const out = new Float64Array(m.data.length);
    for (let c = 0; c < m.cols; c++) {
      const f = cols[c];
      const lo = this.dataMin![f];
      // A constant feature has no range; scikit-learn treats its range as 1 so it maps to `a`, never NaN.
      const hi = this.dataMax![f];
      const span = safeSpread(hi - lo, Math.max(Math.abs(lo), Math.abs(hi)));
      const scale = (b - a) / span;
      for (let r = 0; r < m.rows; r++) {
        const i = r * m.cols + c;
        out[i] = inverse ? (m.data[i] - a) / scale + lo : (m.data[i] - lo) * scale + a;
      }
    }
    return { ...m, data: out };
  }

  /**
   * The fitted coefficients as plain JSON, to save beside a model.
   *
   * @throws ValueError when not fitted
   * @example
   * const saved = JSON.stringify(scaler.toJSON());
   */
  toJSON(): MinMaxScalerJSON {
    checkFitted(this.dataMin, 'MinMaxScaler');
    return { type: 'min-max-scaler', featureRange: [...this.featureRange], dataMin: [...this.dataMin!], dataMax: [...this.dataMax!] };
  }

  /**
   * Restore a fitted scaler from {@link MinMaxScaler.toJSON} output.
   *
   * @throws ValueError when the JSON is not a fitted min-max scaler
   * @example
   * const scaler = MinMaxScaler.fromJSON(JSON.parse(saved));
   */
  static fromJSON(json: MinMaxScalerJSON): MinMaxScaler {
    if (!json || json.type !== 'min-max-scaler') {
      throw new ValueError(`expected JSON with type 'min-max-scaler', got ${JSON.stringify(json?.type)}`);
    }
    const s = new MinMaxScaler({ featureRange: json.featureRange });
    s.dataMin = readNumberArray(json.dataMin, 'dataMin');
    s.dataMax = readNumberArray(json.dataMax, 'dataMax');
    checkFeatureCount(s.dataMin.length, s.dataMax.length, 'dataMax');
    return s;
  }
}
