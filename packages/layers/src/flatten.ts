import * as tf from '@tensorflow/tfjs';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';

/** Options of {@link flatten} (Keras `Flatten`). */
export type FlattenOptions = BaseLayerOptions;

/**
 * Create a layer that flattens each sample to a vector (`[batch, 24, 24, 2]` → `[batch, 1152]`).
 *
 * @param options base layer options
 * @returns the layer (no weights)
 * @example
 * model.add(timeDistributed({ layer: flatten() }));
 */
export function flatten(options: FlattenOptions = {}): tf.layers.Layer {
  return tf.layers.flatten(stockArgs('flatten', options) as any);
}
