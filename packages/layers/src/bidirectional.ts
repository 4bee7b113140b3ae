import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import { LayerConfigError } from './errors';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';
import { GlorotNormal, GlorotUniform, Orthogonal, RandomNormal, RandomUniform } from './seeded-initializers';

/** How the forward and backward outputs are combined. */
export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave';

/** Options of {@link bidirectional} (Keras `Bidirectional`). */
export interface BidirectionalOptions extends BaseLayerOptions {
  /** The recurrent layer to run forwards; a copy runs backwards. */
  layer: tf.layers.Layer;
  /** `'concat'` (Keras default; output 2·units), `'sum'`, `'mul'` or `'ave'`. */
  mergeMode?: MergeMode;
}

const MODES: readonly MergeMode[] = ['concat', 'sum', 'mul', 'ave'];
const SEEDED = [GlorotUniform, GlorotNormal, Orthogonal, RandomUniform, RandomNormal] as const;

/**
 * The backward copy is rebuilt from the forward layer's config, seeds included, so both
 * directions would start from identical weights; give the copy's seeded initializers a
 * different (still deterministic) seed.
 */
function reseedBackward(wrapper: any): void {
  const cell = wrapper.backwardLayer?.cell;
  if (!cell) return;
  for (const key of ['kernelInitializer', 'recurrentInitializer']) {
    const init = cell[key];
    for (const cls of SEEDED) {
      if (init instanceof cls && init.seed != null) {
        cell[key] = new (cls as any)({ ...init.getConfig(), seed: (init.seed ^ 0x5bd1e995) >>> 0 });
      }
    }
  }
}

/**
 * Run a recurrent layer over the sequence in both directions and merge the outputs (tfjs's
 * Bidirectional, Keras default `concat`). Params are twice the inner layer's.
 *
 * @param options the inner `layer` and `mergeMode`
 * @returns the wrapper
 * @throws LayerConfigError for an unknown merge mode
 * @example
 * model.add(bidirectional({ layer: lstm({ units: 50, returnSequences: true }), inputShape: [10, 1] })); // 20,800 params
 */
export function bidirectional(options: BidirectionalOptions): tf.layers.Layer {
  const mergeMode = options.mergeMode ?? KERAS_DEFAULTS.bidirectional.mergeMode;
  if (!MODES.includes(mergeMode)) {
    throw new LayerConfigError(`expected mergeMode 'concat', 'sum', 'mul' or 'ave' for Bidirectional, got '${mergeMode}'`);
  }
  const wrapper = tf.layers.bidirectional({ ...stockArgs('bidirectional', options), mergeMode } as any);
  reseedBackward(wrapper);
  return wrapper;
}
