import { ShapeError, ValueError } from '../errors';
import { type NdArray, type Nested, fromNested } from '../nd-array';

/**
 * What functions over series accept: a flat list of numbers (one feature), rows of features
 * (`[timesteps][features]`), or an NdArray whose last dimension is the features.
 */
export type SeriesInput = NdArray | ArrayLike<number> | readonly (readonly number[])[];

/** Values as rows × columns in float64, with the shape they came in so results keep it. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
  /** the original shape (`[n]` for a flat list) */
  shape: number[];
}

export function isNdArray(x: unknown): x is NdArray {
  return typeof x === 'object' && x !== null && 'shape' in x && 'data' in x && (x as NdArray).data instanceof Float32Array;
}

/** Read any series input as a float64 matrix whose columns are the last dimension. */
export function toMatrix(input: SeriesInput, what = 'series'): Matrix {
  let shape: number[];
  let values: ArrayLike<number>;
  if (isNdArray(input)) {
    shape = [...input.shape];
    values = input.data;
  } else if (Array.isArray(input) && input.length > 0 && Array.isArray(input[0])) {
    const a = fromNested(input as Nested);
    shape = [...a.shape];
    values = a.data;
  } else if (input !== null && typeof input === 'object' && typeof (input as ArrayLike<number>).length === 'number') {
    const list = input as ArrayLike<number>;
    for (let i = 0; i < list.length; i++) {
      if (typeof list[i] !== 'number') {
        throw new ShapeError(`expected ${what} as numbers, rows of numbers or an NdArray, got ${typeof list[i]} at position ${i}`);
      }
    }
    shape = [list.length];
    values = list;
  } else {
    throw new ShapeError(`expected ${what} as numbers, rows of numbers or an NdArray, got ${typeof input}`);
  }
  if (shape.length === 0) throw new ShapeError(`expected ${what} with at least one dimension, got a scalar`);
  const cols = shape.length === 1 ? 1 : shape[shape.length - 1];
  const rows = cols === 0 ? 0 : values.length / cols;
  return { rows, cols, data: Float64Array.from(values), shape };
}

/** Build a matrix from scratch (shape `[rows, cols]`, or `[rows]` for one column when flat). */
export function emptyMatrix(rows: number, cols: number, shape?: number[]): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols), shape: shape ?? [rows, cols] };
}

/** The matrix as an NdArray in its original shape (or the one given). */
export function matrixToNd(m: Matrix, shape: readonly number[] = m.shape): NdArray {
  return { shape: Object.freeze([...shape]), data: Float32Array.from(m.data) };
}

export function assertNotEmpty(m: Matrix, what: string): void {
  if (m.rows === 0 || m.cols === 0) {
    throw new ShapeError(`expected ${what} with at least one value, got shape [${m.shape.join(', ')}]; pass a non-empty series`);
  }
}

export function assertNoNaN(m: Matrix, what: string, hint = 'fill missing values first (interpolateLinear, fillSeasonalMean)'): void {
  for (let i = 0; i < m.data.length; i++) {
    if (!Number.isFinite(m.data[i])) {
      const r = Math.floor(i / m.cols);
      const c = i % m.cols;
      throw new ValueError(`expected finite values in ${what}, got ${m.data[i]} at row ${r}, column ${c}; ${hint}`);
    }
  }
}

export function assertPositiveInt(value: number, name: string, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ValueError(`expected ${name} to be an integer >= ${min}, got ${value}`);
  }
}

/** Copy rows [start, end) of a matrix. */
export function sliceMatrix(m: Matrix, start: number, end: number): Matrix {
  const rows = end - start;
  const shape = m.shape.length === 1 ? [rows] : [rows, m.cols];
  return { rows, cols: m.cols, data: m.data.slice(start * m.cols, end * m.cols), shape };
}
