import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';
import { registerWasmGradients } from './wasm-gradients';

/** Options of {@link maxPooling2d} (Keras `MaxPooling2D`). */
export interface MaxPooling2dOptions extends BaseLayerOptions {
  /** Pooling window, one number for both axes or `[rows, cols]`. Keras default 2. */
  poolSize?: number | [number, number];
  /** Step of the window. Keras default: the pool size. */
  strides?: number | [number, number];
  /** `'valid'` (no padding, Keras default) or `'same'`. */
  padding?: 'valid' | 'same';
}

/**
 * Create a 2-D max-pooling layer with Keras's defaults (2×2, stride = pool size, valid).
 *
 * @param options pool size, strides, padding
 * @returns the layer (no weights); 49×49×2 → 24×24×2 with the defaults
 * @example
 * model.add(timeDistributed({ layer: maxPooling2d({ poolSize: 2 }) }));
 */
export function maxPooling2d(options: MaxPooling2dOptions = {}): tf.layers.Layer {
  const D = KERAS_DEFAULTS.maxPooling2d;
  // The wasm backend is usually loaded after this package: put the fast MaxPoolGrad in place now.
  registerWasmGradients();
  return tf.layers.maxPooling2d({ poolSize: D.poolSize, padding: D.padding, ...stockArgs('max_pooling2d', options) } as any);
}
