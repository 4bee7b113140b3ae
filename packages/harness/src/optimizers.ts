import * as tf from '@tensorflow/tfjs';
import { isCpuClassBackend } from '@lstm-kit/backend';
import { TrainingConfigError } from './errors';
import { FusedAdagrad } from './fused-optimizers/fused-adagrad';
import { FusedAdam } from './fused-optimizers/fused-adam';
import { FusedMomentum } from './fused-optimizers/fused-momentum';
import { FusedRmsprop } from './fused-optimizers/fused-rmsprop';
import { FusedSgd } from './fused-optimizers/fused-sgd';

/** Optimizer names accepted by {@link resolveOptimizer} (Keras spellings, any case). */
export type OptimizerName = 'sgd' | 'adam' | 'rmsprop' | 'adagrad';

/**
 * An optimizer described by name and options, with the Keras defaults for whatever is left
 * out: SGD lr 0.01 (momentum 0), Adam lr 0.001 / beta1 0.9 / beta2 0.999, RMSprop lr 0.001 /
 * rho 0.9, Adagrad lr 0.01 / initial accumulator 0.1; epsilon 1e-7 throughout.
 */
export interface OptimizerConfig {
  name: OptimizerName | string;
  /** Step size. */
  learningRate?: number;
  /** SGD and RMSprop: momentum (SGD with momentum > 0 is Keras `SGD(momentum=...)`). */
  momentum?: number;
  /** SGD: Nesterov momentum. Default false. */
  nesterov?: boolean;
  /** Adam: exponential decay of the first moment. */
  beta1?: number;
  /** Adam: exponential decay of the second moment. */
  beta2?: number;
  /** RMSprop: decay of the moving average of squared gradients (Keras `rho`). */
  rho?: number;
  /** Adam, RMSprop: fuzz factor. */
  epsilon?: number;
  /** Adagrad: starting value of the accumulators. */
  initialAccumulatorValue?: number;
  /**
   * Keras's legacy time-based decay: the learning rate at update `t` is
   * `learningRate / (1 + decay * t)`. Applied by the training loops. Default 0.
   */
  decay?: number;
}

/** What `compileModel` accepts as an optimizer: a name, a config, or a tfjs optimizer object. */
export type OptimizerSpec = OptimizerName | OptimizerConfig | tf.Optimizer | string;

const EPSILON = 1e-7;

/**
 * Which implementation {@link resolveOptimizer} builds for a name or config: `'auto'` the
 * fused one (in-place updates in one pass over the weights) on CPU-class backends (wasm, cpu)
 * and tfjs's elsewhere, `'fused'` always the fused one, `'tfjs'` always tfjs's. Both give the
 * same numbers and save the same state.
 */
export type OptimizerImplementation = 'auto' | 'fused' | 'tfjs';

/** Options of {@link resolveOptimizer}. */
export interface ResolveOptimizerOptions {
  /** Fused or tfjs optimizer for names and configs. Default `'auto'`. */
  implementation?: OptimizerImplementation;
}

/**
 * Build an optimizer from a name or config (Keras defaults), or pass one through. On wasm
 * and cpu it is a fused optimizer (same arithmetic, state and class name as tfjs's, without
 * tfjs's per-variable ops); on other backends tfjs's own.
 *
 * @param spec `'adam'`, `{ name: 'sgd', learningRate: 0.1, momentum: 0.9 }`, or a `tf.Optimizer`
 * @param options `implementation`: `'auto'` (default), `'fused'` or `'tfjs'`
 * @returns the optimizer (a new one for names and configs; the caller's own otherwise)
 * @throws TrainingConfigError for an unknown name or implementation, or a learning rate that is not positive
 * @example
 * const opt = resolveOptimizer({ name: 'sgd', learningRate: 0.1, momentum: 0.9 });
 * const stock = resolveOptimizer('adam', { implementation: 'tfjs' }); // tf.train.adam(0.001, 0.9, 0.999, 1e-7)
 */
