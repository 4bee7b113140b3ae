import { createRng } from '@lstm-kit/sequence';

/** Per-layer seeds drawn from a recipe's seed, so one seed fixes every layer; undefined when unseeded. */
export function seedStream(seed: number | undefined): () => number | undefined {
  if (seed === undefined) return () => undefined;
  const rng = createRng(seed);
  return () => rng.nextSeed();
}
