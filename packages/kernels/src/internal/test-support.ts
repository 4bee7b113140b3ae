// Shared by the *.test.ts files: seeded random arguments and the error measure the
// tolerances refer to. Not exported from the package.
import type { Activation } from '../activation.js';

/** Mulberry32: a tiny seeded generator, so every failing case can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uniform(r: () => number, n: number, scale = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (r() * 2 - 1) * scale;
  return a;
}

/**
 * Largest absolute difference divided by the largest reference magnitude (at least `floor`):
 * "relative" in the sense of the whole array, so an element near zero does not blow it up.
 */
export function relError(actual: ArrayLike<number> | null, expected: ArrayLike<number> | null, floor = 1e-6): number {
  if (actual == null || expected == null) throw new Error('expected an array, got null (a gradient that was not computed)');
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} vs ${expected.length}`);
  let diff = 0;
  let scale = floor;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i] - expected[i]));
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return Number.isFinite(diff) ? diff / scale : Infinity;
}

export interface Case {
  batch: number;
  timesteps: number;
  inputSize: number;
  units: number;
  activation: Activation;
  recurrentActivation: Activation;
  returnSequences: boolean;
  goBackwards: boolean;
  withH0: boolean;
  withMask: boolean;
  withBias: boolean;
}

/** Random arguments for a kernel with k gates and a bias of biasRows rows. */
export function makeArgs(c: Case, k: number, biasRows: number, seed: number) {
  const r = rng(seed);
  const { batch, timesteps, inputSize, units } = c;
  let mask: Float32Array | undefined;
  if (c.withMask) {
    mask = new Float32Array(batch * timesteps);
    // Keep the first sequence whole so an all-masked batch cannot hide a bug.
    for (let i = 0; i < mask.length; i++) mask[i] = i < timesteps || r() > 0.35 ? 1 : 0;
  }
  return {
    x: uniform(r, batch * timesteps * inputSize),
    batch,
    timesteps,
    units,
    kernel: uniform(r, inputSize * k * units, 0.6),
    recurrentKernel: uniform(r, units * k * units, Math.min(0.6, 2 / Math.sqrt(units))),
    bias: c.withBias ? uniform(r, biasRows * k * units, 0.3) : undefined,
    activation: c.activation,
    recurrentActivation: c.recurrentActivation,
    returnSequences: c.returnSequences,
    goBackwards: c.goBackwards,
    h0: c.withH0 ? uniform(r, batch * units, 0.5) : undefined,
    c0: c.withH0 ? uniform(r, batch * units, 0.5) : undefined,
    mask,
  };
}

/** The shapes the acceptance criteria name, with options varied deterministically across them. */
export function sweep(): Case[] {
  const acts: Activation[] = ['tanh', 'relu', 'sigmoid', 'linear'];
  const cases: Case[] = [];
  let i = 0;
  for (const units of [1, 3, 5, 7, 50]) {
    for (const inputSize of [1, 3]) {
      for (const batch of [1, 3]) {
        for (const timesteps of [1, 7]) {
          cases.push({
            batch, timesteps, inputSize, units,
            activation: i % 3 === 0 ? acts[(i / 3) % 4] : 'tanh',
            recurrentActivation: i % 5 === 4 ? 'hardSigmoid' : 'sigmoid',
            returnSequences: i % 2 === 0,
            goBackwards: i % 4 === 1,
            withH0: i % 3 === 1,
            withMask: i % 4 === 2,
            withBias: i % 7 !== 6,
          });
          i++;
        }
      }
    }
  }
  return cases;
}
