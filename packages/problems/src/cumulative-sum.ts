import type { NdArray } from '@lstm-kit/sequence';
import { checkKeys, intOption, resolveRng, withDefaults } from './internal/options';
import type { SeedOptions } from './seeding';

/** Options of {@link cumulativeSum}. */
export interface CumulativeSumOptions extends SeedOptions {
  /** Time steps per sequence (default 10, as the course's bidirectional system B10). */
  readonly nTimesteps?: number;
  /** Number of sequences (default 1). */
  readonly nPatterns?: number;
}

/** What {@link cumulativeSum} returns. */
export interface CumulativeSumData {
  /** Uniform values in [0, 1), shape `[nPatterns, nTimesteps, 1]`. */
  readonly x: NdArray;
  /** 0 while the running sum is below `limit`, 1 from the step where it reaches it on; shape `[nPatterns, nTimesteps, 1]`. */
  readonly y: NdArray;
  /** The threshold, `nTimesteps / 4`. */
  readonly limit: number;
}

/** Defaults of {@link cumulativeSum}: the course's bidirectional-LSTM problem (system B10). */
export const cumulativeSumDefaults = Object.freeze({ nTimesteps: 10, nPatterns: 1 });

/**
 * Generate cumulative-sum sequences: `nTimesteps` uniform values in [0, 1), each labelled 1
 * once the running sum has reached a quarter of the length, else 0 (many-to-many with equal
 * lengths; the labels flip from 0 to 1 at most once and never flip back).
 *
 * @param options `nTimesteps`, `nPatterns` (defaults in {@link cumulativeSumDefaults}) and `seed` or `rng`
 * @returns `x` and `y`, both `[n, nTimesteps, 1]`, and the `limit`
 * @throws ProblemOptionsError when `nTimesteps` or `nPatterns` is below 1, or both `seed` and `rng` are given
 * @example
 * const { x, y, limit } = cumulativeSum({ nTimesteps: 10, nPatterns: 50_000, seed: 1 });
 * x.shape; // [50000, 10, 1]
 * limit; // 2.5
 */
export function cumulativeSum(options: CumulativeSumOptions = {}): CumulativeSumData {
  checkKeys('cumulativeSum', options, ['nTimesteps', 'nPatterns', 'seed', 'rng']);
  const o = withDefaults(cumulativeSumDefaults, options);
  const nTimesteps = intOption('cumulativeSum', 'nTimesteps', o.nTimesteps, {
    min: 1,
    hint: 'nTimesteps is the length of each sequence, e.g. 10',
  });
  const nPatterns = intOption('cumulativeSum', 'nPatterns', o.nPatterns, { min: 1, hint: 'nPatterns is the number of sequences' });
  const rng = resolveRng('cumulativeSum', options);

  const limit = nTimesteps / 4;
  const x = new Float32Array(nPatterns * nTimesteps);
  const y = new Float32Array(nPatterns * nTimesteps);
  for (let p = 0; p < nPatterns; p++) {
    let sum = 0;
    for (let t = 0; t < nTimesteps; t++) {
      // Sum the float32 values the model sees, so the labels agree exactly with x.
      const v = Math.fround(rng.next());
      const i = p * nTimesteps + t;
      x[i] = v;
      sum += v;
      // The course labels `0 if cumsum < limit else 1`.
      y[i] = sum < limit ? 0 : 1;
    }
  }
  return {
    x: { shape: Object.freeze([nPatterns, nTimesteps, 1]), data: x },
    y: { shape: Object.freeze([nPatterns, nTimesteps, 1]), data: y },
    limit,
  };
}
