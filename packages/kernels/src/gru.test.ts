import { describe, expect, it } from 'vitest';
import { gruBackward, gruForward } from './gru.js';
import * as reference from './reference/index.js';
import { makeArgs, relError, sweep, uniform, rng } from './internal/test-support.js';
import type { KernelBackendName } from './kernel-backend.js';
import { KernelShapeError } from './errors.js';

const backends: KernelBackendName[] = ['wasm-simd', 'js'];

describe.each(backends)('gru (reset_after) on %s', (backend) => {
  it.each(sweep().map((c, i) => [i, c] as const))('matches the float64 reference (case %i)', (i, c) => {
    const { c0: _c0, ...args } = makeArgs(c, 3, 2, 200 + i);
    const fwd = gruForward({ ...args, backend });
    const ref = reference.gruForward(args);
    expect(relError(fwd.output, ref.output, 1)).toBeLessThan(1e-5);
    expect(relError(fwd.h, ref.h, 1)).toBeLessThan(1e-5);

    const r = rng(9 + i);
    const dOut = uniform(r, fwd.output.length);
    const dh = uniform(r, fwd.h.length);
    const g = gruBackward(fwd.tape!, dOut, dh);
    const rg = reference.gruBackward(args, dOut, dh);
    for (const key of ['dx', 'dKernel', 'dRecurrentKernel', 'dBias', 'dh0'] as const) {
      expect(relError(g[key], rg[key]), `${key} ${JSON.stringify(c)}`).toBeLessThan(1e-4);
    }
  });
});

describe('gru paths and options', () => {
  const base = { batch: 3, timesteps: 7, inputSize: 3, units: 7, activation: 'tanh', recurrentActivation: 'sigmoid', returnSequences: true, goBackwards: false, withH0: true, withMask: true, withBias: true } as const;

  it('agrees between the wasm and js paths, and runs deterministically', () => {
    const { c0: _c0, ...args } = makeArgs(base, 3, 2, 3);
    const a = gruForward({ ...args, backend: 'wasm-simd' });
    const b = gruForward({ ...args, backend: 'js' });
    expect(relError(a.output, b.output, 1)).toBeLessThan(1e-6);
    const dOut = uniform(rng(4), a.output.length);
    const ga = gruBackward(a.tape!, dOut);
    expect(relError(ga.dRecurrentKernel, gruBackward(b.tape!, dOut).dRecurrentKernel)).toBeLessThan(1e-5);
    expect(Array.from(gruBackward(gruForward(args).tape!, dOut).dBias)).toEqual(Array.from(ga.dBias));
  });

  it('takes the bias as [2, 3·units] and rejects the single-row Keras reset_after=False layout', () => {
    const { c0: _c0, ...args } = makeArgs(base, 3, 2, 5);
    expect(() => gruForward({ ...args, bias: new Float32Array(3 * 7) })).toThrow(KernelShapeError);
    expect(() => gruForward({ ...args, bias: new Float32Array(3 * 7) })).toThrow(/\[2, 21\]/);
  });
});
