import { opsFor, type KernelBackendName } from './kernel-backend.js';
import { KernelShapeError } from './errors.js';
import type { WasmOps } from './internal/wasm-ops.js';

/**
 * Adam's constants for one update, each already a float32 value (`Math.fround`), as tfjs's
 * Adam holds them: the moment decays, their complements, ε, the signed step and the bias
 * corrections of this update.
 */
export interface AdamCoefficients {
  /** β1. */
  readonly beta1: number;
  /** β2. */
  readonly beta2: number;
  /** 1 − β1 (rounded to float32 from the double difference, as tfjs computes it). */
  readonly oneMinusBeta1: number;
  /** 1 − β2. */
  readonly oneMinusBeta2: number;
  /** ε, added after the square root of the bias-corrected second moment. */
  readonly epsilon: number;
  /** −learning rate. */
  readonly step: number;
  /** 1 − β1ᵗ for this update. */
  readonly correction1: number;
  /** 1 − β2ᵗ for this update. */
  readonly correction2: number;
}

const f32 = Math.fround;

/**
 * One Adam update of a variable, in place and bit-identical to tfjs's Adam on float32:
 * `m ← β1·m + (1−β1)·g`, `v ← β2·v + (1−β2)·g²`, `w ← w + ((m / c1) / (√(v / c2) + ε))·step`,
 * each operation rounded to float32. Runs in WebAssembly SIMD (its f32x4 add, mul, div and
 * sqrt are correctly rounded, so four lanes give the same bits as one) when the active kernel
 * backend is `'wasm-simd'`, else in JavaScript, where rounding each double result with
 * `Math.fround` is exact for these operations on float32 operands.
 *
 * @param w the variable's values, updated in place
 * @param g its gradient (same length)
 * @param m first-moment slot, updated in place
 * @param v second-moment slot, updated in place
 * @param c this update's constants, float32 values
 * @param backend force `'wasm-simd'` or `'js'` (default: the active one, `kernelBackend()`)
 * @throws KernelShapeError when the arrays' lengths differ
 * @example
 * import { adamUpdate } from '@lstm-kit/kernels';
 * const f = Math.fround;
 * adamUpdate(w, g, m, v, { beta1: f(0.9), beta2: f(0.999), oneMinusBeta1: f(0.1), oneMinusBeta2: f(1 - 0.999),
 *   epsilon: f(1e-7), step: f(-0.001), correction1: f(1 - f(0.9)), correction2: f(1 - f(0.999)) });
 */
export function adamUpdate(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, c: AdamCoefficients, backend?: KernelBackendName): void {
  const n = w.length;
  if (g.length !== n || m.length !== n || v.length !== n) {
    throw new KernelShapeError(`adamUpdate: expected w, g, m and v of one length, got ${n}, ${g.length}, ${m.length}, ${v.length}`);
  }
  const ops = opsFor(backend);
  const k = [c.beta1, c.beta2, c.oneMinusBeta1, c.oneMinusBeta2, c.epsilon, c.step, c.correction1, c.correction2].map(f32);
  if (ops.name === 'wasm-simd') {
    (ops as WasmOps).adamUpdate(w, g, m, v, k);
    return;
  }
  const [b1, b2, a1, a2, eps, step, c1, c2] = k;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = f32(f32(m[i] * b1) + f32(gi * a1));
    const vi = f32(f32(v[i] * b2) + f32(f32(gi * gi) * a2));
    m[i] = mi;
    v[i] = vi;
    const root = f32(f32(Math.sqrt(f32(vi / c2))) + eps);
    w[i] = w[i] + f32(f32(f32(mi / c1) / root) * step);
  }
}
