import { ValueError } from './errors';

/**
 * A seeded pseudo-random number generator: the one source of randomness in lstm-kit, so
 * that the same seed repeats a run exactly (generators, initialisers, shuffling, dropout).
 */
export interface Rng {
  /** The seed this generator started from. */
  readonly seed: number;
  /** A uniform float in [0, 1). */
  next(): number;
  /** A uniform integer in [lo, hi) (hi exclusive, like Python's `randrange`). */
  int(lo: number, hi: number): number;
  /** A uniform float in [lo, hi). */
  uniform(lo?: number, hi?: number): number;
  /** A standard normal draw (Box–Muller), scaled to `mean` and `std`. */
  normal(mean?: number, std?: number): number;
  /** True with probability p. */
  bool(p?: number): boolean;
  /** Shuffle an array in place (Fisher–Yates) and return it. */
  shuffle<T extends { length: number; [i: number]: any }>(items: T): T;
  /** The integers 0..n-1 in a random order. */
  permutation(n: number): Uint32Array;
  /** A 32-bit integer seed for a child generator, drawn from this one. */
  nextSeed(): number;
  /** An independent generator seeded from this one (for a sub-task that needs its own stream). */
  fork(): Rng;
}

/**
 * Create a seeded generator (mulberry32: fast, 32-bit state, good enough statistics for
 * data generation and shuffling; not for cryptography).
 *
 * @param seed any finite number; it is reduced to 32 bits
 * @returns a generator whose sequence depends only on the seed
 * @throws ValueError when the seed is not a finite number
 * @example
 * const rng = createRng(42);
 * rng.int(0, 10); // the same value for seed 42, every run
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new ValueError(`expected a finite number as seed, got ${seed}`);
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  let spare: number | null = null;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    seed,
    next,
    int(lo, hi) {
      if (!(hi > lo)) throw new ValueError(`expected hi > lo for int(lo, hi), got lo=${lo}, hi=${hi}`);
      return lo + Math.floor(next() * (hi - lo));
    },
    uniform(lo = 0, hi = 1) {
      return lo + next() * (hi - lo);
    },
    normal(mean = 0, std = 1) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + std * z;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + std * r * Math.cos(2 * Math.PI * v);
    },
    bool(p = 0.5) {
      return next() < p;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i];
        items[i] = items[j];
        items[j] = tmp;
      }
      return items;
    },
    permutation(n) {
      const p = new Uint32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      return rng.shuffle(p);
    },
    nextSeed() {
      return Math.floor(next() * 4294967296) >>> 0;
    },
    fork() {
      return createRng(rng.nextSeed());
    },
  };
  return rng;
}
