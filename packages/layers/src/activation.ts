import * as tf from '@tensorflow/tfjs';
import type { ActivationName, BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';

/** Options of {@link activation} (Keras `Activation`). */
export interface ActivationOptions extends BaseLayerOptions {
  /** The activation: `'relu'`, `'sigmoid'`, `'tanh'`, `'softmax'`, `'linear'`, …. */
  activation: ActivationName;
}

/**
 * Create a layer that applies an activation function to its input.
 *
 * @param options the activation's name
 * @returns the layer (no weights)
 * @example
 * model.add(activation({ activation: 'relu' }));
 */
export function activation(options: ActivationOptions): tf.layers.Layer {
  return tf.layers.activation(stockArgs('activation', options) as any);
}
