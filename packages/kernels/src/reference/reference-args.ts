import type { Activation } from '../activation.js';

/**
 * Arguments of the float64 reference kernels: the same names as the fast kernels' arguments,
 * but any array of numbers (Float64Array for finite differences).
 */
export interface ReferenceArgs {
  x: ArrayLike<number>;
  batch: number;
  timesteps: number;
  units: number;
  kernel: ArrayLike<number>;
  recurrentKernel: ArrayLike<number>;
  bias?: ArrayLike<number>;
  activation?: Activation;
  recurrentActivation?: Activation;
  returnSequences?: boolean;
  goBackwards?: boolean;
  h0?: ArrayLike<number>;
  c0?: ArrayLike<number>;
  mask?: ArrayLike<number>;
}

/** Forward result of a reference kernel (c only for LSTM). */
export interface ReferenceForward {
  output: Float64Array;
  h: Float64Array;
  c?: Float64Array;
}

/** Gradients from a reference kernel, named as the fast kernels name them. */
export interface ReferenceGradients {
  dx: Float64Array;
  dKernel: Float64Array;
  dRecurrentKernel: Float64Array;
  dBias: Float64Array;
  dh0: Float64Array;
  dc0?: Float64Array;
}
