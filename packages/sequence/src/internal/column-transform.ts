import type { NdArray } from '../nd-array';
import { type Matrix, type SeriesInput, matrixToNd, toMatrix } from './matrix';

/**
 * The scikit-learn style surface (`fit`, `transform`, `fitTransform`, `inverseTransform`)
 * shared by the fitted per-feature transforms (scalers, Box-Cox). Each transform writes its
 * maths once, on matrices whose columns are the features; the {@link Pipeline} calls those
 * matrix methods directly.
 */
export abstract class ColumnTransform {
  /** @internal fit on a matrix whose columns are the features. */
  abstract fitMatrix(m: Matrix): void;
  /** @internal transform a matrix with the fitted coefficients. */
  abstract transformMatrix(m: Matrix): Matrix;
  /** @internal undo the transform; `columns` says which fitted features the matrix columns are. */
  abstract inverseMatrix(m: Matrix, columns?: readonly number[]): Matrix;

  /**
   * Fit the coefficients, one set per feature (the last dimension).
   *
   * @param x values: a flat series (one feature), rows `[n][features]`, or an NdArray whose last dimension is the features
   * @returns this transform, fitted
   * @throws ShapeError when x is empty or ragged; ValueError when it holds NaN or values the transform cannot take
   * @example
   * new MinMaxScaler().fit([[1, 10], [3, 30]]).dataMax; // [3, 30]
   */
  fit(x: SeriesInput): this {
    this.fitMatrix(toMatrix(x, 'x'));
    return this;
  }

  /**
   * Transform values with the fitted coefficients.
   *
   * @param x values with the same number of features as the training data
   * @returns an NdArray of the same shape
   * @throws ValueError when not fitted; ShapeError when the feature count differs
   * @example
   * scaler.transform([55]).data; // [0.5] for a MinMaxScaler fitted on 10..100
   */
  transform(x: SeriesInput): NdArray {
    return matrixToNd(this.transformMatrix(toMatrix(x, 'x')));
  }

  /**
   * Fit on x and return x transformed.
   *
   * @example
   * new MinMaxScaler({ featureRange: [-1, 1] }).fitTransform([0, 5, 10]).data; // [-1, 0, 1]
   */
  fitTransform(x: SeriesInput): NdArray {
    const m = toMatrix(x, 'x');
    this.fitMatrix(m);
    return matrixToNd(this.transformMatrix(m));
  }

  /**
   * Map transformed values back to the original units.
   *
   * @param y transformed values with the training data's feature count
   * @returns an NdArray of the same shape in original units
   * @throws ValueError when not fitted; ShapeError when the feature count differs
   * @example
   * scaler.inverseTransform(scaler.transform([42])).data; // [42]
   */
  inverseTransform(y: SeriesInput): NdArray {
    return matrixToNd(this.inverseMatrix(toMatrix(y, 'y')));
  }
}
