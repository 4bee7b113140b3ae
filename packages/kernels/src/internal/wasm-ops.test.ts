import { describe, expect, it } from 'vitest';
import { loadWasmOps } from './wasm-ops.js';
import { JsOps } from './js-ops.js';
import { Layout } from './layout.js';
import { rng, uniform } from './test-support.js';
import { lstmForward } from '../lstm.js';
import { opsFor } from '../kernel-backend.js';
import { makeArgs } from './test-support.js';

describe('wasm primitives', () => {
  // Sizes around the 4-row × 8-column tiles and the 256-deep blocks: m, n, k not multiples
  // of the tile (edge rows, zero-padded edge panels), m < 4 and n < 8 (the row and dot paths),
  // k > 256 and not a multiple of it (several depth blocks, a short last one).
  const shapes: [number, number, number][] = [
    [1, 1, 1], [3, 5, 7], [4, 8, 2], [5, 13, 9], [32, 200, 50], [7, 3, 17], [50, 203, 600], [1600, 1, 200],
    [2, 9, 300], [6, 7, 257], [9, 17, 513], [13, 8, 256], [64, 256, 1024], [75, 300, 12], [31, 50, 200], [3, 1024, 5],
  ];
  const modes = ['A·B', 'Aᵀ·B', 'A·Bᵀ', 'Aᵀ·Bᵀ', 'A·B packed', 'A·Bᵀ packed', 'Aᵀ·B packed'] as const;

  it.each(shapes)('gemm in every operand layout equals a float64 product for m=%i n=%i k=%i', (m, n, k) => {
    const r = rng(m * 100 + n * 10 + k);
    const A = uniform(r, m * k);
    const B = uniform(r, k * n);
    const C0 = uniform(r, m * n);
    for (const ops of [loadWasmOps()!, new JsOps()]) {
      for (const mode of modes) {
        for (const acc of [true, false]) {
          const tA = mode.startsWith('Aᵀ');
          const tB = mode.includes('Bᵀ');
          const L = new Layout(ops.base);
          const a = L.take(m * k), b = L.take(k * n), c = L.take(m * n);
          const bp = L.take(ops.packedSize(n, k));
          const scratch = L.take(ops.gemmScratchSize(n, k));
          const heap = ops.reserve(L.end);
          // Store the transposes so every layout computes the same product A·B.
          if (tA) for (let i = 0; i < m; i++) for (let kk = 0; kk < k; kk++) heap[a + kk * m + i] = A[i * k + kk];
          else heap.set(A, a);
          if (tB) for (let kk = 0; kk < k; kk++) for (let j = 0; j < n; j++) heap[b + j * k + kk] = B[kk * n + j];
          else heap.set(B, b);
          heap.set(C0, c);
          const [sAi, sAk] = tA ? [1, m] : [k, 1];
          const [sBk, sBj] = tB ? [1, k] : [n, 1];
          if (mode.endsWith('packed')) {
            ops.packB(b, n, k, sBk, sBj, bp);
            ops.gemmPacked(a, bp, c, m, n, k, sAi, sAk, acc);
          } else {
            ops.gemm(a, b, c, m, n, k, sAi, sAk, sBk, sBj, acc, scratch);
          }
          let worst = 0;
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let s = acc ? C0[i * n + j] : 0;
              // float32 summation error grows with the sum of the terms' magnitudes, not with
              // the (possibly cancelled) result: scale by that so k = 1024 is judged fairly.
              let mag = Math.abs(s);
              for (let kk = 0; kk < k; kk++) {
                s += A[i * k + kk] * B[kk * n + j];
                mag += Math.abs(A[i * k + kk] * B[kk * n + j]);
              }
              worst = Math.max(worst, Math.abs(heap[c + i * n + j] - s) / (1 + mag));
            }
          }
          expect(worst, `${ops.name} ${mode} acc=${acc}`).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('gemm leaves memory outside C untouched', () => {
    // The edge tiles are computed 8 wide in a side buffer: nothing past column n may be written.
    const ops = loadWasmOps()!;
    const [m, n, k] = [6, 11, 5];
    const L = new Layout(ops.base);
    const a = L.take(m * k), b = L.take(k * n), guard0 = L.take(8), c = L.take(m * n), guard1 = L.take(8);
    const scratch = L.take(ops.gemmScratchSize(n, k));
    const heap = ops.reserve(L.end);
    heap.fill(1, a, a + m * k);
    heap.fill(1, b, b + k * n);
    heap.fill(7, guard0, guard0 + 8);
    heap.fill(7, guard1, guard1 + 8);
    ops.gemm(a, b, c, m, n, k, k, 1, n, 1, false, scratch);
    expect(Array.from(heap.subarray(c, c + m * n)).every((v) => v === k)).toBe(true);
    expect(Array.from(heap.subarray(guard0, guard0 + 8)).every((v) => v === 7)).toBe(true);
    expect(Array.from(heap.subarray(c + m * n, guard1 + 8)).every((v) => v === 7 || v === 0)).toBe(true);
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
