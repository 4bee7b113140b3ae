import * as tf from '@tensorflow/tfjs';
import { TRAINING_DEFAULTS } from './defaults';
import { TrainingConfigError } from './errors';

/** A loss: the mean over the batch of a per-sample error, as a scalar tensor. */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

/** Loss names accepted by {@link resolveLoss}: the Keras names in camelCase and snake_case, and their short forms. */
export type LossName =
  | 'mse'
  | 'meanSquaredError'
  | 'mean_squared_error'
  | 'mae'
  | 'meanAbsoluteError'
  | 'mean_absolute_error'
  | 'rmse'
  | 'rootMeanSquaredError'
  | 'root_mean_squared_error'
  | 'binaryCrossentropy'
  | 'binary_crossentropy'
  | 'categoricalCrossentropy'
  | 'categorical_crossentropy';

/** A resolved loss: its canonical name and its function. */
export interface Loss {
  /** Canonical camelCase name (`meanSquaredError`, ...) or the custom function's name. */
  readonly name: string;
  readonly fn: LossFn;
}

const EPS = TRAINING_DEFAULTS.epsilon;

/**
 * Per-sample squared error: mean over every axis but the first.
 *
 * @example
 * perSampleSquaredError(tf.tensor2d([[1]]), tf.tensor2d([[3]])); // [4]
 */
export function perSampleSquaredError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => meanPerSample(tf.squaredDifference(yTrue, yPred)));
}

/** Per-sample absolute error: mean over every axis but the first. */
export function perSampleAbsoluteError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => meanPerSample(tf.abs(tf.sub(yTrue, yPred))));
}

/**
 * Per-sample binary cross-entropy on probabilities (a sigmoid output), clipped to
 * [epsilon, 1 - epsilon] like Keras so a saturated output cannot give an infinite loss.
 */
export function perSampleBinaryCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const p = tf.clipByValue(yPred, EPS, 1 - EPS);
    const ce = tf.neg(tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p)))));
    return meanPerSample(ce);
  });
}

/**
 * Per-sample categorical cross-entropy on probabilities (a softmax output) along the last
 * axis; for sequence outputs `[samples, timesteps, classes]` it is averaged over time steps,
 * as Keras does. Probabilities are renormalised and clipped like Keras's backend.
 */
export function perSampleCategoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPS, 1 - EPS);
    const ce = tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), -1));
    return ce.rank === 1 ? (ce as tf.Tensor1D) : meanPerSample(ce);
  });
}

/** Mean over every axis except the first (the samples), giving shape `[samples]`. */
export function meanPerSample(t: tf.Tensor): tf.Tensor1D {
  if (t.rank <= 1) return t.reshape([-1]) as tf.Tensor1D;
  const axes = Array.from({ length: t.rank - 1 }, (_, i) => i + 1);
  return tf.mean(t, axes) as tf.Tensor1D;
}

const mse: LossFn = (yTrue, yPred) => tf.tidy(() => tf.mean(perSampleSquaredError(yTrue, yPred)) as tf.Scalar);
const mae: LossFn = (yTrue, yPred) => tf.tidy(() => tf.mean(perSampleAbsoluteError(yTrue, yPred)) as tf.Scalar);
// RMSE as a loss is the square root of the batch MSE (the L6 lab's `rmse` loss), not the mean of per-sample roots.
const rmse: LossFn = (yTrue, yPred) => tf.tidy(() => tf.sqrt(tf.mean(tf.squaredDifference(yTrue, yPred))) as tf.Scalar);
const bce: LossFn = (yTrue, yPred) => tf.tidy(() => tf.mean(perSampleBinaryCrossentropy(yTrue, yPred)) as tf.Scalar);
const cce: LossFn = (yTrue, yPred) => tf.tidy(() => tf.mean(perSampleCategoricalCrossentropy(yTrue, yPred)) as tf.Scalar);

const LOSSES: Record<string, Loss> = {};
const register = (name: string, fn: LossFn, aliases: string[]): void => {
  for (const alias of [name, ...aliases]) LOSSES[alias] = { name, fn };
};
register('meanSquaredError', mse, ['mse', 'mean_squared_error']);
register('meanAbsoluteError', mae, ['mae', 'mean_absolute_error']);
register('rootMeanSquaredError', rmse, ['rmse', 'root_mean_squared_error']);
register('binaryCrossentropy', bce, ['binary_crossentropy']);
register('categoricalCrossentropy', cce, ['categorical_crossentropy']);

/** Every loss name {@link resolveLoss} accepts. */
export const LOSS_NAMES: readonly string[] = Object.freeze(Object.keys(LOSSES));

/**
 * Turn a loss name (Keras spelling, camelCase or snake_case) or a custom function into a
 * resolved {@link Loss}.
 *
 * @param loss a name such as `'categoricalCrossentropy'`, `'categorical_crossentropy'`, `'mse'`,
 *   or a function `(yTrue, yPred) => scalar`
 * @returns the canonical name and the function
 * @throws TrainingConfigError for an unknown name, listing the known ones
 * @example
 * const { fn } = resolveLoss('mse');
 * fn(tf.tensor2d([[1]]), tf.tensor2d([[3]])).dataSync(); // [4]
 */
export function resolveLoss(loss: LossName | LossFn | string): Loss {
  if (typeof loss === 'function') return { name: loss.name || 'loss', fn: loss };
  const found = LOSSES[loss];
  if (!found) {
    throw new TrainingConfigError(
      `unknown loss '${loss}'; expected one of ${LOSS_NAMES.map((n) => `'${n}'`).join(', ')}, or a function (yTrue, yPred) => scalar tensor`,
    );
  }
  return found;
}
