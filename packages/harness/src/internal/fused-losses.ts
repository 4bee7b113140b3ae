import * as tf from '@tensorflow/tfjs';
import { TRAINING_DEFAULTS } from '../defaults';
import type { LossFn } from '../losses';
import { memoryKind, readFloat32 } from './backend-memory';

const EPS = TRAINING_DEFAULTS.epsilon;
const ONE_MINUS_EPS = 1 - EPS;

/**
 * A loss over flat float32 values: the scalar loss, and the gradient with respect to the
 * predictions for an upstream gradient `dy` (written into `out`).
 */
interface FlatLoss {
  value(y: Float32Array, p: Float32Array, lastDim: number): number;
  gradient(y: Float32Array, p: Float32Array, lastDim: number, dy: number, out: Float32Array): void;
}

// Each matches the tfjs-op version in losses.ts (a mean over samples of a per-sample mean),
// computed in one pass in float64: every sample has as many elements, so the mean of the
// per-sample means is the mean over all elements (or over all rows for cross-entropy).
const mse: FlatLoss = {
  value(y, p) {
    let s = 0;
    for (let i = 0; i < p.length; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
    return s / p.length;
  },
  gradient(y, p, _k, dy, out) {
    const c = (2 * dy) / p.length;
    for (let i = 0; i < p.length; i++) out[i] = c * (p[i] - y[i]);
  },
};

const mae: FlatLoss = {
  value(y, p) {
    let s = 0;
    for (let i = 0; i < p.length; i++) s += Math.abs(p[i] - y[i]);
    return s / p.length;
  },
  gradient(y, p, _k, dy, out) {
    const c = dy / p.length;
    for (let i = 0; i < p.length; i++) out[i] = c * Math.sign(p[i] - y[i]);
  },
};

// Probabilities are clipped to [ε, 1 − ε] as in Keras; the clip passes the gradient only
// inside the range (ends included), as tfjs's clipByValue gradient does.
const bce: FlatLoss = {
  value(y, p) {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const q = Math.min(Math.max(p[i], EPS), ONE_MINUS_EPS);
      s -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
    }
    return s / p.length;
  },
  gradient(y, p, _k, dy, out) {
    const c = dy / p.length;
    for (let i = 0; i < p.length; i++) {
      const q = p[i];
      out[i] = q >= EPS && q <= ONE_MINUS_EPS ? c * ((1 - y[i]) / (1 - q) - y[i] / q) : 0;
    }
  },
};

// Rows along the last axis are renormalised (p / Σp) and clipped, as Keras's backend does.
const cce: FlatLoss = {
  value(y, p, k) {
    const rows = p.length / k;
    let s = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * k;
      let sum = 0;
      for (let j = 0; j < k; j++) sum += p[o + j];
      for (let j = 0; j < k; j++) if (y[o + j] !== 0) s -= y[o + j] * Math.log(Math.min(Math.max(p[o + j] / sum, EPS), ONE_MINUS_EPS));
    }
    return s / rows;
  },
  gradient(y, p, k, dy, out) {
    const rows = p.length / k;
    const c = dy / rows;
    for (let r = 0; r < rows; r++) {
      const o = r * k;
      let sum = 0;
      for (let j = 0; j < k; j++) sum += p[o + j];
      // g = ∂L/∂(p/Σp) (zero where clipped); ∂L/∂p_j = g_j / Σp − (Σ_i g_i p_i) / (Σp)².
      let gp = 0;
      for (let j = 0; j < k; j++) {
        const q = p[o + j] / sum;
        const g = q >= EPS && q <= ONE_MINUS_EPS ? (-c * y[o + j]) / q : 0;
        out[o + j] = g;
        gp += g * p[o + j];
      }
      const shift = gp / (sum * sum);
      for (let j = 0; j < k; j++) out[o + j] = out[o + j] / sum - shift;
    }
  },
};

const FLAT: Record<string, FlatLoss> = {
  meanSquaredError: mse,
  meanAbsoluteError: mae,
  binaryCrossentropy: bce,
  categoricalCrossentropy: cce,
};

function asOp(loss: FlatLoss): LossFn {
  // tfjs types the function's arguments as (Tensor | GradSaveFunc)[]: inputs, then `save`.
  const op = tf.customGrad(((yTrue: tf.Tensor, yPred: tf.Tensor, save: tf.GradSaveFunc) => {
    save([yTrue, yPred]);
    const k = yPred.shape[yPred.rank - 1] ?? 1;
    const value = loss.value(readFloat32(yTrue), readFloat32(yPred), k);
    return {
      value: tf.scalar(value),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [yt, yp] = saved;
        const out = new Float32Array(yp.size);
        loss.gradient(readFloat32(yt), readFloat32(yp), k, readFloat32(dy)[0], out);
        return [tf.zerosLike(yt), tf.tensor(out, yp.shape, 'float32')];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return (yTrue, yPred) => op(yTrue, yPred) as tf.Scalar;
}

const OPS: Record<string, LossFn> = Object.fromEntries(Object.entries(FLAT).map(([name, loss]) => [name, asOp(loss)]));

/**
 * The built-in loss as one differentiable op on CPU-class backends: the loss and its gradient
 * each in one pass over `Float32Array`s, instead of the 8–10 tfjs ops forward and about as
 * many gradient ops (each with engine and tape bookkeeping) that dominate a single-sample
 * update. Same values as the tfjs-op version to float32 rounding.
 *
 * @param name a canonical loss name (`categoricalCrossentropy`, ...)
 * @param yTrue targets, float32
 * @param yPred predictions of the same shape
 * @returns the fused loss function, or null when there is none for this name, backend or dtype
 */
export function fusedLossFor(name: string, yTrue: tf.Tensor, yPred: tf.Tensor): LossFn | null {
  const op = OPS[name];
  if (!op || memoryKind() === null || yTrue.dtype !== 'float32' || yPred.dtype !== 'float32') return null;
  if (yTrue.size !== yPred.size || yPred.size === 0) return null;
  return op;
}
