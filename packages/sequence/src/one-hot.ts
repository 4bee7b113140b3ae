import { ShapeError, ValueError } from './errors';
import { type NdArray, sizeOf } from './nd-array';

/**
 * One-hot encode integer class indices: each value becomes a row of `depth` zeros with a 1
 * at its index, appended as a new last dimension (like Keras's `to_categorical`).
 *
 * @param indices integers in `[0, depth)`, as a flat list or an NdArray of any shape
 * @param depth the number of classes
 * @returns an NdArray of shape `[...indicesShape, depth]`
 * @throws ValueError when an index is not an integer in range
 * @example
 * oneHotEncode([2, 0], 3).data; // [0, 0, 1, 1, 0, 0], shape [2, 3]
 */
export function oneHotEncode(indices: NdArray | ArrayLike<number>, depth: number): NdArray {
  if (!Number.isInteger(depth) || depth < 1) {
    throw new ValueError(`expected depth to be a positive integer (the number of classes), got ${depth}`);
  }
  const values = 'shape' in indices ? (indices as NdArray).data : indices;
  const shape = 'shape' in indices ? [...(indices as NdArray).shape] : [values.length];
  const out = new Float32Array(values.length * depth);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v >= depth) {
      throw new ValueError(`expected class indices that are integers in [0, ${depth}), got ${v} at position ${i}`);
    }
    out[i * depth + v] = 1;
  }
  return { shape: Object.freeze([...shape, depth]), data: out };
}

/**
 * Decode one-hot rows (or any scores, such as softmax probabilities) to class indices by
 * argmax over the last dimension, like `numpy.argmax(y, axis=-1)`.
 *
 * @param encoded an NdArray whose last dimension is the classes
 * @returns the indices, of shape `encoded.shape.slice(0, -1)`
 * @throws ShapeError when the array has no dimensions
 * @example
 * oneHotDecode(oneHotEncode([2, 0], 3)).data; // [2, 0]
 */
export function oneHotDecode(encoded: NdArray): NdArray {
  if (encoded.shape.length === 0) {
    throw new ShapeError('expected one-hot rows with classes in the last dimension, got a scalar');
  }
  const depth = encoded.shape[encoded.shape.length - 1];
  const outerShape = encoded.shape.slice(0, -1);
  const n = sizeOf(outerShape);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestValue = -Infinity;
    for (let j = 0; j < depth; j++) {
      const v = encoded.data[i * depth + j];
      if (v > bestValue) {
        bestValue = v;
        best = j;
      }
    }
    out[i] = best;
  }
  return { shape: Object.freeze(outerShape), data: out };
}
