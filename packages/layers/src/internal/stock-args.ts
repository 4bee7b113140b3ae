import type { BaseLayerOptions } from '../layer-options';
import { uniqueLayerName } from '../layer-names';

/** Options for a stock tfjs layer: a Keras-style name, lstm-kit-only keys removed. */
export function stockArgs<T extends BaseLayerOptions>(prefix: string, options: T): Omit<T, 'seed'> & { name: string } {
  const { seed: _seed, ...rest } = options;
  return { ...rest, name: options.name ?? uniqueLayerName(prefix) } as Omit<T, 'seed'> & { name: string };
}
