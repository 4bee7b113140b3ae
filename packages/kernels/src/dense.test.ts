import { describe, expect, it } from 'vitest';
import { DENSE_ACTIVATIONS, denseBackward, denseForward, type DenseActivation } from './dense.js';
import { releaseTape } from './release-tape.js';
import { KernelOptionError, KernelShapeError } from './errors.js';
import type { KernelBackendName } from './kernel-backend.js';
import { relError, rng, uniform } from './internal/test-support.js';

/** Float64 reference: y = act(x·W + b) and its gradients for dOutput. */
function reference(x: Float32Array, W: Float32Array, b: Float32Array | undefined, rows: number, n: number, u: number, act: DenseActivation, dy: Float32Array) {
  const z = new Float64Array(rows * u);
  for (let r = 0; r < rows; r++) for (let j = 0; j < u; j++) {
    let s = b ? b[j] : 0;
    for (let k = 0; k < n; k++) s += x[r * n + k] * W[k * u + j];
    z[r * u + j] = s;
  }
  const y = new Float64Array(rows * u);
  const dz = new Float64Array(rows * u);
  for (let r = 0; r < rows; r++) {
    const row = Array.from(z.subarray(r * u, (r + 1) * u));
    const max = Math.max(...row);
    const sum = row.reduce((a, v) => a + Math.exp(v - max), 0);
    for (let j = 0; j < u; j++) {
      const v = row[j];
      y[r * u + j] = act === 'relu' ? Math.max(0, v) : act === 'sigmoid' ? 1 / (1 + Math.exp(-v)) : act === 'tanh' ? Math.tanh(v) : act === 'softmax' ? Math.exp(v - max) / sum : v;
    }
    let dot = 0;
    for (let j = 0; j < u; j++) dot += dy[r * u + j] * y[r * u + j];
    for (let j = 0; j < u; j++) {
      const i = r * u + j, yi = y[i], g = dy[i];
      dz[i] = act === 'relu' ? (z[i] > 0 ? g : 0) : act === 'sigmoid' ? g * yi * (1 - yi) : act === 'tanh' ? g * (1 - yi * yi) : act === 'softmax' ? yi * (g - dot) : g;
    }
  }
  const dx = new Float64Array(rows * n), dW = new Float64Array(n * u), dB = new Float64Array(u);
  for (let r = 0; r < rows; r++) for (let j = 0; j < u; j++) {
    const g = dz[r * u + j];
    dB[j] += g;
    for (let k = 0; k < n; k++) {
      dW[k * u + j] += x[r * n + k] * g;
      dx[r * n + k] += g * W[k * u + j];
    }
  }
  return { y, dx, dW, dB };
}

const backends: KernelBackendName[] = ['wasm-simd', 'js'];

describe.each(backends)('dense on %s', (backend) => {
  it.each(DENSE_ACTIVATIONS.map((a) => [a]))('matches the float64 reference (%s), odd sizes included', (act) => {
    for (const [rows, n, u, withBias] of [[1, 1, 1, true], [3, 5, 7, false], [64, 50, 12, true], [33, 9, 13, true]] as const) {
      const r = rng(rows * 31 + n * 7 + u);
      const x = uniform(r, rows * n), W = uniform(r, n * u, 0.7), b = withBias ? uniform(r, u, 0.3) : undefined;
      const dy = uniform(r, rows * u);
      const fwd = denseForward({ x, rows, units: u, kernel: W, bias: b, activation: act, backend });
      const ref = reference(x, W, b, rows, n, u, act, dy);
      expect(relError(fwd.output, ref.y, 1)).toBeLessThan(1e-5);
      const g = denseBackward(fwd.tape!, dy);
      expect(relError(g.dx, ref.dx)).toBeLessThan(1e-4);
      expect(relError(g.dKernel, ref.dW)).toBeLessThan(1e-4);
      expect(relError(g.dBias, ref.dB)).toBeLessThan(1e-4);
      const lean = denseBackward(fwd.tape!, dy, { inputGradient: false });
      expect(lean.dx).toBeNull();
      expect(lean.dKernel).toEqual(g.dKernel);
    }
  });
});

describe('dense errors', () => {
  it('says what was expected', () => {
    const kernel = new Float32Array(6);
    expect(() => denseForward({ x: new Float32Array(5), rows: 2, units: 2, kernel })).toThrow(KernelShapeError);
    expect(() => denseForward({ x: new Float32Array(5), rows: 2, units: 2, kernel })).toThrow(/x with shape \[rows, inputSize\] = \[2, 3\]/);
    expect(() => denseForward({ x: new Float32Array(6), rows: 2, units: 4, kernel })).toThrow(/not a multiple of units/);
    expect(() => denseForward({ x: new Float32Array(6), rows: 0, units: 2, kernel })).toThrow(KernelOptionError);
    expect(() => denseForward({ x: new Float32Array(6), rows: 2, units: 2, kernel, activation: 'elu' as never })).toThrow(/unknown activation 'elu'/);
    const fwd = denseForward({ x: new Float32Array(6), rows: 2, units: 2, kernel });
    expect(() => denseBackward(fwd.tape!, new Float32Array(3))).toThrow(/dOutput with shape \[rows, units\] = \[2, 2\]/);
    releaseTape(fwd.tape!);
    expect(() => denseBackward(fwd.tape!, new Float32Array(4))).toThrow(/released/);
  });
});
