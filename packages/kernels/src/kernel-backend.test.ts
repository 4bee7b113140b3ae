import { afterEach, describe, expect, it } from 'vitest';
import { kernelBackend, setKernelBackend, KERNEL_BACKEND_ENV } from './kernel-backend.js';
import { lstmForward } from './lstm.js';
import { KernelOptionError } from './errors.js';
import { makeArgs } from './internal/test-support.js';

describe('kernel backend choice', () => {
  afterEach(() => {
    setKernelBackend('auto');
    delete process.env[KERNEL_BACKEND_ENV];
  });

  it('uses WebAssembly SIMD on Node by default', () => {
    expect(kernelBackend()).toBe('wasm-simd');
  });

  it('is forced to js by setKernelBackend or by the environment variable', () => {
    setKernelBackend('js');
    expect(kernelBackend()).toBe('js');
    setKernelBackend('auto');
    process.env[KERNEL_BACKEND_ENV] = 'js';
    expect(kernelBackend()).toBe('js');
    const c = { batch: 1, timesteps: 2, inputSize: 1, units: 3, activation: 'tanh', recurrentActivation: 'sigmoid', returnSequences: false, goBackwards: false, withH0: false, withMask: false, withBias: true } as const;
    expect(lstmForward(makeArgs(c, 4, 1, 1)).tape!.backend).toBe('js');
  });

  it('rejects an unknown backend', () => {
    expect(() => setKernelBackend('gpu' as never)).toThrow(KernelOptionError);
  });
});
