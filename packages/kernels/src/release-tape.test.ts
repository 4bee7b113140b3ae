import { describe, expect, it } from 'vitest';
import { lstmBackward, lstmForward } from './lstm.js';
import { gruBackward, gruForward } from './gru.js';
import { releaseArrays, releaseTape } from './release-tape.js';
import { KernelOptionError } from './errors.js';
import { makeArgs, rng, uniform } from './internal/test-support.js';

const c = { batch: 4, timesteps: 5, inputSize: 3, units: 6, activation: 'tanh', recurrentActivation: 'sigmoid', returnSequences: false, goBackwards: false, withH0: false, withMask: true, withBias: true } as const;

describe('releaseTape', () => {
  it('reuses a released tape\'s arrays for the next forward of the same sizes, with the same results', () => {
    const args = makeArgs(c, 4, 1, 1);
    const dOut = uniform(rng(2), c.batch * c.units);
    const first = lstmForward(args);
    const g1 = lstmBackward(first.tape!, dOut);
    const gates = first.tape!.gates;
    releaseTape(first.tape!);
    const second = lstmForward(args);
    expect(second.tape!.gates).toBe(gates);
    expect(second.output).toEqual(first.output);
    const g2 = lstmBackward(second.tape!, dOut);
    expect(g2.dRecurrentKernel).toEqual(g1.dRecurrentKernel);
    expect(g2.dx).toEqual(g1.dx);
  });

  it('makes a later backward with the released tape throw, and a second release is a no-op', () => {
    const args = makeArgs(c, 3, 2, 3);
    const fwd = gruForward(args);
    releaseTape(fwd.tape!);
    releaseTape(fwd.tape!);
    expect(() => gruBackward(fwd.tape!, new Float32Array(fwd.output.length))).toThrow(KernelOptionError);
    expect(() => gruBackward(fwd.tape!, new Float32Array(fwd.output.length))).toThrow(/released/);
    // The pool hands each array out once: two live tapes never share storage.
    const a = gruForward(args);
    const b = gruForward(args);
    expect(a.tape!.gates).not.toBe(b.tape!.gates);
  });

  it('reuses released outputs and gradients for later results of the same sizes', () => {
    const args = makeArgs({ ...c, withMask: false }, 4, 1, 5);
    const a = lstmForward({ ...args, keepTape: false });
    const expected = a.output.slice();
    releaseArrays([a.output, null, undefined]);
    const b = lstmForward({ ...args, keepTape: false });
    expect(b.output).toBe(a.output);
    expect(b.output).toEqual(expected);
    const fwd = lstmForward(args);
    const g = lstmBackward(fwd.tape!, uniform(rng(6), fwd.output.length));
    const dU = g.dRecurrentKernel.slice();
    releaseArrays([g.dRecurrentKernel]);
    const again = lstmBackward(fwd.tape!, uniform(rng(6), fwd.output.length));
    expect(again.dRecurrentKernel).toBe(g.dRecurrentKernel);
    expect(again.dRecurrentKernel).toEqual(dU);
  });

  it('hands an array released twice out only once', () => {
    const args = makeArgs({ ...c, withMask: false }, 4, 1, 8);
    const a = lstmForward({ ...args, keepTape: false });
    releaseArrays([a.output, a.output]);
    const b = lstmForward({ ...args, keepTape: false });
    expect(b.output).toBe(a.output);
    expect(b.h).not.toBe(a.output);
  });
});
