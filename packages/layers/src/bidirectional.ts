import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import { LayerConfigError } from './errors';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';
import { GlorotNormal, GlorotUniform, Orthogonal, RandomNormal, RandomUniform } from './seeded-initializers';
import type { PenaltyFn } from './internal/cell-losses';

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

type StockBidirectional = ReturnType<typeof tf.layers.bidirectional>;
const StockBidirectionalClass = tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 1 }) }).constructor as unknown as new (
  args: object,
) => StockBidirectional;

// tfjs's Bidirectional reports the losses of the layer it was given, a template that is never
// built: the regularizers of the two copies that actually run (forward and backward) never
// reached the training loss. Registered under the stock name, so files stay interchangeable.
class Bidirectional extends StockBidirectionalClass {
  static className = 'Bidirectional';

  override get losses(): PenaltyFn[] {
    const self = this as unknown as { forwardLayer?: tf.layers.Layer; backwardLayer?: tf.layers.Layer };
    return [...((self.forwardLayer?.losses ?? []) as PenaltyFn[]), ...((self.backwardLayer?.losses ?? []) as PenaltyFn[])];
  }
}
tf.serialization.registerClass(Bidirectional as any);

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
  const wrapper = new Bidirectional({ ...stockArgs('bidirectional', options), mergeMode });
  reseedBackward(wrapper);
  return wrapper;
}
