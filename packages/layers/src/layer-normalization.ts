import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import type { BaseLayerOptions, InitializerLike, RegularizerLike } from './layer-options';
import { stockArgs } from './internal/stock-args';

/** Options of {@link layerNormalization} (Keras `LayerNormalization`). */
export interface LayerNormalizationOptions extends BaseLayerOptions {
  /** Axis (or axes) to normalise over. Default -1 (features). */
  axis?: number | number[];
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
  /** Regularizer of beta. Default none. */
  betaRegularizer?: RegularizerLike;
  /** Regularizer of gamma. Default none. */
  gammaRegularizer?: RegularizerLike;
}

/**
 * Create a layer-normalisation layer (per-sample normalisation of the features), Keras defaults.
 *
 * @param options Keras LayerNormalization options
 * @returns the layer (2·features trainable params)
 * @example
 * model.add(layerNormalization());
 */
export function layerNormalization(options: LayerNormalizationOptions = {}): tf.layers.Layer {
  const D = KERAS_DEFAULTS.layerNormalization;
  return tf.layers.layerNormalization({ axis: D.axis, epsilon: D.epsilon, ...stockArgs('layer_normalization', options) } as any);
}
