import * as tf from '@tensorflow/tfjs';
import { LOSS_NAMES, resolveLoss } from '../losses';
import { setLearningRate } from '../optimizers';
import { fusedLossFor } from './fused-losses';
import { type Totals, withRegularization } from './batch-sums';
import type { CompiledModel } from './compiled';
import type { Rng } from '@lstm-kit/sequence';
import { seededDropout } from './seeded-dropout';

/** One optimizer update on a batch of `n` samples, adding the batch's loss and metrics to `totals`. */
export type TrainStep = (x: tf.Tensor, y: tf.Tensor, totals: Totals, n: number) => void;

/**
 * Build the lean train step the loops share: gradients of the loss of
 * `model.apply(x, { training: true })` in one `tf.variableGrads` pass, then one
 * `applyGradients`. This is what tfjs `model.fit` does per batch, without its per-call set-up
 * (data standardisation, callbacks, history, a fresh train function per call) that dominates
 * single-sample online updates.
 */
export function makeTrainStep(model: tf.LayersModel, compiled: CompiledModel, rng?: Rng): TrainStep {
  const dropout = rng ? seededDropout(model, rng) : null;
  // The variable list is fixed per loop: reading it once avoids re-walking the layers per update.
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { optimizer, loss } = compiled;
  const wantsPred = compiled.metrics.length > 0;
  // Only the harness's own losses have a fused version (a custom function may share a name).
  const builtIn = LOSS_NAMES.includes(loss.name) && resolveLoss(loss.name).fn === loss.fn;
  return (x, y, totals, n) => {
    if (compiled.decay > 0 && compiled.initialLearningRate !== undefined) {
      // Keras's legacy `decay`: lr_t = lr_0 / (1 + decay * t), t counted over all updates.
      setLearningRate(optimizer, compiled.initialLearningRate / (1 + compiled.decay * compiled.iterations));
    }
    let yPred: tf.Tensor | null = null;
    dropout?.before();
    let value: tf.Scalar;
    let grads: tf.NamedTensorMap;
    try {
      // The forward pass's tensors (some share storage with the weights, e.g. reshaped
      // kernels) are gone when the tidy ends, before the update: a fused optimizer then writes
      // the weights in place instead of first copying storage that is still shared.
      ({ value, grads } = tf.tidy(() =>
        optimizer.computeGradients(() => {
          const out = model.apply(x, { training: true }) as tf.Tensor;
          // Metrics are computed on the same forward pass, like Keras; keep the prediction
          // out of the gradient scope's clean-up, and dispose it below.
          if (wantsPred) yPred = tf.keep(out);
          const lossFn = (builtIn ? fusedLossFor(loss.name, y, out) : null) ?? loss.fn;
          return withRegularization(model, lossFn(y, out));
        }, variables),
      ));
    } finally {
      dropout?.after();
    }
    try {
      optimizer.applyGradients(variables.map((v) => ({ name: v.name, tensor: grads[v.name] })));
    } finally {
      tf.dispose(grads);
    }
    compiled.iterations++;
    totals.addBatch(value, y, yPred, n);
    if (yPred) (yPred as tf.Tensor).dispose();
  };
}
