import { ShapeError, ValueError } from './errors';

/**
 * A dense n-dimensional array of float32 values in row-major order: the plain data type
 * every lstm-kit package passes around (no TensorFlow.js needed). A 3-D array for a
 * recurrent model has shape `[samples, timesteps, features]`.
 */
export interface NdArray {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** A number, or arbitrarily nested rectangular arrays of numbers. */
export type Nested = number | readonly Nested[];

/**
 * The number of elements an array of the given shape holds.
 *
 * @param shape dimensions, each a non-negative integer
 * @returns the product of the dimensions (1 for a scalar shape `[]`)
 * @throws ShapeError when a dimension is negative or not an integer
 * @example
 * sizeOf([5, 3, 1]); // 15
 */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(`expected every dimension to be a non-negative integer, got shape [${shape.join(', ')}]`);
    }
    n *= d;
  }
  return n;
}

/**
 * Wrap values as an NdArray, checking that their count matches the shape.
 *
 * @param data the values in row-major order (copied into a Float32Array when given as numbers)
 * @param shape the dimensions
 * @returns the array; a Float32Array passed in is used as is, not copied
 * @throws ShapeError when `data.length` is not the product of `shape`
 * @example
 * const x = ndarray([1, 2, 3, 4, 5, 6], [1, 3, 2]);
 * x.shape; // [1, 3, 2]
 */
export function ndarray(data: Float32Array | ArrayLike<number>, shape: readonly number[]): NdArray {
  const n = sizeOf(shape);
  if (data.length !== n) {
    throw new ShapeError(
      `expected ${n} values for shape [${shape.join(', ')}], got ${data.length}; check the shape or the data length`,
    );
  }
  const values = data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
  return { shape: Object.freeze([...shape]), data: values };
}

/**
 * An NdArray of the given shape filled with one value (zeros by default).
 *
 * @param shape the dimensions, for example `[samples, timesteps, features]`
 * @param value the fill value (default 0)
 * @returns a new float32 NdArray
 * @throws ShapeError when a dimension is not a non-negative integer
 * @example
 * zeros([2, 3]).data; // Float32Array(6) [0, 0, 0, 0, 0, 0]
 */
export function zeros(shape: readonly number[], value = 0): NdArray {
  return ndarray(new Float32Array(sizeOf(shape)).fill(value), shape);
}

/**
 * The shape of rectangular nested arrays.
 *
 * @param nested numbers nested in arrays, for example `[[1, 2], [3, 4]]`
 * @returns one length per nesting level
 * @throws ShapeError when the arrays are ragged (rows of different lengths) or hold non-numbers
 * @example
 * shapeOf([[1, 2, 3], [4, 5, 6]]); // [2, 3]
 */
export function shapeOf(nested: Nested): number[] {
  const shape: number[] = [];
  let level: Nested = nested;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0] as Nested;
  }
  checkRectangular(nested, shape, 0, []);
  return shape;
}

function checkRectangular(node: Nested, shape: number[], depth: number, path: number[]): void {
  const where = path.length ? ` at [${path.join('][')}]` : '';
  if (depth === shape.length) {
    if (typeof node !== 'number') {
      throw new ShapeError(`expected a number${where} (depth ${depth} of shape [${shape.join(', ')}]), got ${Array.isArray(node) ? 'an array' : typeof node}; the nested arrays are ragged`);
    }
    return;
  }
  if (!Array.isArray(node)) {
    throw new ShapeError(`expected an array of length ${shape[depth]}${where}, got ${typeof node}; the nested arrays are ragged`);
  }
  if (node.length !== shape[depth]) {
    throw new ShapeError(
      `expected length ${shape[depth]}${where} like the first row, got ${node.length}; rectangular data is needed here (pad ragged sequences with padSequences first)`,
    );
  }
  for (let i = 0; i < node.length; i++) checkRectangular(node[i] as Nested, shape, depth + 1, [...path, i]);
}

