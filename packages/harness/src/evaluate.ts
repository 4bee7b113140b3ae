import * as tf from '@tensorflow/tfjs';
import type { NdArray } from '@lstm-kit/sequence';
import { TRAINING_DEFAULTS } from './defaults';
import { TrainingConfigError } from './errors';
import type { Logs } from './callbacks/callback';
import { Totals, batchSums, withRegularization } from './internal/batch-sums';
import { type CompiledModel, getCompiled } from './internal/compiled';
import { checkStatefulBatches } from './internal/stateful-model';
import { batchRows, checkData, toTensor } from './internal/tensors';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Samples per forward pass. Default 32; a stateful model uses (and requires) its fixed batch size. */
  batchSize?: number;
  /** Reset a stateful model's states afterwards, as the course's stateful lab does. Default true. */
  resetStates?: boolean;
}

/**
 * Compute the loss and metrics of a compiled model on data, in batches, without training.
 *
 * @param model a model compiled with `compileModel`
 * @param data `{ x, y }` as NdArrays, `x` shaped like the model input and `y` like its output
 * @param options batch size and the stateful reset
 * @returns `{ loss, ...metrics }` averaged over all samples
 * @throws ShapeError when a dimension of x or y disagrees with the model, or x and y differ in samples
 * @throws TrainingConfigError when the model is not compiled
 * @example
 * const { loss, acc } = await evaluate(model, { x: xTest, y: yTest });
 */
export async function evaluate(model: tf.LayersModel, data: { x: NdArray; y: NdArray }, options: EvaluateOptions = {}): Promise<Logs> {
  const compiled = getCompiled(model);
  checkData(model, data.x, data.y);
  const batchSize = model.stateful
    ? checkStatefulBatches(model, data.x.shape[0], options.batchSize, 'x')
    : options.batchSize ?? TRAINING_DEFAULTS.batchSize;
  const x = toTensor(data.x);
  const y = toTensor(data.y);
  try {
    const logs = await evaluateTensors(model, compiled, x, y, batchSize);
    if (model.stateful && options.resetStates !== false) model.resetStates();
    return logs;
  } finally {
    x.dispose();
    y.dispose();
  }
}

/** Evaluation over tensors already on the device (shared with fit's validation). */
export async function evaluateTensors(
  model: tf.LayersModel,
  compiled: CompiledModel,
  x: tf.Tensor,
  y: tf.Tensor,
  batchSize: number,
  prefix = '',
): Promise<Logs> {
  if (!(Number.isInteger(batchSize) && batchSize > 0)) {
    throw new TrainingConfigError(`expected batchSize to be a positive integer, got ${batchSize}`);
  }
  const n = x.shape[0];
  const totals = new Totals(compiled);
  try {
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      const sums = tf.tidy(() => {
        const xb = n === size ? x : batchRows(x, start, size);
        const yb = n === size ? y : batchRows(y, start, size);
        const out = model.apply(xb, { training: false }) as tf.Tensor;
        return batchSums(compiled, yb, out, withRegularization(model, compiled.loss.fn(yb, out)));
      });
      totals.add(sums, size);
    }
    return await totals.readAsync(prefix);
  } finally {
    totals.dispose();
  }
}
