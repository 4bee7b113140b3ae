import type * as tf from '@tensorflow/tfjs';
import { ACTIVATIONS, type Activation, type BackwardOptions, type RecurrentGradients } from '@lstm-kit/kernels';
import type { RecurrentSequenceCall } from './recurrent-path';
import { readFloat32 } from '@lstm-kit/backend';

/** The kernel's name for a tfjs activation, or null when the kernels do not implement it. */
export function kernelActivation(name: string | null): Activation | null {
  return name != null && (ACTIVATIONS as readonly string[]).includes(name) ? (name as Activation) : null;
}

/**
 * Whether the fused kernels can compute this call. They have no dropout masks, so a training
 * call with `dropout` or `recurrentDropout` runs on tfjs ops, which draw them; at inference
 * dropout does nothing and the kernels run. Activations the kernels lack (elu, selu, …) and a
 * mask of an unexpected shape also go to tfjs.
 */
export function kernelsCanRun(call: RecurrentSequenceCall): boolean {
  if (call.training && (call.dropout > 0 || call.recurrentDropout > 0)) return false;
  if (kernelActivation(call.activation) == null) return false;
  if (call.recurrentActivation != null && kernelActivation(call.recurrentActivation) == null) return false;
  const [batch, timesteps] = call.inputs.shape;
  if (call.mask != null && call.mask.size !== batch * timesteps) return false;
  return true;
}

/**
 * The differentiable inputs of a fused recurrent op, named as the kernels' gradients are: the
 * input and the initial states first (often data or constants, whose gradients are then
 * skipped; see `runFusedOp`), the weights after.
 */
export function fusedInputs(call: RecurrentSequenceCall, stateNames: readonly string[]): Record<string, tf.Tensor> {
  const inputs: Record<string, tf.Tensor> = { x: call.inputs };
  if (call.initialState) stateNames.forEach((name, i) => (inputs[name] = call.initialState![i]));
  inputs.kernel = call.kernel;
  inputs.recurrentKernel = call.recurrentKernel;
  if (call.bias) inputs.bias = call.bias;
  return inputs;
}

/** The kernels' backward options for the inputs whose gradients are wanted. */
export function backwardOptions(wanted: ReadonlySet<string>): BackwardOptions {
  return { inputGradient: wanted.has('x'), initialStateGradients: wanted.has('h0') || wanted.has('c0') };
}

/** A kernel's gradients by the fused op's input names (`dc0` for the LSTM's `c0`). */
export function gradientsByInput(g: RecurrentGradients & { dc0?: Float32Array | null }): Record<string, Float32Array | null> {
  return { x: g.dx, kernel: g.dKernel, recurrentKernel: g.dRecurrentKernel, bias: g.dBias, h0: g.dh0, c0: g.dc0 ?? null };
}

/** The arguments every kernel forward takes, read from the call's tensors (read them before creating any tensor). */
export function kernelArgs(call: RecurrentSequenceCall, keepTape: boolean) {
  const [batch, timesteps] = call.inputs.shape;
  return {
    x: readFloat32(call.inputs),
    batch,
    timesteps,
    units: call.units,
    kernel: readFloat32(call.kernel),
    recurrentKernel: readFloat32(call.recurrentKernel),
    bias: call.bias ? readFloat32(call.bias) : undefined,
    h0: call.initialState ? readFloat32(call.initialState[0]) : undefined,
    mask: call.mask ? readFloat32(call.mask) : undefined,
    activation: kernelActivation(call.activation)!,
    returnSequences: call.returnSequences,
    goBackwards: call.goBackwards,
    keepTape,
  };
}

/** Shape of the layer output: every step with `returnSequences`, else the last. */
export function outputShape(call: RecurrentSequenceCall): number[] {
  const [batch, timesteps] = call.inputs.shape;
  return call.returnSequences ? [batch, timesteps, call.units] : [batch, call.units];
}
