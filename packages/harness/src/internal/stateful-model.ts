import type * as tf from '@tensorflow/tfjs';
import { ShapeError } from '@lstm-kit/sequence';
import { TrainingConfigError } from '../errors';

/** The fixed batch size of a stateful model (its batchInputShape[0]), or null for a stateless one. */
export function statefulBatchSize(model: tf.LayersModel): number | null {
  if (!model.stateful) return null;
  const b = model.inputs[0].shape[0];
  if (b == null) {
    throw new TrainingConfigError(
      `model '${model.name}' is stateful but its input has no fixed batch size; give the first layer batchInputShape: [batchSize, timesteps, features]`,
    );
  }
  return b;
}

/**
 * Resolve the batch size for a stateful model: it must equal the model's fixed batch size,
 * and the samples must fill whole batches (a short last batch would not match the states).
 */
export function checkStatefulBatches(model: tf.LayersModel, samples: number, batchSize: number | undefined, what: string): number {
  const fixed = statefulBatchSize(model);
  if (fixed === null) throw new TrainingConfigError('internal: checkStatefulBatches on a stateless model');
  if (batchSize !== undefined && batchSize !== fixed) {
    throw new TrainingConfigError(
      `batchSize ${batchSize} differs from the stateful model's fixed batch size ${fixed} (its batchInputShape[0]); a stateful model trains, evaluates and predicts with its training batch size, so pass batchSize: ${fixed}`,
    );
  }
  if (samples % fixed !== 0) {
    throw new ShapeError(
      `${what} has ${samples} samples, not a multiple of the stateful batch size ${fixed}: dimension 0 must fill whole batches; drop or pad ${samples % fixed} samples`,
    );
  }
  return fixed;
}

interface KeptStatesLayer {
  stateful?: boolean;
  keptStates?: tf.Tensor[][];
}

/**
 * Free the previous states tfjs's stateful RNN layers keep after each training call
 * (`keptStates`, kept for back-propagation and otherwise released only by resetStates()).
 * Once an update is applied they are not needed; without this, manual or per-epoch reset
 * policies would hold one state set per batch until the next reset.
 */
export function releaseKeptStates(model: tf.LayersModel): void {
  for (const layer of model.layers as unknown as KeptStatesLayer[]) {
    if (layer.stateful && layer.keptStates && layer.keptStates.length) {
      for (const states of layer.keptStates) for (const t of states) if (!t.isDisposed) t.dispose();
      layer.keptStates = [];
    }
  }
}
