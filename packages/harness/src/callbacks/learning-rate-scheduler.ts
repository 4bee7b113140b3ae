import { getLearningRate, setLearningRate } from '../optimizers';
import type { Callback, Logs, TrainingContext } from './callback';

/** A schedule: the learning rate for a (0-based) epoch, given the current one. */
export type LearningRateSchedule = (epoch: number, learningRate: number) => number;

/** Options of {@link learningRateScheduler}. */
export interface LearningRateSchedulerOptions {
  /** Print the rate when it changes. Default false. */
  verbose?: boolean;
  /** Where that line goes. Default `console.log`. */
  log?: (line: string) => void;
}

/**
 * Set the optimizer's learning rate at the start of every epoch from a schedule (Keras's
 * `LearningRateScheduler`), and record it in the logs as `lr`.
 *
 * @param schedule `(epoch, lr) => newLr`, e.g. from {@link stepDecay} or {@link exponentialDecay}
 * @param options verbosity
 * @returns a callback for `fit` or `fitOnline`
 * @throws TrainingConfigError (during training) when the schedule gives a rate that is not positive
 * @example
 * await fit(model, data, { epochs: 30, callbacks: [learningRateScheduler(stepDecay({ initial: 0.1, drop: 0.5, every: 10 }))] });
 */
export function learningRateScheduler(schedule: LearningRateSchedule, options: LearningRateSchedulerOptions = {}): Callback {
  const log = options.log ?? console.log;
  return {
    onEpochBegin(epoch: number, ctx: TrainingContext) {
      const current = getLearningRate(ctx.optimizer);
      const next = schedule(epoch, current);
      if (next !== current) {
        setLearningRate(ctx.optimizer, next);
        if (options.verbose) log(`Epoch ${epoch + 1}: learning rate set to ${next}`);
      }
    },
    onEpochEnd(_epoch: number, logs: Logs, ctx: TrainingContext) {
      logs.lr = getLearningRate(ctx.optimizer);
    },
  };
}

/**
 * Step decay: multiply the rate by `drop` every `every` epochs.
 *
 * @example
 * stepDecay({ initial: 0.1, drop: 0.5, every: 10 })(25, 0); // 0.025
 */
export function stepDecay(options: { initial: number; drop: number; every: number }): LearningRateSchedule {
  return (epoch) => options.initial * options.drop ** Math.floor(epoch / options.every);
}

/**
 * Exponential decay: `initial * rate ** (epoch / steps)`.
 *
 * @example
 * exponentialDecay({ initial: 0.01, rate: 0.9 })(2, 0); // 0.0081
 */
export function exponentialDecay(options: { initial: number; rate: number; steps?: number }): LearningRateSchedule {
  return (epoch) => options.initial * options.rate ** (epoch / (options.steps ?? 1));
}

/**
 * Time-based decay per epoch: `initial / (1 + decay * epoch)` (for per-update decay, give the
 * optimizer `{ decay }` instead, as Keras's legacy optimizers did).
 *
 * @example
 * timeBasedDecay({ initial: 0.1, decay: 1 })(1, 0); // 0.05
 */
export function timeBasedDecay(options: { initial: number; decay: number }): LearningRateSchedule {
  return (epoch) => options.initial / (1 + options.decay * epoch);
}
