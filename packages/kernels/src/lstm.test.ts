import { describe, expect, it } from 'vitest';
import { lstmBackward, lstmForward } from './lstm.js';
import * as reference from './reference/index.js';
import { makeArgs, relError, sweep, uniform, rng } from './internal/test-support.js';
import type { KernelBackendName } from './kernel-backend.js';
import { KernelOptionError, KernelShapeError } from './errors.js';

const backends: KernelBackendName[] = ['wasm-simd', 'js'];

describe.each(backends)('lstm on %s', (backend) => {
  it.each(sweep().map((c, i) => [i, c] as const))('matches the float64 reference (case %i)', (i, c) => {
    const args = makeArgs(c, 4, 1, 100 + i);
    const fwd = lstmForward({ ...args, backend });
    const ref = reference.lstmForward(args);
    expect(relError(fwd.output, ref.output, 1)).toBeLessThan(1e-5);
    expect(relError(fwd.h, ref.h, 1)).toBeLessThan(1e-5);
    expect(relError(fwd.c, ref.c!, 1)).toBeLessThan(1e-5);

    const r = rng(7 + i);
    const dOut = uniform(r, fwd.output.length);
    const dh = uniform(r, fwd.h.length);
    const dc = uniform(r, fwd.c.length);
    const g = lstmBackward(fwd.tape!, dOut, dh, dc);
    const rg = reference.lstmBackward(args, dOut, dh, dc);
    for (const key of ['dx', 'dKernel', 'dRecurrentKernel', 'dBias', 'dh0', 'dc0'] as const) {
      expect(relError(g[key], rg[key]!), `${key} ${JSON.stringify(c)}`).toBeLessThan(1e-4);
    }
  });
});

describe('lstm paths and options', () => {
  const base = { batch: 3, timesteps: 7, inputSize: 3, units: 5, activation: 'tanh', recurrentActivation: 'sigmoid', returnSequences: true, goBackwards: true, withH0: true, withMask: true, withBias: true } as const;

  it('agrees between the wasm and js paths', () => {
    const args = makeArgs(base, 4, 1, 3);
    const a = lstmForward({ ...args, backend: 'wasm-simd' });
    const b = lstmForward({ ...args, backend: 'js' });
    expect(relError(a.output, b.output, 1)).toBeLessThan(1e-6);
    const dOut = uniform(rng(4), a.output.length);
    const ga = lstmBackward(a.tape!, dOut);
    const gb = lstmBackward(b.tape!, dOut);
    expect(relError(ga.dRecurrentKernel, gb.dRecurrentKernel)).toBeLessThan(1e-5);
    expect(relError(ga.dx, gb.dx)).toBeLessThan(1e-5);
  });

  it('carries state over masked steps and repeats the previous output', () => {
    const args = makeArgs({ ...base, goBackwards: false, withMask: false }, 4, 1, 5);
    const mask = new Float32Array(3 * 7).fill(1);
    mask[1 * 7 + 3] = 0; // sequence 1, step 3
    const out = lstmForward({ ...args, mask }).output;
    const u = 5;
    const at = (b: number, t: number) => Array.from(out.subarray((b * 7 + t) * u, (b * 7 + t + 1) * u));
    expect(at(1, 3)).toEqual(at(1, 2));
    expect(at(0, 3)).not.toEqual(at(0, 2));
  });

  it('reverses time with goBackwards: outputs in processing order', () => {
    const args = makeArgs({ ...base, goBackwards: false, withMask: false }, 4, 1, 6);
    const reversed = new Float32Array(args.x.length);
    const n = 3;
    for (let b = 0; b < 3; b++) for (let t = 0; t < 7; t++) reversed.set(args.x.subarray((b * 7 + t) * n, (b * 7 + t + 1) * n), (b * 7 + 6 - t) * n);
    const a = lstmForward({ ...args, goBackwards: true });
    const b = lstmForward({ ...args, x: reversed, goBackwards: false });
    expect(Array.from(a.output)).toEqual(Array.from(b.output));
  });

  it('uses the initial states', () => {
    const args = makeArgs(base, 4, 1, 8);
    const withStates = lstmForward(args).output;
    const without = lstmForward({ ...args, h0: undefined, c0: undefined }).output;
    expect(relError(withStates, without, 1)).toBeGreaterThan(1e-3);
  });

  it('is deterministic and keeps no tape in inference mode', () => {
    const args = makeArgs({ ...base, units: 50, batch: 32 }, 4, 1, 9);
    const a = lstmForward(args);
    const b = lstmForward({ ...args, keepTape: false });
    expect(b.tape).toBeNull();
    expect(Array.from(a.output)).toEqual(Array.from(b.output));
    const dOut = uniform(rng(1), a.output.length);
    expect(Array.from(lstmBackward(a.tape!, dOut).dKernel)).toEqual(Array.from(lstmBackward(lstmForward(args).tape!, dOut).dKernel));
  });

  it('rejects wrong shapes and foreign tapes with a message that says what to do', () => {
    const args = makeArgs(base, 4, 1, 10);
    expect(() => lstmForward({ ...args, x: new Float32Array(5) })).toThrow(KernelShapeError);
    expect(() => lstmForward({ ...args, x: new Float32Array(5) })).toThrow(/expected x with shape \[batch, timesteps, inputSize\] = \[3, 7, 3\]/);
    expect(() => lstmForward({ ...args, c0: new Float32Array(2) })).toThrow(KernelShapeError);
    expect(() => lstmForward({ ...args, activation: 'swish' as never })).toThrow(KernelOptionError);
    expect(() => lstmForward({ ...args, timesteps: 0 })).toThrow(KernelOptionError);
    expect(() => lstmBackward(null as never, new Float32Array(1))).toThrow(/keepTape/);
    const fwd = lstmForward(args);
    expect(() => lstmBackward(fwd.tape!, new Float32Array(3))).toThrow(KernelShapeError);
  });
});
