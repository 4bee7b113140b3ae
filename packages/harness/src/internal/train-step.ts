import * as tf from '@tensorflow/tfjs';
import { setLearningRate } from '../optimizers';
import { batchSums, withRegularization } from './batch-sums';
import type { CompiledModel } from './compiled';

/** One optimizer update on a batch, returning the batch sums (owned by the caller). */
export type TrainStep = (x: tf.Tensor, y: tf.Tensor) => tf.Tensor1D;

/**
 * Build the hand-written train step the loops share: `optimizer.minimize` over the loss of
 * `model.apply(x, { training: true })`, inside one `tidy`. This is what tfjs `model.fit`
 * does per batch, without its per-call set-up (data standardisation, callbacks, history,
 * a fresh train function per call) that dominates single-sample online updates.
 */
export function makeTrainStep(model: tf.LayersModel, compiled: CompiledModel): TrainStep {
  // The variable list is fixed per loop: reading it once avoids re-walking the layers per update.
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { optimizer, loss } = compiled;
  const wantsPred = compiled.metrics.length > 0;
  return (x, y) =>
    tf.tidy(() => {
      if (compiled.decay > 0 && compiled.initialLearningRate !== undefined) {
        // Keras's legacy `decay`: lr_t = lr_0 / (1 + decay * t), t counted over all updates.
        setLearningRate(optimizer, compiled.initialLearningRate / (1 + compiled.decay * compiled.iterations));
      }
      let yPred: tf.Tensor | null = null;
      const cost = optimizer.minimize(
        () => {
          const out = model.apply(x, { training: true }) as tf.Tensor;
          // Metrics are computed on the same forward pass, like Keras; keep the prediction
          // out of the gradient scope's clean-up, and dispose it below.
          if (wantsPred) yPred = tf.keep(out);
          return withRegularization(model, loss.fn(y, out));
        },
        true,
        variables,
      ) as tf.Scalar;
      compiled.iterations++;
      const sums = batchSums(compiled, y, yPred ?? y, cost);
      if (yPred) (yPred as tf.Tensor).dispose();
      return sums;
    });
}
