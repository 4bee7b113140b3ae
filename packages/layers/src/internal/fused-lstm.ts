import { lstmBackward, lstmForward, releaseTape } from '@lstm-kit/kernels';
import type { FusedSequenceFn } from './recurrent-path';
import { readFloat32 } from '@lstm-kit/backend';
import { runFusedOp } from './fused-op';
import { backwardOptions, fusedInputs, gradientsByInput, kernelActivation, kernelArgs, kernelsCanRun, outputShape } from './fused-call';

/**
 * LSTM over a whole sequence on `@lstm-kit/kernels`, as one differentiable op with outputs
 * (output, h, c): the backward replays the forward's tape instead of recomputing it.
 */
export const fusedLstm: FusedSequenceFn = (call) => {
  if (!kernelsCanRun(call)) return null;
  const bu = [call.inputs.shape[0], call.units];
  const [output, h, c] = runFusedOp(fusedInputs(call, ['h0', 'c0']), (keepTape) => {
    const fwd = lstmForward({
      ...kernelArgs(call, keepTape),
      c0: call.initialState ? readFloat32(call.initialState[1]) : undefined,
      recurrentActivation: kernelActivation(call.recurrentActivation ?? 'sigmoid')!,
    });
    const tape = fwd.tape;
    return {
      outputs: [
        { values: fwd.output, shape: outputShape(call) },
        { values: fwd.h, shape: bu },
        { values: fwd.c, shape: bu },
      ],
      backward: tape
        ? ([dOutput, dh, dc], wanted) => gradientsByInput(lstmBackward(tape, dOutput, dh, dc, backwardOptions(wanted)))
        : null,
      release: tape ? () => releaseTape(tape) : undefined,
    };
  });
  return { output, states: [h, c] };
};