export function resolveOptimizer(spec: OptimizerSpec, options: ResolveOptimizerOptions = {}): tf.Optimizer {
  if (spec instanceof tf.Optimizer) return spec;
  const implementation = options.implementation ?? 'auto';
  if (!['auto', 'fused', 'tfjs'].includes(implementation)) {
    throw new TrainingConfigError(`expected optimizer implementation 'auto', 'fused' or 'tfjs', got '${implementation}'`);
  }
  const fused = implementation === 'fused' || (implementation === 'auto' && isCpuClassBackend());
  const cfg: OptimizerConfig = typeof spec === 'string' ? { name: spec } : spec;
  const name = String(cfg.name).toLowerCase();
  const lr = cfg.learningRate;
  if (lr !== undefined && !(lr > 0 && Number.isFinite(lr))) {
    throw new TrainingConfigError(`expected a positive learningRate for optimizer '${cfg.name}', got ${lr}`);
  }
  switch (name) {
    case 'sgd': {
      const momentum = cfg.momentum ?? 0;
      // tfjs splits Keras's SGD into sgd and momentum; momentum 0 stays plain SGD so no
      // accumulators are allocated.
      if (momentum > 0 || cfg.nesterov) {
        return fused ? new FusedMomentum(lr ?? 0.01, momentum, cfg.nesterov ?? false) : tf.train.momentum(lr ?? 0.01, momentum, cfg.nesterov ?? false);
      }
      return fused ? new FusedSgd(lr ?? 0.01) : tf.train.sgd(lr ?? 0.01);
    }
    case 'adam': {
      const args = [lr ?? 0.001, cfg.beta1 ?? 0.9, cfg.beta2 ?? 0.999, cfg.epsilon ?? EPSILON] as const;
      return fused ? new FusedAdam(...args) : tf.train.adam(...args);
    }
    case 'rmsprop': {
      const args = [lr ?? 0.001, cfg.rho ?? 0.9, cfg.momentum ?? 0, cfg.epsilon ?? EPSILON] as const;
      return fused ? new FusedRmsprop(...args) : tf.train.rmsprop(...args);
    }
    case 'adagrad':
      return fused ? new FusedAdagrad(lr ?? 0.01, cfg.initialAccumulatorValue ?? 0.1) : tf.train.adagrad(lr ?? 0.01, cfg.initialAccumulatorValue ?? 0.1);
    default:
      throw new TrainingConfigError(
        `unknown optimizer '${cfg.name}'; expected 'sgd', 'adam', 'rmsprop' or 'adagrad' (any case), a config { name, learningRate, ... }, or a tf.Optimizer`,
      );
  }
}

/**
 * The optimizer's current learning rate.
 *
 * @throws TrainingConfigError when the optimizer has no numeric `learningRate` (a custom one)
 * @example
 * getLearningRate(tf.train.adam(0.01)); // 0.01
 */
export function getLearningRate(optimizer: tf.Optimizer): number {
  const lr = (optimizer as unknown as { learningRate?: unknown }).learningRate;
  if (typeof lr !== 'number') {
    throw new TrainingConfigError(
      `optimizer ${optimizer.getClassName()} has no numeric learningRate; learning-rate schedules need sgd, momentum, adam, rmsprop or adagrad`,
    );
  }
  return lr;
}

/**
 * Change an optimizer's learning rate in place (used by schedules and decay). tfjs reads
 * `learningRate` at each update for Adam, RMSprop and Adagrad; SGD and momentum cache it in a
 * tensor, which `setLearningRate` rebuilds.
 *
 * @param optimizer a tfjs optimizer
 * @param learningRate the new rate, positive
 * @throws TrainingConfigError for a rate that is not positive or an optimizer without a learning rate
 * @example
 * setLearningRate(opt, getLearningRate(opt) * 0.5);
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  if (!(learningRate > 0 && Number.isFinite(learningRate))) {
    throw new TrainingConfigError(`expected a positive learning rate, got ${learningRate}`);
  }
  getLearningRate(optimizer);
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(learningRate);
  else o.learningRate = learningRate;
}
