import type * as tf from '@tensorflow/tfjs';
import type { History, TrainingParams } from '../history';

/** Figures of an epoch (or report window): `loss`, metric names, and `val_` forms. */
export type Logs = Record<string, number>;

/**
 * What callbacks see and can change while a model trains: the model, its optimizer, the
 * run's parameters and history, and a flag to stop (Keras's `model.stop_training`).
 */
export interface TrainingContext {
  readonly model: tf.LayersModel;
  readonly optimizer: tf.Optimizer;
  readonly params: TrainingParams;
  readonly history: History;
  /** Set to true to stop after the current epoch. */
  stopTraining: boolean;
}

/**
 * A training callback: any of Keras's hooks, each optional, each may return a promise.
 * Epochs are 0-based as in Keras. Batch hooks get no loss, so no device read is forced per
 * batch; the epoch logs carry the figures. In online training an "epoch" is one report
 * window of `logEvery` updates.
 *
 * @example
 * const stopAtTarget: Callback = {
 *   onEpochEnd(epoch, logs, ctx) { if (logs.acc >= 0.99) ctx.stopTraining = true; },
 * };
 */
export interface Callback {
  onTrainBegin?(ctx: TrainingContext): void | Promise<void>;
  onEpochBegin?(epoch: number, ctx: TrainingContext): void | Promise<void>;
  onBatchEnd?(batch: number, ctx: TrainingContext): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: Logs, ctx: TrainingContext): void | Promise<void>;
  onTrainEnd?(logs: Logs, ctx: TrainingContext): void | Promise<void>;
}
