import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import type { BaseLayerOptions, ConstraintLike, InitializerLike, RegularizerLike } from './layer-options';
import { stockArgs } from './internal/stock-args';

/** Options of {@link batchNormalization} (Keras `BatchNormalization`). */
export interface BatchNormalizationOptions extends BaseLayerOptions {
  /** The features axis to normalise. Default -1 (last). */
  axis?: number;
  /** Momentum of the moving mean and variance. Keras default 0.99. */
  momentum?: number;
  /** Small float added to the variance. Keras default 0.001. */
  epsilon?: number;
  /** Learn an offset `beta`. Default true. */
  center?: boolean;
  /** Learn a scale `gamma`. Default true. */
  scale?: boolean;
  /** Initializer of beta. Default `'zeros'`. */
  betaInitializer?: InitializerLike;
  /** Initializer of gamma. Default `'ones'`. */
  gammaInitializer?: InitializerLike;
  /** Initializer of the moving mean. Default `'zeros'`. */
  movingMeanInitializer?: InitializerLike;
  /** Initializer of the moving variance. Default `'ones'`. */
  movingVarianceInitializer?: InitializerLike;
  /** Regularizer of beta. Default none. */
  betaRegularizer?: RegularizerLike;
  /** Regularizer of gamma. Default none. */
  gammaRegularizer?: RegularizerLike;
  /** Constraint on beta. Default none. */
  betaConstraint?: ConstraintLike;
  /** Constraint on gamma. Default none. */
  gammaConstraint?: ConstraintLike;
}

/**
 * Create a batch-normalisation layer with Keras's defaults: 4·features params, of which the
 * moving mean and variance (2·features) are non-trainable.
 *
 * @param options Keras BatchNormalization options
 * @returns the layer
 * @example
 * model.add(batchNormalization({ inputShape: [3, 1] })); // 4 params, 2 non-trainable
 */
export function batchNormalization(options: BatchNormalizationOptions = {}): tf.layers.Layer {
  const D = KERAS_DEFAULTS.batchNormalization;
  return tf.layers.batchNormalization({
    axis: D.axis,
    momentum: D.momentum,
    epsilon: D.epsilon,
    ...stockArgs('batch_normalization', options),
  } as any);
}
