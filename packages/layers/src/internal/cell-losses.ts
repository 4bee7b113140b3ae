import type * as tf from '@tensorflow/tfjs';

/** A regularization penalty as tfjs-layers stores it: evaluated on demand during training. */
export type PenaltyFn = () => tf.Scalar;

/**
 * The penalties of a recurrent layer and of its cell together. tfjs-layers creates the kernel,
 * recurrent kernel and bias on the cell, so their regularizers are registered there, while a
 * model sums only its layers' own `losses`: stock recurrent layers silently train without their
 * L1 / L2 penalties. Keras adds them to the loss.
 */
export function withCellLosses(own: readonly PenaltyFn[], cell: { losses?: readonly PenaltyFn[] } | undefined): PenaltyFn[] {
  return [...own, ...(cell?.losses ?? [])];
}
