import { lstmBackward, lstmForward } from '@lstm-kit/kernels';
import type { FusedSequenceFn } from './recurrent-path';
import { runFusedOp, readFloats } from './fused-op';
import { fusedInputs, kernelActivation, kernelArgs, kernelsCanRun, outputShape } from './fused-call';

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
      c0: call.initialState ? readFloats(call.initialState[1]) : undefined,
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
        ? ([dOutput, dh, dc]) => {
            const g = lstmBackward(tape, dOutput, dh, dc);
            return { x: g.dx, kernel: g.dKernel, recurrentKernel: g.dRecurrentKernel, bias: g.dBias, h0: g.dh0, c0: g.dc0 };
          }
        : null,
    };
  });
  return { output, states: [h, c] };
};
