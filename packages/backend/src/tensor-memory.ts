import * as tf from '@tensorflow/tfjs';

/** The wasm backend's heap view of a tensor (not in tfjs's public typings). */
interface WasmBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}
/** The cpu backend's storage (not in tfjs's public typings). */
interface CpuBackend {
  data: { get(dataId: object): { values?: unknown } | undefined };
}

/** Which in-place access the active backend allows: `wasm` heap views, `cpu` stored arrays, or none. */
export type MemoryKind = 'wasm' | 'cpu' | null;

/**
 * The in-place access the active backend allows (check it per call: the backend can change).
 *
 * @returns `'wasm'`, `'cpu'`, or null on other backends (webgl, tensorflow)
 * @example
 * if (memoryKind() === 'wasm') console.log('tensor values can be read without a copy');
 */
export function memoryKind(): MemoryKind {
  const name = tf.getBackend();
  return name === 'wasm' || name === 'cpu' ? name : null;
}

/**
 * The float32 values of a tensor without a copy where the backend allows it: a view into the
 * wasm heap, or the cpu backend's stored array. A wasm view is valid only until tfjs next
 * allocates (the heap may grow and detach it), so take views after every allocation and copy
 * what you keep; never write into the result.
 *
 * @param t a tensor on the active backend
 * @returns its values as float32; a copy on other backends and for other dtypes
 * @example
 * const values = readFloat32(t); // read at once, before creating another tensor
 */
export function readFloat32(t: tf.Tensor): Float32Array {
  const kind = t.dtype === 'float32' ? memoryKind() : null;
  if (kind === 'wasm') return (tf.backend() as unknown as WasmBackend).typedArrayFromHeap(t);
  if (kind === 'cpu') {
    const values = (tf.backend() as unknown as CpuBackend).data.get(t.dataId)?.values;
    if (values instanceof Float32Array) return values;
  }
  const data = t.dataSync();
  return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
}
