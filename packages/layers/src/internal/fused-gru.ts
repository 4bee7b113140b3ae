import { gruBackward, gruForward, releaseTape } from '@lstm-kit/kernels';
import type { FusedSequenceFn } from './recurrent-path';
import { runFusedOp } from './fused-op';
import { backwardOptions, fusedInputs, gradientsByInput, kernelActivation, kernelArgs, kernelsCanRun, outputShape } from './fused-call';

/**
 * GRU (`resetAfter: true`, Keras's default) over a whole sequence on `@lstm-kit/kernels`, as
 * one differentiable op with outputs (output, h). The original GRU (`resetAfter: false`)
 * has no kernel and runs on tfjs ops.
 */
export const fusedGru: FusedSequenceFn = (call) => {
  if (!call.resetAfter || !kernelsCanRun(call)) return null;
  const [output, h] = runFusedOp(fusedInputs(call, ['h0']), (keepTape) => {
    const fwd = gruForward({ ...kernelArgs(call, keepTape), recurrentActivation: kernelActivation(call.recurrentActivation ?? 'sigmoid')! });
    const tape = fwd.tape;
    return {
      outputs: [
        { values: fwd.output, shape: outputShape(call) },
        { values: fwd.h, shape: [call.inputs.shape[0], call.units] },
      ],
      backward: tape
        ? ([dOutput, dh], wanted) => gradientsByInput(gruBackward(tape, dOutput, dh, backwardOptions(wanted)))
        : null,
      release: tape ? () => releaseTape(tape) : undefined,
    };
  });
  return { output, states: [h] };
};
