import * as tf from '@tensorflow/tfjs';
import { lstm } from '../lstm';
import { dense } from '../dense';
import { uniqueLayerName } from '../layer-names';
import type { ActivationName } from '../layer-options';
import type { RecipeBaseOptions } from './compile-options';
import { finishModel } from '../internal/finish-model';
import { seedStream } from '../internal/seed-stream';
import { checkPositiveInt } from '../internal/check-positive';

/** Options of {@link generative}. */
export interface GenerativeOptions extends RecipeBaseOptions {
  /** Memory cells. Default 10 (spec B11). */
  units?: number;
  /** Features of one point (input and output). Default 2 (x, y). */
  features?: number;
  /** Time steps per sample. Default 1 (one-to-one: point i → point i+1). */
  timesteps?: number;
  /** Output activation. Default `'linear'`. */
  outputActivation?: ActivationName;
}

/**
 * The generative (one-to-one) LSTM of spec B11: LSTM(10) on one point → Dense(2), 520 + 22 =
 * 542 params; its predictions are fed back as the next input to draw a shape.
 *
 * @param options sizes
 * @returns an uncompiled `tf.Sequential` mapping `[1, features]` to `[features]`
 * @throws LayerConfigError for a non-positive size
 * @example
 * const model = generative({ seed: 1 }); // LSTM(10) → Dense(2)
 */
export function generative(options: GenerativeOptions = {}): tf.Sequential {
  const units = checkPositiveInt('generative', 'units', options.units ?? 10, 'units: 10');
  const features = checkPositiveInt('generative', 'features', options.features ?? 2, 'features: 2');
  const timesteps = checkPositiveInt('generative', 'timesteps', options.timesteps ?? 1, 'timesteps: 1');
  const seed = seedStream(options.seed);
  const model = tf.sequential({ name: options.name ?? uniqueLayerName('sequential') });
  model.add(lstm({ units, inputShape: [timesteps, features], seed: seed() }));
  model.add(dense({ units: features, activation: options.outputActivation, seed: seed() }));
  return finishModel(model, options.compile);
}
