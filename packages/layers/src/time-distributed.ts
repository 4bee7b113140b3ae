import * as tf from '@tensorflow/tfjs';
import { LayerShapeError } from './errors';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';
import { shapeOfInput } from './internal/check-input';

/** Options of {@link timeDistributed} (Keras `TimeDistributed`). */
export interface TimeDistributedOptions extends BaseLayerOptions {
  /** The layer applied to every time step (Dense, Conv2D, MaxPooling2D, Flatten, …). */
  layer: tf.layers.Layer;
}

type StockTimeDistributed = ReturnType<typeof tf.layers.timeDistributed>;
const StockTimeDistributedClass = tf.layers.timeDistributed({ layer: tf.layers.flatten() }).constructor as unknown as new (
  args: object,
) => StockTimeDistributed;

/**
 * Keras's TimeDistributed that folds time into the batch: `[b, t, …]` is reshaped to
 * `[b·t, …]`, the inner layer runs once, and the result is reshaped back. tfjs-layers instead
 * unstacks the input and loops over steps; on the CNN-LSTM (B8) that data movement (Unpack +
 * Transpose) was ~85% of a training step. Same weights and config; registered as `'TimeDistributed'`.
 *
 * @example
 * const model = tf.sequential({ layers: [lstm({ units: 4, returnSequences: true, inputShape: [10, 1] }), timeDistributed({ layer: dense({ units: 1 }) })] });
 * model.layers[1] instanceof TimeDistributed; // true
 * model.outputs[0].shape;                      // [null, 10, 1]
 */
export class TimeDistributed extends StockTimeDistributedClass {
  static className = 'TimeDistributed';

  override apply(inputs: any, kwargs?: any): any {
    const shape = shapeOfInput(inputs);
    if (shape && shape.length < 3) {
      throw new LayerShapeError(
        `expected input with shape [batch, timesteps, ...] for TimeDistributed '${this.name}', got [${shape.map((d) => d ?? 'null').join(', ')}]; give inputShape: [timesteps, ...stepShape] (e.g. [50, 50, 50, 1] for 50 frames of 50×50×1)`,
      );
    }
    return super.apply(inputs, kwargs);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: any): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const [batch, steps, ...rest] = x.shape;
      const folded = tf.reshape(x, [batch * steps, ...rest]);
      const inner = (this as any).layer.call(folded, kwargs) as tf.Tensor | tf.Tensor[];
      const y = Array.isArray(inner) ? inner[0] : inner;
      return tf.reshape(y, [batch, steps, ...y.shape.slice(1)]);
    });
  }
}
tf.serialization.registerClass(TimeDistributed as any);

/**
 * Apply a layer to every time step, folding time into the batch (one call of the inner layer
 * instead of one per step).
 *
 * @param options the inner `layer`, plus base options (`inputShape` when first in a model)
 * @returns the wrapper; its params are the inner layer's
 * @throws LayerShapeError later, for input of rank below 3
 * @example
 * model.add(lstm({ units: 50, returnSequences: true, inputShape: [2, 75] }));
 * model.add(timeDistributed({ layer: dense({ units: 12, activation: 'softmax' }) })); // 612 params
 */
export function timeDistributed(options: TimeDistributedOptions): TimeDistributed {
  return new TimeDistributed(stockArgs('time_distributed', options));
}
