import * as tf from '@tensorflow/tfjs';

/**
 * Make stacked recurrent layers trainable on one-time-step input (the labs' `[20, 1, 1]`
 * data): replace tfjs-core 4.22's gradient of `Unpack` with one that accepts a single tensor.
 *
 * Why: the stock tfjs-layers RNN loop unstacks its input along time. The upper LSTM of a stack
 * receives a tensor that needs a gradient, and with one time step `Unpack` has one output; the
 * tfjs engine then hands the gradient function `dys[0]` (a Tensor) instead of `dys` (an array),
 * and the stock `stack(dy, axis)` throws "Argument tensors passed to stack must be a `Tensor[]`".
 * The replacement computes the same gradient (`stack` of the per-output gradients) in both
 * cases. It is global to tfjs and idempotent; `@lstm-kit/layers` should own this fix.
 *
 * @returns nothing; safe to call more than once
 * @example
 * registerUnpackGradientFix();
 * const model = stacked({ layers: [{ units: 50, activation: 'relu' }, { units: 50, activation: 'relu' }], timesteps: 1, features: 1, outputs: 1 });
 * await fit(model, linearData(), { epochs: 10 }); // no longer throws
 */
export function registerUnpackGradientFix(): void {
  tf.registerGradient({
    kernelName: 'Unpack',
    gradFunc: (dy: tf.Tensor | tf.Tensor[], _saved: tf.Tensor[], attrs: tf.NamedAttrMap | undefined) => {
      const axis = (attrs as { axis: number }).axis;
      return { value: () => tf.stack(Array.isArray(dy) ? dy : [dy], axis) };
    },
  });
}
