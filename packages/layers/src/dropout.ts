import * as tf from '@tensorflow/tfjs';
import { LayerConfigError } from './errors';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';

/** Options of {@link dropout} (Keras `Dropout`). */
export interface DropoutOptions extends BaseLayerOptions {
  /** Fraction of the inputs to drop during training, in [0, 1). */
  rate: number;
  /** Shape of the binary mask, to drop whole features across steps (e.g. `[batch, 1, features]`). Default: the input's shape. */
  noiseShape?: number[];
}

/**
 * Create a dropout layer (tfjs's, with a Keras-style name); `seed` makes the masks repeatable.
 *
 * @param options `rate` and optionally `noiseShape`, `seed`
 * @returns the layer
 * @throws LayerConfigError when the rate is outside [0, 1)
 * @example
 * model.add(dropout({ rate: 0.2 }));
 */
export function dropout(options: DropoutOptions): tf.layers.Layer {
  if (options == null || !(options.rate >= 0 && options.rate < 1)) {
    throw new LayerConfigError(`expected rate in [0, 1) for Dropout, got ${options?.rate}; e.g. dropout({ rate: 0.2 })`);
  }
  return tf.layers.dropout({ ...stockArgs('dropout', options), seed: options.seed } as any);
}
