import * as tf from '@tensorflow/tfjs';

/**
 * Work around tfjs-layers' stateful RNN memory growth: in training, every batch pushes the
 * previous states onto `keptStates` (they are inputs of that batch's backward pass) and only
 * a full `resetStates()` frees them, so a long stateful training without resets grows without
 * bound. By the time the next batch's forward pass starts, the previous backward pass is done,
 * so the kept states can go.
 */
export function fixStatefulCall<T>(
  // tfjs's RNN keeps `keptStates` out of its public typings.
  layer: any,
  kwargs: { training?: boolean } | undefined,
  fn: () => T,
): T {
  if (layer.stateful && kwargs?.training === true && Array.isArray(layer.keptStates) && layer.keptStates.length > 0) {
    tf.dispose(layer.keptStates);
    layer.keptStates = [];
  }
  return fn();
}
