import type * as tf from '@tensorflow/tfjs';
import { ACTIVATIONS, type Activation } from '@lstm-kit/kernels';
import type { RecurrentSequenceCall } from './recurrent-path';
import { readFloats } from './fused-op';

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

/** The differentiable inputs of a fused recurrent op, named as the kernels' gradients are. */
export function fusedInputs(call: RecurrentSequenceCall, stateNames: readonly string[]): Record<string, tf.Tensor> {
  const inputs: Record<string, tf.Tensor> = { x: call.inputs, kernel: call.kernel, recurrentKernel: call.recurrentKernel };
  if (call.bias) inputs.bias = call.bias;
  if (call.initialState) stateNames.forEach((name, i) => (inputs[name] = call.initialState![i]));
  return inputs;
}

/** The arguments every kernel forward takes, read from the call's tensors (read them before creating any tensor). */
export function kernelArgs(call: RecurrentSequenceCall, keepTape: boolean) {
  const [batch, timesteps] = call.inputs.shape;
  return {
    x: readFloats(call.inputs),
    batch,
    timesteps,
    units: call.units,
    kernel: readFloats(call.kernel),
    recurrentKernel: readFloats(call.recurrentKernel),
    bias: call.bias ? readFloats(call.bias) : undefined,
    h0: call.initialState ? readFloats(call.initialState[0]) : undefined,
    mask: call.mask ? readFloats(call.mask) : undefined,
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
