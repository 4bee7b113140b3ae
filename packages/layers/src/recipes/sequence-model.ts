import * as tf from '@tensorflow/tfjs';
import { lstm } from '../lstm';
import { dense } from '../dense';
import { repeatVector } from '../repeat-vector';
import { timeDistributed } from '../time-distributed';
import { uniqueLayerName } from '../layer-names';
import { LayerConfigError } from '../errors';
import type { ActivationName } from '../layer-options';
import type { RecipeBaseOptions } from './compile-options';
import { finishModel } from '../internal/finish-model';
import { seedStream } from '../internal/seed-stream';
import { checkPositiveInt } from '../internal/check-positive';

/** The four framings of sequence prediction the course names. */
export type SequenceType = 'one-to-one' | 'one-to-many' | 'many-to-one' | 'many-to-many';

/** Options of {@link sequenceModel}. */
export interface SequenceModelOptions extends RecipeBaseOptions {
  /** Which framing to build. */
  type: SequenceType;
  /** Features per input step. */
  features: number;
  /** Outputs per output step. */
  outputs: number;
  /** Memory cells. Default 10. */
  units?: number;
  /** Input steps (many-to-one, many-to-many). Ignored for one-to-*: they take one step. */
  timesteps?: number;
  /** Output steps (one-to-many; many-to-many when different from the input's). Default: `timesteps`. */
  outputLength?: number;
  /** Output activation. Default `'linear'`. */
  outputActivation?: ActivationName;
}

/** The model built by {@link sequenceModel} and what it is. */
export interface SequenceModel {
  /** The uncompiled model. */
  readonly model: tf.Sequential;
  /** The framing built. */
  readonly type: SequenceType;
  /** Input shape of one sample, `[timesteps, features]`. */
  readonly inputShape: [number, number];
  /** Output shape of one sample: `[outputs]` or `[steps, outputs]`. */
  readonly outputShape: number[];
  /** One sentence on the framing and the architecture chosen for it. */
  readonly description: string;
}

/**
 * Build the smallest LSTM model for a framing and say which one it built: one-to-one (one step
 * in, one value out), one-to-many (one step in, a sequence out: encoder → RepeatVector →
 * decoder), many-to-one (a sequence in, one value out), many-to-many (a sequence in, one output
 * per step; an encoder-decoder when the lengths differ).
 *
 * @param options the framing and sizes
 * @returns the model with its framing, shapes and a description
 * @throws LayerConfigError for an unknown type or a missing size
 * @example
 * const { model, description } = sequenceModel({ type: 'many-to-one', timesteps: 5, features: 10, outputs: 10 });
 * console.log(description); // many-to-one: 5 steps of 10 features → 10 outputs (LSTM → Dense)
 */
export function sequenceModel(options: SequenceModelOptions): SequenceModel {
  const types: SequenceType[] = ['one-to-one', 'one-to-many', 'many-to-one', 'many-to-many'];
  if (!types.includes(options?.type)) {
    throw new LayerConfigError(`expected type 'one-to-one', 'one-to-many', 'many-to-one' or 'many-to-many' for sequenceModel(), got '${options?.type}'`);
  }
  const features = checkPositiveInt('sequenceModel', 'features', options.features, 'features: 1');
  const outputs = checkPositiveInt('sequenceModel', 'outputs', options.outputs, 'outputs: 1');
  const units = checkPositiveInt('sequenceModel', 'units', options.units ?? 10, 'units: 10');
  const many = options.type.startsWith('many');
  const timesteps = many ? checkPositiveInt('sequenceModel', 'timesteps', options.timesteps, `timesteps: 5 (${options.type} takes a sequence)`) : 1;
  const seed = seedStream(options.seed);
  const model = tf.sequential({ name: options.name ?? uniqueLayerName('sequential') });
  const out = () => dense({ units: outputs, activation: options.outputActivation, seed: seed() });
  let outputShape: number[];
  let description: string;
  const inDesc = many ? `${timesteps} steps of ${features} features` : `1 step of ${features} features`;
  if (options.type === 'one-to-one' || options.type === 'many-to-one') {
    model.add(lstm({ units, inputShape: [timesteps, features], seed: seed() }));
    model.add(out());
    outputShape = [outputs];
    description = `${options.type}: ${inDesc} → ${outputs} outputs (LSTM → Dense)`;
  } else {
    const steps = checkPositiveInt(
      'sequenceModel',
      'outputLength',
      options.outputLength ?? (options.type === 'many-to-many' ? timesteps : undefined),
      'outputLength: 3 (steps of the output sequence)',
    );
    if (options.type === 'many-to-many' && steps === timesteps) {
      model.add(lstm({ units, returnSequences: true, inputShape: [timesteps, features], seed: seed() }));
      model.add(timeDistributed({ layer: out() }));
      description = `many-to-many: ${inDesc} → ${steps} steps of ${outputs} outputs, equal lengths (LSTM returnSequences → TimeDistributed(Dense))`;
    } else {
      model.add(lstm({ units, inputShape: [timesteps, features], seed: seed() }));
      model.add(repeatVector({ n: steps }));
      model.add(lstm({ units, returnSequences: true, seed: seed() }));
      model.add(timeDistributed({ layer: out() }));
      description = `${options.type}: ${inDesc} → ${steps} steps of ${outputs} outputs${options.type === 'many-to-many' ? ', different lengths' : ''} (encoder LSTM → RepeatVector → decoder LSTM → TimeDistributed(Dense))`;
    }
    outputShape = [steps, outputs];
  }
  return { model: finishModel(model, options.compile), type: options.type, inputShape: [timesteps, features], outputShape, description };
}
