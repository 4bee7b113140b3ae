import type * as tf from '@tensorflow/tfjs';
import { DENSE_ACTIVATIONS, type DenseActivation, denseBackward, denseForward, releaseTape } from '@lstm-kit/kernels';
import { readFloat32 } from '@lstm-kit/backend';
import { runFusedOp } from './fused-op';

/** The kernels' name for a Dense activation's class name, or null when they lack it. */
export function denseKernelActivation(className: string | undefined): DenseActivation | null {
  return className != null && (DENSE_ACTIVATIONS as readonly string[]).includes(className) ? (className as DenseActivation) : null;
}

/**
 * `activation(x·kernel + bias)` over the last axis of x as one differentiable op on
 * `@lstm-kit/kernels`: one op forward and one backward instead of tfjs's matMul, bias add and
 * activation and their three gradients, and no input gradient when x is data.
 *
 * @returns the output, x's shape with the last axis `units` wide
 */
export function fusedDense(x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor | null, activation: DenseActivation): tf.Tensor {
  const inputSize = x.shape[x.rank - 1] as number;
  const units = kernel.shape[1] as number;
  const rows = x.size / inputSize;
  const inputs: Record<string, tf.Tensor> = { x, kernel };
  if (bias) inputs.bias = bias;
  const [output] = runFusedOp(inputs, (keepTape) => {
    const fwd = denseForward({ x: readFloat32(x), rows, units, kernel: readFloat32(kernel), bias: bias ? readFloat32(bias) : undefined, activation, keepTape });
    const tape = fwd.tape;
    return {
      outputs: [{ values: fwd.output, shape: [...(x.shape.slice(0, -1) as number[]), units] }],
      backward: tape
        ? ([dy], wanted) => {
            const g = denseBackward(tape, dy, { inputGradient: wanted.has('x') });
            return { x: g.dx, kernel: g.dKernel, bias: g.dBias };
          }
        : null,
      release: tape ? () => releaseTape(tape) : undefined,
    };
  });
  return output;
}
