import { createRng } from '@lstm-kit/sequence';
import { EvaluationError } from './errors';

/** The seed every evaluation falls back to, so two calls without a seed agree. */
export const DEFAULT_EVALUATION_SEED = 1;

/** How the seeds of repeated runs are chosen: given one by one, or drawn from one seed. */
export interface RepeatSeedOptions {
  /** Number of runs; may be left out when `seeds` is given. */
  readonly repeats?: number;
  /** One seed per run, used as given (to re-run exactly the runs of an earlier report). */
  readonly seeds?: readonly number[];
  /** The seed the per-run seeds are drawn from when `seeds` is not given (default 1). */
  readonly seed?: number;
}

/**
 * The seeds of `repeats` runs: `seeds` when given, otherwise drawn from `seed` with the
 * lstm-kit generator, so one number reproduces a whole evaluation and every configuration of a
 * grid (and every candidate of a comparison) sees the same seeds.
 *
 * @param options repeats, explicit seeds or the seed to draw them from
 * @returns one 32-bit integer seed per run
 * @throws EvaluationError when repeats is not a positive integer or disagrees with `seeds`
 * @example
 * repeatSeeds({ repeats: 3, seed: 42 }); // three seeds, the same for seed 42 every time
 * repeatSeeds({ seeds: [1, 2, 3] }); // [1, 2, 3]
 */
export function repeatSeeds(options: RepeatSeedOptions): number[] {
  const { seeds } = options;
  const repeats = options.repeats ?? seeds?.length;
  if (repeats === undefined) {
    throw new EvaluationError('expected `repeats` (how many runs) or `seeds` (one per run), got neither; pass { repeats: 5 }');
  }
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new EvaluationError(`expected repeats to be a positive integer, got ${repeats}; the course uses 5 to 30`);
  }
  if (seeds !== undefined) {
    if (seeds.length !== repeats) {
      throw new EvaluationError(`expected one seed per repeat (${repeats}), got ${seeds.length} seeds; drop \`repeats\` or pass ${repeats} seeds`);
    }
    seeds.forEach((s, i) => {
      if (!Number.isFinite(s)) throw new EvaluationError(`expected finite seeds, got ${s} at index ${i}`);
    });
    return [...seeds];
  }
  const rng = createRng(options.seed ?? DEFAULT_EVALUATION_SEED);
  return Array.from({ length: repeats }, () => rng.nextSeed());
}
