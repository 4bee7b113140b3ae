import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendUnavailableError, describeBackend, initBackend, isCpuClassBackend } from './index';

const saved = process.env.LSTM_KIT_BACKEND;
afterEach(() => {
  if (saved === undefined) delete process.env.LSTM_KIT_BACKEND;
  else process.env.LSTM_KIT_BACKEND = saved;
});

describe('initBackend', () => {
  it('auto picks wasm with SIMD when tfjs-node is not installed, and says why', async () => {
    delete process.env.LSTM_KIT_BACKEND;
    const info = await initBackend();
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.simd).toBe(true);
    expect(info.skipped).toEqual([
      '@tensorflow/tfjs-node-gpu: not installed',
      '@tensorflow/tfjs-node: not installed',
    ]);
    expect(describeBackend(info)).toMatch(/^lstm-kit backend: wasm \(SIMD\) from @tensorflow\/tfjs-backend-wasm/);
    const x = tf.tensor2d([[1, 2]]);
    expect(Array.from(x.matMul(tf.tensor2d([[3], [4]])).dataSync())).toEqual([11]);
  });

  it('honours an explicit cpu preference', async () => {
    const info = await initBackend({ prefer: 'cpu' });
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(isCpuClassBackend()).toBe(true);
  });

  it('reads LSTM_KIT_BACKEND when no preference is given', async () => {
    process.env.LSTM_KIT_BACKEND = 'cpu';
    expect((await initBackend()).name).toBe('cpu');
    process.env.LSTM_KIT_BACKEND = 'wasm';
    expect((await initBackend()).name).toBe('wasm');
  });

  it('fails for tensorflow with a message naming the package to install', async () => {
    await expect(initBackend({ prefer: 'tensorflow' })).rejects.toThrow(BackendUnavailableError);
    await expect(initBackend({ prefer: 'tensorflow' })).rejects.toThrow(/npm install @tensorflow\/tfjs-node/);
  });

  it('rejects an unknown name from the environment, listing the valid ones', async () => {
    process.env.LSTM_KIT_BACKEND = 'webgpu';
    await expect(initBackend()).rejects.toThrow(/unknown backend 'webgpu' \(from LSTM_KIT_BACKEND\); expected one of 'auto', 'tensorflow', 'wasm', 'cpu'/);
  });

  it('prints its choice when verbose', async () => {
    const lines: string[] = [];
    await initBackend({ prefer: 'cpu', verbose: true, log: (l) => lines.push(l) });
    expect(lines).toEqual(["lstm-kit backend: cpu from @tensorflow/tfjs-backend-cpu — asked for 'cpu'"]);
  });
});

describe('initBackend with tfjs-node installed', () => {
  it('auto prefers tfjs-node over wasm when it is installed', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createRequire } = await import('node:module');
    // A stand-in for @tensorflow/tfjs-node: like the real one, loading it registers a
    // 'tensorflow' backend with the tfjs-core that lstm-kit uses (here backed by the cpu kernels).
    const project = mkdtempSync(join(tmpdir(), 'lstm-kit-backend-'));
    const pkgDir = join(project, 'node_modules', '@tensorflow', 'tfjs-node');
    mkdirSync(pkgDir, { recursive: true });
    const core = createRequire(import.meta.url).resolve('@tensorflow/tfjs-core');
    const cpu = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-cpu');
    writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: '@tensorflow/tfjs-node', main: 'index.js' }));
    writeFileSync(
      join(pkgDir, 'index.js'),
      `const tf = require(${JSON.stringify(core)}); const { MathBackendCPU } = require(${JSON.stringify(cpu)});
       tf.registerBackend('tensorflow', () => new MathBackendCPU(), 0);
       for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: 'tensorflow' });`,
    );
    const cwd = process.cwd();
    process.chdir(project);
    try {
      const info = await initBackend({ prefer: 'auto' });
      expect(info.name).toBe('tensorflow');
      expect(info.package).toBe('@tensorflow/tfjs-node');
      expect(info.skipped).toEqual(['@tensorflow/tfjs-node-gpu: not installed']);
      expect(tf.getBackend()).toBe('tensorflow');
      expect(Array.from(tf.add(tf.scalar(2), tf.scalar(3)).dataSync())).toEqual([5]);
      expect((await initBackend({ prefer: 'tensorflow' })).package).toBe('@tensorflow/tfjs-node');
    } finally {
      process.chdir(cwd);
      await initBackend({ prefer: 'cpu' });
      tf.removeBackend('tensorflow');
      rmSync(project, { recursive: true, force: true });
    }
  });
});

