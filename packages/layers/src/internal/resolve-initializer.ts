import type { InitializerLike } from '../layer-options';
import { GlorotNormal, GlorotUniform, Orthogonal, RandomNormal, RandomUniform } from '../seeded-initializers';

const SEEDED: Record<string, new (o: { seed?: number }) => unknown> = {
  glorotUniform: GlorotUniform,
  glorotNormal: GlorotNormal,
  orthogonal: Orthogonal,
  randomUniform: RandomUniform,
  randomNormal: RandomNormal,
};

/**
 * An initializer for a weight: the user's choice, else the Keras default; a name of a seedable
 * initializer becomes a seeded instance when the layer has a seed, so `seed` repeats weights.
 */
export function resolveInitializer(value: InitializerLike | undefined, fallback: string, seed: number | undefined): InitializerLike {
  const chosen = value ?? fallback;
  if (typeof chosen === 'string' && seed !== undefined && chosen in SEEDED) {
    return new SEEDED[chosen]({ seed }) as InitializerLike;
  }
  return chosen;
}