/**
 * Build an NdArray from rectangular nested arrays, inferring the shape.
 *
 * @param nested rectangular nested arrays of numbers
 * @returns a float32 NdArray holding the values in row-major order
 * @throws ShapeError when the nested arrays are ragged
 * @example
 * fromNested([[[1], [2], [3]]]).shape; // [1, 3, 1]
 */
export function fromNested(nested: Nested): NdArray {
  const shape = shapeOf(nested);
  const data = new Float32Array(sizeOf(shape));
  let k = 0;
  const walk = (node: Nested): void => {
    if (typeof node === 'number') data[k++] = node;
    else for (const child of node) walk(child);
  };
  walk(nested);
  return { shape: Object.freeze(shape), data };
}

/**
 * Convert an NdArray to nested plain arrays (a scalar shape gives a number).
 *
 * @param a the array to convert
 * @returns nested plain arrays of the same shape
 * @example
 * toNested(ndarray([1, 2, 3, 4], [2, 2])); // [[1, 2], [3, 4]]
 */
export function toNested(a: NdArray): Nested {
  const build = (depth: number, offset: number): Nested => {
    if (depth === a.shape.length) return a.data[offset];
    const stride = sizeOf(a.shape.slice(depth + 1));
    const out: Nested[] = [];
    for (let i = 0; i < a.shape[depth]; i++) out.push(build(depth + 1, offset + i * stride));
    return out;
  };
  return build(0, 0);
}

/**
 * Give an array a new shape with the same values in the same order; one dimension may be
 * `-1` and is inferred, like numpy's and Keras's `reshape`.
 *
 * @param a the array to reshape
 * @param shape the new shape; at most one `-1`, inferred from the size
 * @returns a new NdArray sharing the data buffer
 * @throws ShapeError when the sizes do not match or more than one dimension is -1
 * @example
 * reshape(ndarray([10, 20, 30, 40, 50, 60], [6]), [2, -1, 1]).shape; // [2, 3, 1]
 */
export function reshape(a: NdArray, shape: readonly number[]): NdArray {
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1) throw new ShapeError(`expected at most one -1 in the new shape, got [${shape.join(', ')}]`);
  const total = a.data.length;
  let target = [...shape];
  if (unknown === 1) {
    const known = sizeOf(shape.filter((d) => d !== -1));
    if (known === 0 || total % known !== 0) {
      throw new ShapeError(
        `cannot reshape ${total} values of shape [${a.shape.join(', ')}] into [${shape.join(', ')}]: ${total} is not divisible by ${known}`,
      );
    }
    target = shape.map((d) => (d === -1 ? total / known : d));
  }
  if (sizeOf(target) !== total) {
    throw new ShapeError(
      `cannot reshape ${total} values of shape [${a.shape.join(', ')}] into [${target.join(', ')}] (${sizeOf(target)} values)`,
    );
  }
  return { shape: Object.freeze(target), data: a.data };
}

/**
 * Check that an array has the expected rank and, where given, dimensions.
 *
 * @param a the array to check
 * @param expected one entry per dimension: a number to match exactly, or `null` for any size
 * @param what a name for the array in the error (for example `'x'`)
 * @param layout names of the dimensions for the error (for example `'[samples, timesteps, features]'`)
 * @returns nothing; returns normally when the shape fits
 * @throws ShapeError naming the first dimension that disagrees
 * @example
 * assertShape(x, [null, 5, 10], 'x', '[samples, timesteps, features]');
 */
export function assertShape(
  a: NdArray,
  expected: readonly (number | null)[],
  what = 'array',
  layout?: string,
): void {
  const want = `[${expected.map((d) => (d === null ? '?' : d)).join(', ')}]`;
  const named = layout ? ` ${layout}` : '';
  if (a.shape.length !== expected.length) {
    throw new ShapeError(
      `expected ${what} with ${expected.length} dimensions${named} ${want}, got shape [${a.shape.join(', ')}]`,
    );
  }
  expected.forEach((d, i) => {
    if (d !== null && a.shape[i] !== d) {
      throw new ShapeError(
        `expected ${what} dimension ${i} to be ${d}${named} ${want}, got shape [${a.shape.join(', ')}]`,
      );
    }
  });
}

