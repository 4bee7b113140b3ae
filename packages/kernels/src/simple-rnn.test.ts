import { describe, expect, it } from 'vitest';
import { simpleRnnBackward, simpleRnnForward } from './simple-rnn.js';
import * as reference from './reference/index.js';
import { makeArgs, relError, sweep, uniform, rng } from './internal/test-support.js';
import type { KernelBackendName } from './kernel-backend.js';

const backends: KernelBackendName[] = ['wasm-simd', 'js'];

describe.each(backends)('simpleRnn on %s', (backend) => {
  it.each(sweep().map((c, i) => [i, c] as const))('matches the float64 reference (case %i)', (i, c) => {
    const { c0: _c0, ...args } = makeArgs(c, 1, 1, 300 + i);
    const fwd = simpleRnnForward({ ...args, backend });
    const ref = reference.simpleRnnForward(args);
    expect(relError(fwd.output, ref.output, 1)).toBeLessThan(1e-5);
    expect(relError(fwd.h, ref.h, 1)).toBeLessThan(1e-5);

    const r = rng(11 + i);
    const dOut = uniform(r, fwd.output.length);
    const dh = uniform(r, fwd.h.length);
    const g = simpleRnnBackward(fwd.tape!, dOut, dh);
    const rg = reference.simpleRnnBackward(args, dOut, dh);
    for (const key of ['dx', 'dKernel', 'dRecurrentKernel', 'dBias', 'dh0'] as const) {
      expect(relError(g[key], rg[key]), `${key} ${JSON.stringify(c)}`).toBeLessThan(1e-4);
    }
  });
});

describe('simpleRnn paths', () => {
  it('agrees between the wasm and js paths with masks, goBackwards and an initial state', () => {
    const c = { batch: 3, timesteps: 7, inputSize: 3, units: 5, activation: 'tanh', recurrentActivation: 'sigmoid', returnSequences: true, goBackwards: true, withH0: true, withMask: true, withBias: true } as const;
    const { c0: _c0, ...args } = makeArgs(c, 1, 1, 3);
    const a = simpleRnnForward({ ...args, backend: 'wasm-simd' });
    const b = simpleRnnForward({ ...args, backend: 'js' });
    expect(relError(a.output, b.output, 1)).toBeLessThan(1e-6);
    const dOut = uniform(rng(4), a.output.length);
    expect(relError(simpleRnnBackward(a.tape!, dOut).dx, simpleRnnBackward(b.tape!, dOut).dx)).toBeLessThan(1e-5);
  });
});
