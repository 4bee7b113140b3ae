import * as tf from '@tensorflow/tfjs';
import { LayerConfigError } from './errors';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';

/** Options of {@link repeatVector} (Keras `RepeatVector`). */
export interface RepeatVectorOptions extends BaseLayerOptions {
  /** How many times to repeat the input vector (the decoder's output length). */
  n: number;
}

/**
 * Create a layer that repeats a `[batch, features]` vector `n` times into `[batch, n, features]`
 * (the bridge between an encoder and a decoder).
 *
 * @param options `n`
 * @returns the layer (no weights)
 * @throws LayerConfigError when n is not a positive integer
 * @example
 * model.add(repeatVector({ n: 2 }));
 */
export function repeatVector(options: RepeatVectorOptions): tf.layers.Layer {
  if (options == null || !Number.isInteger(options.n) || options.n < 1) {
    throw new LayerConfigError(`expected n to be a positive integer for RepeatVector, got ${options?.n}; e.g. repeatVector({ n: 2 })`);
  }
  return tf.layers.repeatVector(stockArgs('repeat_vector', options) as any);
}
