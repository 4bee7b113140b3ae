import * as tf from '@tensorflow/tfjs';
import { memoryKind, readFloat32 } from '@lstm-kit/backend';

// The zero-copy reads live in @lstm-kit/backend; the harness's modules import them from here.
export { type MemoryKind, memoryKind, readFloat32 } from '@lstm-kit/backend';

/** The parts of tfjs's wasm and cpu backends used here (not in tfjs's public typings). */
interface WasmBackend {
  refCount(dataId: object): number;
}
interface CpuBackend {
  data: { get(dataId: object): { values?: unknown } | undefined };
  refCount(dataId: object): number;
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
