import type { ActivationName, BaseLayerOptions, ConstraintLike, InitializerLike, RegularizerLike } from './layer-options';

/** Which computation runs a recurrent layer over a sequence. */
export type RecurrentImplementation = 'auto' | 'kernels' | 'tfjs';

/**
 * Options shared by LSTM, GRU and SimpleRNN, named as in tfjs (Keras's names in camelCase);
 * defaults are Keras's (see `KERAS_DEFAULTS`).
 */
export interface RecurrentOptions extends BaseLayerOptions {
  /** Positive integer, dimensionality of the output space (number of memory cells). */
  units: number;
  /** Activation of the candidate/output. Keras default `'tanh'`. Use `'linear'` for none. */
  activation?: ActivationName;
  /** Whether the layer uses a bias vector. Default true. */
  useBias?: boolean;
  /** Initializer of the input kernel. Keras default `'glorotUniform'` (tfjs uses glorotNormal). */
  kernelInitializer?: InitializerLike;
  /** Initializer of the recurrent kernel. Keras default `'orthogonal'`. */
  recurrentInitializer?: InitializerLike;
  /** Initializer of the bias. Keras default `'zeros'`. */
  biasInitializer?: InitializerLike;
  /** Regularizer on the input kernel (L1, L2, L1L2). Default none. */
  kernelRegularizer?: RegularizerLike;
  /** Regularizer on the recurrent kernel. Default none. */
  recurrentRegularizer?: RegularizerLike;
  /** Regularizer on the bias. Default none. */
  biasRegularizer?: RegularizerLike;
  /** Regularizer on the layer output. Default none. */
  activityRegularizer?: RegularizerLike;
  /** Constraint on the input kernel. Default none. */
  kernelConstraint?: ConstraintLike;
  /** Constraint on the recurrent kernel. Default none. */
  recurrentConstraint?: ConstraintLike;
  /** Constraint on the bias. Default none. */
  biasConstraint?: ConstraintLike;
  /** Fraction (0–1) of the inputs dropped during training. Default 0. */
  dropout?: number;
  /** Fraction (0–1) of the recurrent state dropped during training. Default 0. */
  recurrentDropout?: number;
  /** Return the whole output sequence `[batch, timesteps, units]` instead of the last output. Default false. */
  returnSequences?: boolean;
  /** Also return the final state(s) after the output. Default false. */
  returnState?: boolean;
  /** Process the input sequence backwards (and return the reversed sequence). Default false. */
  goBackwards?: boolean;
  /**
   * Keep the last state of each sample as the initial state of the same sample in the next
   * batch; cleared only by `resetStates()`. Needs a fixed batch size (`batchInputShape`). Default false.
   */
  stateful?: boolean;
  /** Accepted for Keras compatibility; tfjs always runs the loop imperatively. Default false. */
  unroll?: boolean;
  /**
   * Which computation runs the sequence: `'tfjs'` (tfjs ops per step), `'kernels'` (fused
   * kernels from `@lstm-kit/kernels`, on CPU-class backends) or `'auto'` (kernels when available
   * on a CPU-class backend, else tfjs). Not saved with the model: weights and config are the
   * same either way. Default `'auto'`.
   */
  implementation?: RecurrentImplementation;
}
