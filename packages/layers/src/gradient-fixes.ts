import * as tf from '@tensorflow/tfjs';

let registered = false;

/**
 * Fix gradients of tfjs-core 4.22 that break training of Keras models, globally and once;
 * called when `@lstm-kit/layers` is imported.
 *
 * `Unpack`: tfjs-layers' RNN loop unstacks its input along time. With one time step (the
 * labs' `[samples, 1, features]` data) `Unpack` has one output, the engine hands its gradient
 * function a single tensor instead of an array, and the stock gradient's `stack(dy)` throws
 * "Argument tensors passed to stack must be a `Tensor[]`": a stacked LSTM on one-step input
 * could not train on the tfjs path (GPU backends, recurrent dropout). The replacement
 * computes the same gradient for both forms.
 *
 * @returns true when this call registered the fixes, false when they were already in place
 * @example
 * import { registerGradientFixes } from '@lstm-kit/layers';
 * registerGradientFixes(); // false — already done on import
 */
export function registerGradientFixes(): boolean {
  if (registered) return false;
  tf.registerGradient({
    kernelName: 'Unpack',
    gradFunc: (dy: tf.Tensor | tf.Tensor[], _saved: tf.Tensor[], attrs: tf.NamedAttrMap | undefined) => {
      const axis = (attrs as { axis: number }).axis;
      return { value: () => tf.stack(Array.isArray(dy) ? dy : [dy], axis) };
    },
  });
  registered = true;
  return true;
}

registerGradientFixes();
