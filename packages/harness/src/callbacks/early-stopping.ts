import * as tf from '@tensorflow/tfjs';
import { TrainingConfigError } from '../errors';
import type { Callback, Logs, TrainingContext } from './callback';
import { type MonitorMode, improves, monitored, resolveMode } from './monitor';

/** Options of {@link earlyStopping}; the defaults are Keras's `EarlyStopping`. */
export interface EarlyStoppingOptions {
  /** The figure to watch. Default `'val_loss'`. */
  monitor?: string;
  /** The smallest change that counts as an improvement. Default 0. */
  minDelta?: number;
  /** Epochs without improvement before training stops. Default 0 (stop at the first epoch that does not improve). */
  patience?: number;
  /** Direction of improvement; `'auto'` takes `max` for accuracies, `min` otherwise. Default `'auto'`. */
  mode?: MonitorMode;
  /** Stop unless the figure beats this value within `patience` epochs. Default none. */
  baseline?: number;
  /** Put back the weights of the best epoch when training ends (Keras 3 behaviour). Default false. */
  restoreBestWeights?: boolean;
  /** Epochs to wait before watching at all. Default 0. */
  startFromEpoch?: number;
  /** Print a line when stopping. Default false. */
  verbose?: boolean;
  /** Where that line goes. Default `console.log`. */
  log?: (line: string) => void;
}

/** The early-stopping callback, with what it saw, for reports and tests. */
export interface EarlyStopping extends Callback {
  /** The epoch training was stopped after, or -1 when it ran to the end. */
  readonly stoppedEpoch: number;
  /** The epoch with the best monitored value, or -1. */
  readonly bestEpoch: number;
  /** The best monitored value. */
  readonly best: number;
}

/**
 * Stop training when a monitored figure has stopped improving (Keras's `EarlyStopping`),
 * optionally restoring the weights of the best epoch. The course stops on `val_loss` with
 * patience and a minimum delta.
 *
 * @param options monitor, minDelta, patience, mode, baseline, restoreBestWeights
 * @returns a callback for `fit` or `fitOnline`, exposing `stoppedEpoch`, `bestEpoch`, `best`
 * @throws TrainingConfigError for a negative patience or minDelta, or (during training) a monitor the logs lack
 * @example
 * const stop = earlyStopping({ monitor: 'val_loss', patience: 10, minDelta: 1e-4, restoreBestWeights: true });
 * await fit(model, data, { epochs: 1000, validationSplit: 0.2, callbacks: [stop] });
 * console.log(stop.stoppedEpoch, stop.best);
 */
export function earlyStopping(options: EarlyStoppingOptions = {}): EarlyStopping {
  const monitor = options.monitor ?? 'val_loss';
  const minDelta = Math.abs(options.minDelta ?? 0);
  const patience = options.patience ?? 0;
  if (!(Number.isInteger(patience) && patience >= 0)) throw new TrainingConfigError(`expected patience to be a non-negative integer, got ${patience}`);
  const mode = resolveMode(monitor, options.mode ?? 'auto');
  const log = options.log ?? console.log;
  let wait = 0;
  let best = Infinity;
  let bestEpoch = -1;
  let stoppedEpoch = -1;
  let bestWeights: tf.Tensor[] | null = null;

  const dropBest = (): void => {
    if (bestWeights) tf.dispose(bestWeights);
    bestWeights = null;
  };

  return {
    get stoppedEpoch() {
      return stoppedEpoch;
    },
    get bestEpoch() {
      return bestEpoch;
    },
    get best() {
      return best;
    },
    onTrainBegin() {
      wait = 0;
      stoppedEpoch = -1;
      bestEpoch = -1;
      best = options.baseline ?? (mode === 'min' ? Infinity : -Infinity);
      dropBest();
    },
    onEpochEnd(epoch: number, logs: Logs, ctx: TrainingContext) {
      if (epoch < (options.startFromEpoch ?? 0)) return;
      const current = monitored(logs, monitor, 'earlyStopping');
      wait++;
      if (improves(current, best, minDelta, mode)) {
        best = current;
        bestEpoch = epoch;
        wait = 0;
        if (options.restoreBestWeights) {
          dropBest();
          bestWeights = ctx.model.getWeights().map((w) => tf.keep(w.clone()));
        }
        return;
      }
      // Keras's rule: stop once `patience` epochs in a row failed to improve (never on the first).
      if (wait >= patience && epoch > (options.startFromEpoch ?? 0)) {
        stoppedEpoch = epoch;
        ctx.stopTraining = true;
        if (options.verbose) log(`Epoch ${epoch + 1}: early stopping (best ${monitor} ${best.toFixed(4)} at epoch ${bestEpoch + 1})`);
      }
    },
    onTrainEnd(_logs: Logs, ctx: TrainingContext) {
      if (options.restoreBestWeights && bestWeights) {
        ctx.model.setWeights(bestWeights);
        if (options.verbose) log(`Restoring model weights from the end of the best epoch: ${bestEpoch + 1}`);
      }
      dropBest();
    },
  };
}
