import { describe, expect, it } from 'vitest';
import { lstmBackward, lstmForward } from './lstm.js';
import { gruBackward, gruForward } from './gru.js';
import { simpleRnnBackward, simpleRnnForward } from './simple-rnn.js';
import type { BackwardOptions, RecurrentGradients } from './recurrent-args.js';
import type { KernelBackendName } from './kernel-backend.js';
import { makeArgs, rng, uniform } from './internal/test-support.js';

type Run = (withH0: boolean, backend: KernelBackendName, options?: BackwardOptions) => RecurrentGradients & { dc0?: Float32Array | null };

const base = { batch: 5, timesteps: 6, inputSize: 3, units: 7, activation: 'tanh', recurrentActivation: 'sigmoid', returnSequences: true, goBackwards: false, withMask: false, withBias: true } as const;

const kernels: [string, Run][] = [
  ['lstm', (withH0, backend, options) => {
    const args = makeArgs({ ...base, withH0 }, 4, 1, 11);
    const fwd = lstmForward({ ...args, backend });
    return lstmBackward(fwd.tape!, uniform(rng(3), fwd.output.length), uniform(rng(4), fwd.h.length), undefined, options);
  }],
  ['gru', (withH0, backend, options) => {
    const args = makeArgs({ ...base, withH0 }, 3, 2, 12);
    const fwd = gruForward({ ...args, backend });
    return gruBackward(fwd.tape!, uniform(rng(3), fwd.output.length), uniform(rng(4), fwd.h.length), options);
  }],
  ['simpleRnn', (withH0, backend, options) => {
    const args = makeArgs({ ...base, withH0 }, 1, 1, 13);
    const fwd = simpleRnnForward({ ...args, backend });
    return simpleRnnBackward(fwd.tape!, uniform(rng(3), fwd.output.length), uniform(rng(4), fwd.h.length), options);
  }],
];

describe.each(kernels)('%s backward options', (_name, run) => {
  it.each([['wasm-simd'], ['js']] as const)('skips dx and the initial state gradients on request, weights unchanged (%s)', (backend) => {
    for (const withH0 of [false, true]) {
      const full = run(withH0, backend);
      const lean = run(withH0, backend, { inputGradient: false, initialStateGradients: false });
      expect(full.dx).toBeInstanceOf(Float32Array);
      expect(full.dh0).toBeInstanceOf(Float32Array);
      expect(lean.dx).toBeNull();
      expect(lean.dh0).toBeNull();
      if ('dc0' in full) {
        expect(full.dc0).toBeInstanceOf(Float32Array);
        expect(lean.dc0).toBeNull();
      }
      // The skipped products feed nothing else: the weight gradients are the same numbers.
      expect(lean.dKernel).toEqual(full.dKernel);
      expect(lean.dRecurrentKernel).toEqual(full.dRecurrentKernel);
      expect(lean.dBias).toEqual(full.dBias);
      const onlyX = run(withH0, backend, { initialStateGradients: false });
      expect(onlyX.dx).toEqual(full.dx);
      const onlyStates = run(withH0, backend, { inputGradient: false });
      expect(onlyStates.dh0).toEqual(full.dh0);
    }
  });
});
