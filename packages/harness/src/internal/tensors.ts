import * as tf from '@tensorflow/tfjs';
import { memoryKind, readFloat32 } from './backend-memory';
import { type NdArray, ShapeError } from '@lstm-kit/sequence';

/** The one place plain arrays become tensors (the harness boundary of DESIGN.md). */
export function toTensor(a: NdArray): tf.Tensor {
  return tf.tensor(a.data, [...a.shape], 'float32');
}

/**
 * Rows `[start, start + size)` of a tensor, as `tf.slice(t, start, size)` gives them, or with
 * `order` the rows `order[start]`, `order[start + 1]`, … (a shuffled epoch's batch, as
 * `tf.gather` gives them). On wasm, tfjs's slice kernel copies the whole input out of the heap
 * (`readSync`) for every call, so slicing batches off an epoch's tensor costs a copy of the
 * epoch per batch (quadratic in the epoch's size), and its gather walks every element; here
 * only the batch's rows are copied, from a view of the backend's memory.
 *
 * @param t a tensor with at least one dimension (its first indexes samples)
 * @param start first row (first position in `order`)
 * @param size number of rows
 * @param order row indices of a shuffled epoch
 * @returns a new tensor the caller owns
 */
export function batchRows(t: tf.Tensor, start: number, size: number, order?: Int32Array): tf.Tensor {
  if (memoryKind() === null || t.dtype !== 'float32') {
    if (!order) return tf.slice(t, start, size);
    return tf.tidy(() => tf.gather(t, tf.tensor1d(order.subarray(start, start + size), 'int32')));
  }
  const row = t.shape.slice(1).reduce((a, d) => a * d, 1);
  const shape = [size, ...t.shape.slice(1)];
  // `slice` copies before tf.tensor allocates (a wasm view detaches when the heap grows), and
  // gives the cpu backend, which keeps the array it is given, storage of its own.
  if (!order) return tf.tensor(readFloat32(t).slice(start * row, (start + size) * row), shape, 'float32');
  const src = readFloat32(t);
  const values = new Float32Array(size * row);
  for (let i = 0; i < size; i++) {
    const from = order[start + i] * row;
    if (row < 16) for (let j = 0; j < row; j++) values[i * row + j] = src[from + j];
    else values.set(src.subarray(from, from + row), i * row);
  }
  return tf.tensor(values, shape, 'float32');
}

/** Read a tensor back into a plain array (the tensor stays owned by the caller). */
export async function fromTensor(t: tf.Tensor): Promise<NdArray> {
  const data = (await t.data()) as Float32Array;
  return { shape: Object.freeze([...t.shape]), data: data instanceof Float32Array ? data : Float32Array.from(data) };
}

function layoutOf(rank: number): string[] {
  if (rank === 3) return ['samples', 'timesteps', 'features'];
  if (rank === 2) return ['samples', 'features'];
  if (rank === 5) return ['samples', 'timesteps', 'rows', 'cols', 'channels'];
  return Array.from({ length: rank }, (_, i) => (i === 0 ? 'samples' : `axis ${i}`));
}

/**
 * Check an array against a model input or output shape (`null` = any size), naming the
 * dimension that disagrees. Dimension 0 (samples) is not compared: stateful models fix it to
 * the batch size, which the stateful checks handle with their own message.
 */
export function checkAgainstModel(a: NdArray, modelShape: readonly (number | null)[], what: string, role: 'input' | 'output'): void {
  const names = layoutOf(modelShape.length);
  const expected = `[${modelShape.map((d) => d ?? '?').join(', ')}]`;
  if (a.shape.length !== modelShape.length) {
    throw new ShapeError(
      `${what} has ${a.shape.length} dimensions (shape [${a.shape.join(', ')}]) but the model ${role} has ${modelShape.length} [${names.join(', ')}] = ${expected}; reshape ${what} to [${names.join(', ')}]`,
    );
  }
  for (let i = 1; i < modelShape.length; i++) {
    const want = modelShape[i];
    if (want != null && a.shape[i] !== want) {
      throw new ShapeError(
        `${what} dimension ${i} (${names[i]}) is ${a.shape[i]} but the model ${role} expects ${want} (model ${role} shape ${expected}, ${what} shape [${a.shape.join(', ')}]); fix the data or build the model for ${a.shape[i]} ${names[i]}`,
      );
    }
  }
}

/** Check x and y against the model and against each other. */
export function checkData(model: tf.LayersModel, x: NdArray, y: NdArray | undefined, prefix = ''): void {
  if (!x || !(x.data instanceof Float32Array) || !Array.isArray(x.shape) && !ArrayBuffer.isView(x.shape as unknown)) {
    throw new ShapeError(`expected ${prefix}x to be an NdArray { shape, data: Float32Array }; build one with ndarray(values, shape) from @lstm-kit/sequence`);
  }
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new ShapeError(`the harness trains models with one input and one output; this model has ${model.inputs.length} inputs and ${model.outputs.length} outputs`);
  }
  checkAgainstModel(x, model.inputs[0].shape, `${prefix}x`, 'input');
  if (y) {
    if (!(y.data instanceof Float32Array)) {
      throw new ShapeError(`expected ${prefix}y to be an NdArray { shape, data: Float32Array }; build one with ndarray(values, shape) from @lstm-kit/sequence`);
    }
    checkAgainstModel(y, model.outputs[0].shape, `${prefix}y`, 'output');
    if (x.shape[0] !== y.shape[0]) {
      throw new ShapeError(
        `${prefix}x has ${x.shape[0]} samples but ${prefix}y has ${y.shape[0]}: dimension 0 must agree; give one target per input sequence`,
      );
    }
  }
}
