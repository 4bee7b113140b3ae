import type { Activation } from './activation.js';
import type { KernelBackendName } from './kernel-backend.js';

/**
 * Inputs of a recurrent kernel's forward pass. Arrays are row-major Float32Arrays in the
 * Keras weight layout; `k` is 4 for LSTM (gates i, f, c, o), 3 for GRU (z, r, h) and 1 for
 * SimpleRNN.
 */
export interface RecurrentArgs {
  /** Input `[batch, timesteps, inputSize]`. */
  x: Float32Array;
  /** Number of sequences in `x`. */
  batch: number;
  /** Steps per sequence in `x`. */
  timesteps: number;
  /** Width of the hidden state. `inputSize` is inferred from `kernel`. */
  units: number;
  /** Input weights `[inputSize, k·units]`. */
  kernel: Float32Array;
  /** Recurrent weights `[units, k·units]`. */
  recurrentKernel: Float32Array;
  /** Bias `[k·units]` (GRU: `[2, 3·units]`, input row then recurrent row). Zeros when omitted. */
  bias?: Float32Array;
  /** Output activation (Keras `activation`); default `'tanh'`. */
  activation?: Activation;
  /** Return the output of every step `[batch, timesteps, units]` instead of the last `[batch, units]`; default false. */
  returnSequences?: boolean;
  /** Process the sequence from its last step to its first; outputs are in processing order, as in Keras. Default false. */
  goBackwards?: boolean;
  /** Initial hidden state `[batch, units]`; zeros when omitted. */
  h0?: Float32Array;
  /**
   * Mask `[batch, timesteps]`, 1 to process a step and 0 to skip it: a skipped step carries the
   * state over and its output repeats the carried state (tfjs-layers semantics; equals Keras'
   * "previous output" except for a leading masked step with a non-zero initial state).
   */
  mask?: Float32Array;
  /** Keep what the backward pass needs; false for inference (the result's `tape` is null). Default true. */
  keepTape?: boolean;
  /** Force a backend for this call; default `kernelBackend()`. */
  backend?: KernelBackendName;
}

/** Forward inputs of the gated kernels, which also take a recurrent activation. */
export interface GatedRecurrentArgs extends RecurrentArgs {
  /** Gate activation (Keras `recurrent_activation`); default `'sigmoid'`. */
  recurrentActivation?: Activation;
}

/** Inputs of `lstmForward`: the gated arguments plus the initial cell state. */
export interface LstmArgs extends GatedRecurrentArgs {
  /** Initial cell state `[batch, units]`; zeros when omitted. */
  c0?: Float32Array;
}

/**
 * Which gradients a backward kernel computes besides the weights' (always computed). Skipping
 * one saves its matrix products: `dx` is a `[T·batch, inputSize]·[inputSize, k·units]` product,
 * and the initial state's gradient is the recurrent product of the first step.
 */
export interface BackwardOptions {
  /** Compute `dx`; false when the input is data no gradient flows to. Default true. */
  inputGradient?: boolean;
  /** Compute `dh0` (and the LSTM's `dc0`); false when the initial state is constant. Default true. */
  initialStateGradients?: boolean;
}

/** Weight and input gradients returned by every backward kernel. */
export interface RecurrentGradients {
  /** Gradient of the input `[batch, timesteps, inputSize]`, in the input's own time order; null with `inputGradient: false`. */
  dx: Float32Array | null;
  /** Gradient of `kernel`. */
  dKernel: Float32Array;
  /** Gradient of `recurrentKernel`. */
  dRecurrentKernel: Float32Array;
  /** Gradient of `bias` (returned even when no bias was given). */
  dBias: Float32Array;
  /** Gradient of the initial hidden state `[batch, units]`; null with `initialStateGradients: false`. */
  dh0: Float32Array | null;
}

/**
 * What every recurrent tape holds (`LstmTape`, `GruTape` and `SimpleRnnTape` add their own
 * arrays). Treat it as opaque: float32 copies of the inputs, the weights and every step's
 * gate values and states, kept for the backward pass.
 */
export interface RecurrentTape {
  readonly backend: KernelBackendName;
  readonly batch: number;
  readonly timesteps: number;
  readonly inputSize: number;
  readonly units: number;
  readonly act: number;
  readonly returnSequences: boolean;
  readonly goBackwards: boolean;
  readonly kernel: Float32Array;
  readonly recurrentKernel: Float32Array;
  /** Input, time-major in processing order `[T, batch, inputSize]`. */
  readonly xT: Float32Array;
  /** The cell's gate values per step `[T, batch, k·units]`. */
  readonly gates: Float32Array;
  /** Hidden states `[T + 1, batch, units]`, the initial one first. */
  readonly hs: Float32Array;
  /** Mask, time-major in processing order `[T, batch]`, or null. */
  readonly mask: Float32Array | null;
  /** No initial hidden state was given (zeros). */
  readonly h0Zero: boolean;
}
