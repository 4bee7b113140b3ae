import { LayerConfigError } from '../errors';

/** Recipe option validation: a positive integer, else a message naming the recipe and option. */
export function checkPositiveInt(recipe: string, option: string, value: unknown, example: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new LayerConfigError(`expected ${option} to be a positive integer for ${recipe}(), got ${String(value)}; e.g. ${example}`);
  }
  return value;
}
