import * as tf from '@tensorflow/tfjs';
import { TrainingConfigError } from '../errors';
import { resolveLoss, type Loss } from '../losses';
import type { Metric } from '../metrics';

/** What `compileModel` attached to a model: everything the training loops need. */
export interface CompiledModel {
  readonly loss: Loss;
  readonly optimizer: tf.Optimizer;
  readonly metrics: readonly Metric[];
  /** Keras legacy time-based decay per update (0 = none). */
  readonly decay: number;
  readonly initialLearningRate: number | undefined;
  /** Updates applied so far (drives the time-based decay, like Keras's `optimizer.iterations`). */
  iterations: number;
}

// A WeakMap keeps the training configuration off the tfjs model object and lets it be
// collected with the model.
const registry = new WeakMap<tf.LayersModel, CompiledModel>();

export function setCompiled(model: tf.LayersModel, compiled: CompiledModel): void {
  registry.set(model, compiled);
}

/**
 * The harness configuration of a model; a model compiled with plain tfjs `model.compile`
 * and a named loss is adopted (without metrics).
 */
export function getCompiled(model: tf.LayersModel): CompiledModel {
  const found = registry.get(model);
  if (found) return found;
  const m = model as unknown as { optimizer?: tf.Optimizer; loss?: unknown };
  if (m.optimizer && (typeof m.loss === 'string' || typeof m.loss === 'function')) {
    const adopted: CompiledModel = {
      loss: resolveLoss(m.loss as string),
      optimizer: m.optimizer,
      metrics: [],
      decay: 0,
      initialLearningRate: undefined,
      iterations: 0,
    };
    registry.set(model, adopted);
    return adopted;
  }
  throw new TrainingConfigError(
    `model '${model.name}' is not compiled; call compileModel(model, { loss: 'mse', optimizer: 'adam' }) before training or evaluating`,
  );
}