/**
 * Throw when any value is NaN or infinite.
 *
 * @param a the array to check
 * @param what a name for the array in the error
 * @returns nothing; returns normally when every value is finite
 * @throws ValueError naming the first bad position
 * @example
 * assertFinite(x, 'x');
 */
export function assertFinite(a: NdArray, what = 'array'): void {
  for (let i = 0; i < a.data.length; i++) {
    if (!Number.isFinite(a.data[i])) {
      throw new ValueError(`expected finite values in ${what}, got ${a.data[i]} at flat index ${i}; fill or drop missing values first`);
    }
  }
}

/**
 * Take rows (entries of the first dimension) by index, in the order given.
 *
 * @param a the array to take rows from
 * @param indices row indices, each in `[0, a.shape[0])`
 * @returns a new NdArray of shape `[indices.length, ...a.shape.slice(1)]`
 * @throws ShapeError when `a` is a scalar or an index is out of range
 * @example
 * const batch = takeRows(x, [3, 0, 7]); // shape [3, ...x.shape.slice(1)]
 */
export function takeRows(a: NdArray, indices: ArrayLike<number>): NdArray {
  if (a.shape.length === 0) throw new ShapeError('expected an array with at least one dimension to take rows from, got a scalar');
  const row = sizeOf(a.shape.slice(1));
  const out = new Float32Array(indices.length * row);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= a.shape[0]) {
      throw new ShapeError(`row index ${i} is out of range for ${a.shape[0]} rows`);
    }
    out.set(a.data.subarray(i * row, (i + 1) * row), k * row);
  }
  return { shape: Object.freeze([indices.length, ...a.shape.slice(1)]), data: out };
}

/**
 * Take the contiguous rows `[start, end)` of the first dimension, sharing the buffer.
 *
 * @param a the array to slice
 * @param start first row (clipped to the array)
 * @param end one past the last row (default: all rows; clipped)
 * @returns an NdArray sharing `a`'s buffer
 * @throws ShapeError when `a` is a scalar
 * @example
 * const [train, test] = [sliceRows(x, 0, 80), sliceRows(x, 80, 100)];
 */
export function sliceRows(a: NdArray, start: number, end = a.shape[0]): NdArray {
  if (a.shape.length === 0) throw new ShapeError('expected an array with at least one dimension to slice, got a scalar');
  const s = Math.max(0, Math.min(start, a.shape[0]));
  const e = Math.max(s, Math.min(end, a.shape[0]));
  const row = sizeOf(a.shape.slice(1));
  return { shape: Object.freeze([e - s, ...a.shape.slice(1)]), data: a.data.subarray(s * row, e * row) };
}

/**
 * Join arrays along the first dimension; the other dimensions must agree.
 *
 * @param arrays the arrays to join, in order
 * @returns a new NdArray with the rows of all of them
 * @throws ShapeError when trailing dimensions differ or nothing is given
 * @example
 * concatRows([a, b]).shape; // [a.shape[0] + b.shape[0], ...]
 */
export function concatRows(arrays: readonly NdArray[]): NdArray {
  if (arrays.length === 0) throw new ShapeError('expected at least one array to concatenate, got none');
  const tail = arrays[0].shape.slice(1);
  let rows = 0;
  for (const a of arrays) {
    if (a.shape.length !== tail.length + 1 || a.shape.slice(1).some((d, i) => d !== tail[i])) {
      throw new ShapeError(
        `expected arrays of shape [?, ${tail.join(', ')}] to concatenate, got [${a.shape.join(', ')}]`,
      );
    }
    rows += a.shape[0];
  }
  const out = new Float32Array(rows * sizeOf(tail));
  let k = 0;
  for (const a of arrays) {
    out.set(a.data, k);
    k += a.data.length;
  }
  return { shape: Object.freeze([rows, ...tail]), data: out };
}
