import { describe, expect, it } from 'vitest';
import { adamUpdate, type AdamCoefficients } from './adam.js';
import { KernelShapeError } from './errors.js';
import { rng, uniform } from './internal/test-support.js';

const f32 = Math.fround;

function coefficients(t: number, lr = 0.01): AdamCoefficients {
  let acc1 = f32(0.9);
  let acc2 = f32(0.999);
  for (let i = 1; i < t; i++) {
    acc1 = f32(acc1 * f32(0.9));
    acc2 = f32(acc2 * f32(0.999));
  }
  return { beta1: f32(0.9), beta2: f32(0.999), oneMinusBeta1: f32(1 - 0.9), oneMinusBeta2: f32(1 - 0.999), epsilon: f32(1e-7), step: f32(-lr), correction1: f32(1 - acc1), correction2: f32(1 - acc2) };
}

/** 25 updates from fixed start values and per-step gradients on one backend. */
function run(n: number, backend: 'wasm-simd' | 'js'): Float32Array[] {
  const r = rng(7 + n);
  const w = Float32Array.from(uniform(r, n));
  const m = new Float32Array(n);
  const v = new Float32Array(n);
  for (let t = 1; t <= 25; t++) {
    const g = Float32Array.from(uniform(r, n));
    // Some exact zeros and tiny gradients exercise v near 0, where ε matters.
    if (n > 2) g[1] = 0;
    if (n > 3) g[2] = 1e-20;
    adamUpdate(w, g, m, v, coefficients(t), backend);
  }
  return [w, m, v];
}

describe('adamUpdate', () => {
  // Lengths around the 4-lane SIMD width, so the scalar tail runs too.
  it.each([1, 3, 4, 7, 64, 1003])('gives the same bits in wasm-simd and js (n = %i)', (n) => {
    const [ws, ms, vs] = run(n, 'wasm-simd');
    const [wj, mj, vj] = run(n, 'js');
    expect(Array.from(ws)).toEqual(Array.from(wj));
    expect(Array.from(ms)).toEqual(Array.from(mj));
    expect(Array.from(vs)).toEqual(Array.from(vj));
  });

  it('matches Adam computed in float64 to float32 precision', () => {
    const n = 257;
    const r = rng(3);
    const w = Float32Array.from(uniform(r, n));
    const w64 = Float64Array.from(w);
    const m = new Float32Array(n);
    const v = new Float32Array(n);
    const m64 = new Float64Array(n);
    const v64 = new Float64Array(n);
    for (let t = 1; t <= 25; t++) {
      const g = Float32Array.from(uniform(r, n));
      adamUpdate(w, g, m, v, coefficients(t));
      for (let i = 0; i < n; i++) {
        m64[i] = 0.9 * m64[i] + 0.1 * g[i];
        v64[i] = 0.999 * v64[i] + 0.001 * g[i] * g[i];
        w64[i] -= (0.01 * (m64[i] / (1 - 0.9 ** t))) / (Math.sqrt(v64[i] / (1 - 0.999 ** t)) + 1e-7);
      }
    }
    for (let i = 0; i < n; i++) expect(Math.abs(w[i] - w64[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(w64[i])));
  });

  it('rejects arrays of different lengths', () => {
    const a = new Float32Array(4);
    expect(() => adamUpdate(a, new Float32Array(3), a.slice(), a.slice(), coefficients(1))).toThrow(KernelShapeError);
  });
});
