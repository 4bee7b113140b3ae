import { simpleRnnBackward, simpleRnnForward, releaseTape } from '@lstm-kit/kernels';
import type { FusedSequenceFn } from './recurrent-path';
import { runFusedOp } from './fused-op';
import { backwardOptions, fusedInputs, gradientsByInput, kernelArgs, kernelsCanRun, outputShape } from './fused-call';

/** SimpleRNN over a whole sequence on `@lstm-kit/kernels`, as one differentiable op with outputs (output, h). */
export const fusedSimpleRnn: FusedSequenceFn = (call) => {
  if (!kernelsCanRun(call)) return null;
  const [output, h] = runFusedOp(fusedInputs(call, ['h0']), (keepTape) => {
    const fwd = simpleRnnForward(kernelArgs(call, keepTape));
    const tape = fwd.tape;
    return {
      outputs: [
        { values: fwd.output, shape: outputShape(call) },
        { values: fwd.h, shape: [call.inputs.shape[0], call.units] },
      ],
      backward: tape
        ? ([dOutput, dh], wanted) => gradientsByInput(simpleRnnBackward(tape, dOutput, dh, backwardOptions(wanted)))
        : null,
      release: tape ? () => releaseTape(tape) : undefined,
    };
  });
  return { output, states: [h] };
};
