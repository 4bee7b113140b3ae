import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';

/** Options of {@link masking} (Keras `Masking`). */
export interface MaskingOptions extends BaseLayerOptions {
  /** Time steps whose features all equal this value are skipped by the layers after. Keras default 0. */
  maskValue?: number;
}

/**
 * Create a masking layer: steps equal to `maskValue` in every feature are skipped by the
 * recurrent layers that follow (the state carries over them).
 *
 * @param options the sentinel value
 * @returns the layer
 * @example
 * model.add(masking({ maskValue: -1, inputShape: [10, 1] }));
 * model.add(lstm({ units: 8 }));
 */
export function masking(options: MaskingOptions = {}): tf.layers.Layer {
  return tf.layers.masking({ maskValue: KERAS_DEFAULTS.masking.maskValue, ...stockArgs('masking', options) } as any);
}
