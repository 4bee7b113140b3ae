import * as tf from '@tensorflow/tfjs';
import type { NdArray } from '@lstm-kit/sequence';
import { TRAINING_DEFAULTS } from './defaults';
import { TrainingConfigError } from './errors';
import { checkStatefulBatches } from './internal/stateful-model';
import { batchRows, checkData, fromTensor, toTensor } from './internal/tensors';

/** Options of {@link predict}, {@link predictProba} and {@link predictClasses}. */
export interface PredictOptions {
  /** Samples per forward pass. Default 32; a stateful model uses (and requires) its fixed batch size. */
  batchSize?: number;
  /** Reset a stateful model's states afterwards, as the course's stateful lab does. Default true. */
  resetStates?: boolean;
}

/**
 * Run the model forward on `x` in batches and return its outputs as a plain array.
 *
 * @param model a tfjs LayersModel with one input and one output
 * @param x inputs shaped like the model input, e.g. `[samples, timesteps, features]`
 * @param options batch size and the stateful reset
 * @returns the outputs, shape `[samples, ...model output shape]`
 * @throws ShapeError when a dimension of x disagrees with the model input
 * @example
 * const yhat = await predict(model, xTest);
 * yhat.shape; // [100, 10]
 */
export async function predict(model: tf.LayersModel, x: NdArray, options: PredictOptions = {}): Promise<NdArray> {
  checkData(model, x, undefined);
  const n = x.shape[0];
  const batchSize = model.stateful ? checkStatefulBatches(model, n, options.batchSize, 'x') : options.batchSize ?? TRAINING_DEFAULTS.batchSize;
  if (!(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new TrainingConfigError(`expected batchSize to be a positive integer, got ${batchSize}`);
  }
  const xt = toTensor(x);
  try {
    const out = tf.tidy(() => {
      const parts: tf.Tensor[] = [];
      for (let start = 0; start < n; start += batchSize) {
        const size = Math.min(batchSize, n - start);
        const xb = size === n ? xt : batchRows(xt, start, size);
        parts.push(model.apply(xb, { training: false }) as tf.Tensor);
      }
      return parts.length === 1 ? parts[0] : tf.concat(parts, 0);
    });
    try {
      // One read for all batches: a sync per batch would stall the backend's queue.
      return await fromTensor(out);
    } finally {
      out.dispose();
    }
  } finally {
    xt.dispose();
    if (model.stateful && options.resetStates !== false) model.resetStates();
  }
}

/**
 * Class probabilities: the model's outputs, for a softmax or sigmoid output layer (Keras's
 * `predict_proba`).
 *
 * @returns the probabilities, shape `[samples, ...output shape]`
 * @throws ShapeError when a dimension of x disagrees with the model input
 * @example
 * const p = await predictProba(model, x); // rows sum to 1 for a softmax output
 */
export async function predictProba(model: tf.LayersModel, x: NdArray, options: PredictOptions = {}): Promise<NdArray> {
  return predict(model, x, options);
}

/**
 * Class labels (Keras's `predict_classes`): the arg-max over the last axis for several
 * outputs (softmax), or 1 where the single output exceeds 0.5 (sigmoid), else 0.
 *
 * @returns labels, shape `[samples]`, or `[samples, timesteps]` for sequence outputs
 * @throws ShapeError when a dimension of x disagrees with the model input
 * @example
 * const labels = await predictClasses(model, x);
 * labels.data[0]; // e.g. 2
 */
export async function predictClasses(model: tf.LayersModel, x: NdArray, options: PredictOptions = {}): Promise<NdArray> {
  const p = await predict(model, x, options);
  return classesOf(p);
}

/**
 * Labels from probabilities: arg-max over the last axis, or the 0.5 threshold when the last
 * axis has one unit.
 *
 * @example
 * classesOf(ndarray([0.1, 0.7, 0.2], [1, 3])).data; // [1]
 */
export function classesOf(p: NdArray): NdArray {
  const units = p.shape[p.shape.length - 1];
  const rows = p.data.length / units;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const o = r * units;
    if (units === 1) out[r] = p.data[o] > 0.5 ? 1 : 0;
    else {
      let best = 0;
      for (let k = 1; k < units; k++) if (p.data[o + k] > p.data[o + best]) best = k;
      out[r] = best;
    }
  }
  return { shape: Object.freeze(p.shape.slice(0, -1)), data: out };
}
