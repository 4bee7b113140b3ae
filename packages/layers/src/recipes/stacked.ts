import * as tf from '@tensorflow/tfjs';
import { lstm, type LstmOptions } from '../lstm';
import { gru } from '../gru';
import { simpleRnn } from '../simple-rnn';
import { dense, type DenseOptions } from '../dense';
import { LayerConfigError } from '../errors';
import { uniqueLayerName } from '../layer-names';
import type { ActivationName } from '../layer-options';
import type { RecipeBaseOptions } from './compile-options';
import { finishModel } from '../internal/finish-model';
import { seedStream } from '../internal/seed-stream';
import { checkPositiveInt } from '../internal/check-positive';

/** One recurrent layer of a stack: its units, or its full options (`units` required). */
export type StackedLayer = number | (Omit<LstmOptions, 'inputShape' | 'batchInputShape'> & { units: number });

/** Options of {@link stacked}. */
export interface StackedOptions extends RecipeBaseOptions {
  /** The recurrent layers, bottom to top, e.g. `[20, 20]` or `[{ units: 50, activation: 'relu' }, …]`. */
  layers: StackedLayer[];
  /** Time steps per sample. */
  timesteps: number;
  /** Features per time step. */
  features: number;
  /** Outputs of the final Dense layer. */
  outputs: number;
  /** Activation of the output layer. Default `'linear'`. */
  outputActivation?: ActivationName;
  /** Activation of every recurrent layer given as a number. Default `'tanh'`. */
  activation?: ActivationName;
  /** Recurrent cell type. Default `'lstm'`. */
  cell?: 'lstm' | 'gru' | 'simpleRnn';
  /** Hidden Dense layers between the stack and the output (units, or options). Default none. */
  dense?: (number | DenseOptions)[];
  /** Activation of hidden Dense layers given as numbers. Default `'linear'` (Keras's Dense default). */
  denseActivation?: ActivationName;
  /** Where notes go (e.g. a lower layer's `returnSequences` changed). Default `console.warn`. */
  onNote?: (note: string) => void;
}

/**
 * A stack of recurrent layers and a Dense output (spec B7: LSTM(20, returnSequences) →
 * LSTM(20) → Dense(5) = 5,145 params). Every layer below the top returns sequences, since the
 * next recurrent layer needs one input per step; an explicit `returnSequences: false` there is
 * overridden with a note.
 *
 * @param options layers, input sizes, output size
 * @returns an uncompiled `tf.Sequential` (compiled when `compile` is given)
 * @throws LayerConfigError for an empty stack or a non-positive size
 * @example
 * const model = stacked({ layers: [20, 20], timesteps: 50, features: 1, outputs: 5 });
 * summary(model); // 1,760 + 3,280 + 105 = 5,145
 */
export function stacked(options: StackedOptions): tf.Sequential {
  if (!Array.isArray(options?.layers) || options.layers.length === 0) {
    throw new LayerConfigError(`expected layers to be a non-empty array for stacked(), got ${JSON.stringify(options?.layers)}; e.g. stacked({ layers: [20, 20], … })`);
  }
  const timesteps = checkPositiveInt('stacked', 'timesteps', options.timesteps, 'timesteps: 50');
  const features = checkPositiveInt('stacked', 'features', options.features, 'features: 1');
  const outputs = checkPositiveInt('stacked', 'outputs', options.outputs, 'outputs: 5');
  const note = options.onNote ?? ((s: string) => console.warn(s));
  const seed = seedStream(options.seed);
  const factory = options.cell === 'gru' ? gru : options.cell === 'simpleRnn' ? simpleRnn : lstm;
  const model = tf.sequential({ name: options.name ?? uniqueLayerName('sequential') });
  const last = options.layers.length - 1;
  options.layers.forEach((spec, i) => {
    const layerOptions: LstmOptions = typeof spec === 'number' ? { units: spec, activation: options.activation } : { ...spec };
    checkPositiveInt('stacked', `layers[${i}].units`, layerOptions.units, 'layers: [20, 20]');
    if (i < last) {
      if (layerOptions.returnSequences === false) {
        note(`stacked(): layer ${i} (${layerOptions.units} units) had returnSequences: false; set to true because the recurrent layer above it needs the whole sequence`);
      }
      layerOptions.returnSequences = true;
    }
    if (i === 0) layerOptions.inputShape = [timesteps, features];
    model.add(factory({ seed: seed(), ...layerOptions }));
  });
  for (const d of options.dense ?? []) {
    const opts: DenseOptions = typeof d === 'number' ? { units: d, activation: options.denseActivation } : d;
    model.add(dense({ seed: seed(), ...opts }));
  }
  model.add(dense({ units: outputs, activation: options.outputActivation, seed: seed() }));
  return finishModel(model, options.compile);
}
