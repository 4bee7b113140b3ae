import * as tf from '@tensorflow/tfjs';
import type { NdArray } from '@lstm-kit/sequence';
import { overwriteFloat32 } from './backend-memory';

/**
 * A tensor reused for every update's input: while the shape stays the same, a new sample is
 * written into its backend memory (wasm heap, cpu array) instead of creating a tensor per
 * update; other backends, or a new shape, get a fresh tensor. Owns its tensor.
 */
export class InputSlot {
  private tensor: tf.Tensor | null = null;

  /**
   * The tensor holding `a` (valid until the next call or {@link dispose}; do not dispose it).
   *
   * @param a the sample or batch to hold
   * @returns the slot's tensor with `a`'s values and shape
   */
  fill(a: NdArray): tf.Tensor {
    const t = this.tensor;
    if (t && sameShape(t.shape, a.shape) && overwriteFloat32(t, a.data)) return t;
    t?.dispose();
    // A copy: on cpu a tensor keeps the very array it is made from, and the next sample is
    // written into that array.
    this.tensor = tf.tensor(Float32Array.from(a.data), [...a.shape], 'float32');
    return this.tensor;
  }

  /** Free the tensor. */
  dispose(): void {
    this.tensor?.dispose();
    this.tensor = null;
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
