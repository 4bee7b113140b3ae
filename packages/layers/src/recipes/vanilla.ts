import * as tf from '@tensorflow/tfjs';
import { lstm } from '../lstm';
import { dense } from '../dense';
import { uniqueLayerName } from '../layer-names';
import type { ActivationName } from '../layer-options';
import type { RecipeBaseOptions } from './compile-options';
import { finishModel } from '../internal/finish-model';
import { seedStream } from '../internal/seed-stream';
import { checkPositiveInt } from '../internal/check-positive';

/** Options of {@link vanilla}. */
export interface VanillaOptions extends RecipeBaseOptions {
  /** Memory cells of the LSTM. */
  units: number;
  /** Time steps per sample. */
  timesteps: number;
  /** Features per time step. */
  features: number;
  /** Outputs of the final Dense layer. */
  outputs: number;
  /** Activation of the output layer. Default `'linear'` (Keras's Dense default); `'softmax'` for classes. */
  outputActivation?: ActivationName;
  /** Activation of the LSTM. Default `'tanh'`. */
  activation?: ActivationName;
  /** Fixed batch size, needed with `stateful`. Default none. */
  batchSize?: number;
  /** Make the LSTM stateful (needs `batchSize`). Default false. */
  stateful?: boolean;
}

/**
 * The vanilla LSTM: one LSTM layer and a Dense output (spec B6: LSTM(25) → Dense(10, softmax),
 * 3,600 + 260 = 3,860 params).
 *
 * @param options sizes of the input, the LSTM and the output
 * @returns an uncompiled `tf.Sequential` (compiled when `compile` is given)
 * @throws LayerConfigError when a size is not a positive integer
 * @example
 * const model = vanilla({ units: 25, timesteps: 5, features: 10, outputs: 10, outputActivation: 'softmax', seed: 1 });
 * model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
 * summary(model); // Total params: 3,860
 */
export function vanilla(options: VanillaOptions): tf.Sequential {
  const units = checkPositiveInt('vanilla', 'units', options?.units, 'vanilla({ units: 25, timesteps: 5, features: 10, outputs: 10 })');
  const timesteps = checkPositiveInt('vanilla', 'timesteps', options.timesteps, 'timesteps: 5');
  const features = checkPositiveInt('vanilla', 'features', options.features, 'features: 10');
  const outputs = checkPositiveInt('vanilla', 'outputs', options.outputs, 'outputs: 10');
  const seed = seedStream(options.seed);
  const model = tf.sequential({ name: options.name ?? uniqueLayerName('sequential') });
  const shape = options.batchSize
    ? { batchInputShape: [options.batchSize, timesteps, features] }
    : { inputShape: [timesteps, features] };
  model.add(lstm({ units, activation: options.activation, stateful: options.stateful, seed: seed(), ...shape }));
  model.add(dense({ units: outputs, activation: options.outputActivation, seed: seed() }));
  return finishModel(model, options.compile);
}
