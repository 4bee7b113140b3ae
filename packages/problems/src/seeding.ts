import type { Rng } from '@lstm-kit/sequence';

/**
 * The seed a generator uses when it is given neither `seed` nor `rng`, so that a call
 * without either still returns the same data on every run. Calling a generator twice
 * without `rng` therefore returns the same samples twice: for online training (one fresh
 * sample per update) create one `Rng` with `createRng(seed)` and pass it as `rng` each time.
 */
export const DEFAULT_SEED = 42;

/**
 * Where a generator's randomness comes from: give `seed` to start a fresh, repeatable stream,
 * or `rng` to continue an existing one (each call advances it). Give at most one of the two;
 * with neither, the stream starts from {@link DEFAULT_SEED}.
 */
export interface SeedOptions {
  /** Start a fresh stream from this seed (any finite number). */
  readonly seed?: number;
  /** Continue this generator's stream; the call draws from it and leaves it advanced. */
  readonly rng?: Rng;
}
