import * as tf from '@tensorflow/tfjs';

/** The parts of tfjs's wasm and cpu backends used here (not in tfjs's public typings). */
interface WasmBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  refCount(dataId: object): number;
}
interface CpuBackend {
  data: { get(dataId: object): { values?: unknown } | undefined };
  refCount(dataId: object): number;
}

/** Which in-place access the active backend allows: `wasm` heap views, `cpu` stored arrays, or none. */
export type MemoryKind = 'wasm' | 'cpu' | null;

/** The in-place access the active backend allows (checked per call: the backend can change between updates). */
export function memoryKind(): MemoryKind {
  const name = tf.getBackend();
  return name === 'wasm' || name === 'cpu' ? name : null;
}

/**
 * The float32 values of a tensor without a copy where the backend allows it: a view into the
 * wasm heap, or the cpu backend's stored array. A wasm view is valid only until tfjs next
 * allocates (the heap may grow and detach it), so callers take views after every allocation.
 *
 * @param t a float32 tensor on the active backend
 * @returns its values; a copy on other backends
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

// Storage this module copied for a tensor, so nothing else can alias it: tfjs shares one
// buffer between a variable and a clone of it (cpu `clone`, `reshape`, `model.setWeights`
// of another model's weights, earlyStopping's snapshots), and on cpu a tensor made from a
// user's Float32Array keeps that very array. Writing in place into shared storage would
// change those other tensors, so a buffer is written in place only when it is one of these
// and nothing else references it.
const owned = new WeakSet<object>();

/**
 * Make sure a variable's storage is its own (copying it once when shared or not created
 * here), so it can be written in place. Allocates: call it before taking any wasm view. On
 * wasm only storage no kernel reads is written in place (optimizer slots): see
 * {@link overwriteFloat32} for the XNNPACK operator cache.
 *
 * @param v a float32 variable on the active backend
 * @returns true when the variable can be written in place with {@link writableFloat32}
 */
export function ownStorage(v: tf.Variable): boolean {
  const kind = v.dtype === 'float32' ? memoryKind() : null;
  if (kind === null) return false;
  const backend = tf.backend() as unknown as WasmBackend | CpuBackend;
  if (owned.has(v.dataId) && backend.refCount(v.dataId) === 1) return true;
  const copy = tf.tensor(Float32Array.from(readFloat32(v)), v.shape, 'float32');
  v.assign(copy);
  copy.dispose();
  owned.add(v.dataId);
  return true;
}

/**
 * A writable view of a variable's storage (after {@link ownStorage} returned true and before
 * anything allocates): writing it changes the variable without creating a tensor.
 *
 * @param v a variable whose storage {@link ownStorage} made its own
 * @returns the view to write the new values into
 */
export function writableFloat32(v: tf.Variable): Float32Array {
  return readFloat32(v);
}

/**
 * Write a whole tensor's values in place on the cpu backend when its storage is its own (a
 * tensor the harness made and reuses for every update), instead of creating a new tensor per
 * update. Not on wasm: tfjs-wasm caches XNNPACK operators with a matMul operand packed
 * inside, keyed by the tensor's id, so a tensor changed in place could be read stale there.
 *
 * @param t a float32 tensor created by the caller from a fresh array
 * @param values as many values as `t` has
 * @returns true when written; false when the backend or sharing does not allow it
 */
export function overwriteFloat32(t: tf.Tensor, values: Float32Array): boolean {
  if (t.dtype !== 'float32' || t.isDisposed || memoryKind() !== 'cpu') return false;
  if ((tf.backend() as unknown as CpuBackend).refCount(t.dataId) !== 1) return false;
  const view = readFloat32(t);
  if (view.length !== values.length) return false;
  view.set(values);
  return true;
}
