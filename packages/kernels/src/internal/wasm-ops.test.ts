import { describe, expect, it } from 'vitest';
import { loadWasmOps } from './wasm-ops.js';
import { JsOps } from './js-ops.js';
import { Layout } from './layout.js';
import { rng, uniform } from './test-support.js';
import { lstmForward } from '../lstm.js';
import { opsFor } from '../kernel-backend.js';
import { makeArgs } from './test-support.js';

describe('wasm primitives', () => {
  it.each([
    [1, 1, 1], [3, 5, 7], [4, 8, 2], [5, 13, 9], [32, 200, 50], [7, 3, 17], [50, 203, 600], [1600, 1, 200],
  ])('gemm A·B and Aᵀ·B equal a float64 product for m=%i n=%i k=%i', (m, n, k) => {
    const r = rng(m * 100 + n * 10 + k);
    const A = uniform(r, m * k);
    const B = uniform(r, k * n);
    const C0 = uniform(r, m * n);
    for (const ops of [loadWasmOps()!, new JsOps()]) {
      for (const mode of ['A·B', 'Aᵀ·B', 'A·B with Bᵀ'] as const) {
        const trans = mode === 'Aᵀ·B';
        const L = new Layout(ops.base);
        const a = L.take(m * k), b = L.take(k * n), c = L.take(m * n), bt = L.take(n * k);
        const heap = ops.reserve(L.end);
        // Aᵀ·B reads A stored [k, m]: store the transpose so both compute the same product.
        if (trans) for (let i = 0; i < m; i++) for (let kk = 0; kk < k; kk++) heap[a + kk * m + i] = A[i * k + kk];
        else heap.set(A, a);
        heap.set(B, b);
        heap.set(C0, c);
        for (let kk = 0; kk < k; kk++) for (let j = 0; j < n; j++) heap[bt + j * k + kk] = B[kk * n + j];
        if (trans) ops.gemm(a, b, c, m, n, k, 1, m, true);
        else ops.gemm(a, b, c, m, n, k, k, 1, true, mode === 'A·B with Bᵀ' ? bt : 0);
        let worst = 0;
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let s = C0[i * n + j];
            for (let kk = 0; kk < k; kk++) s += A[i * k + kk] * B[kk * n + j];
            worst = Math.max(worst, Math.abs(heap[c + i * n + j] - s) / (1 + Math.abs(s)));
          }
        }
        expect(worst, `${ops.name} ${mode}`).toBeLessThan(1e-5);
      }
    }
  });

  it('does not grow memory across repeated calls of the same size', () => {
    const c = { batch: 32, timesteps: 20, inputSize: 1, units: 50, activation: 'tanh', recurrentActivation: 'sigmoid', returnSequences: false, goBackwards: false, withH0: false, withMask: false, withBias: true } as const;
    const args = makeArgs(c, 4, 1, 1);
    // The instance the kernels use, not a fresh one.
    const ops = opsFor('wasm-simd');
    lstmForward(args);
    const heap = ops.reserve(0);
    const before = heap.buffer.byteLength;
    for (let i = 0; i < 5; i++) lstmForward(args);
    expect(ops.reserve(0).buffer.byteLength).toBe(before);
  });
});
