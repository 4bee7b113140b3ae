import * as tf from '@tensorflow/tfjs';
import { lstm } from '../lstm';
import { dense } from '../dense';
import { repeatVector } from '../repeat-vector';
import { timeDistributed } from '../time-distributed';
import { uniqueLayerName } from '../layer-names';
import type { ActivationName } from '../layer-options';
import type { RecipeBaseOptions } from './compile-options';
import { finishModel } from '../internal/finish-model';
import { seedStream } from '../internal/seed-stream';
import { checkPositiveInt } from '../internal/check-positive';

/** Options of {@link encoderDecoder}. */
export interface EncoderDecoderOptions extends RecipeBaseOptions {
  /** Time steps of the input sequence. */
  inputLength: number;
  /** Features per input step (e.g. 12 one-hot symbols). */
  inputFeatures: number;
  /** Time steps of the output sequence (may differ from the input's). */
  outputLength: number;
  /** Features per output step. */
  outputFeatures: number;
  /** Memory cells of the encoder LSTM. */
  encoderUnits: number;
  /** Memory cells of the decoder LSTM. */
  decoderUnits: number;
  /** Activation of the per-step output. Default `'softmax'`. */
  outputActivation?: ActivationName;
}

/**
 * The encoder-decoder LSTM of spec B9 (sequence to sequence of a different length): LSTM
 * encoder → RepeatVector(outputLength) → LSTM decoder (returnSequences) →
 * TimeDistributed(Dense). For addition of 3 terms up to 10: 26,400 + 0 + 25,200 + 612 = 52,212.
 *
 * @param options lengths, feature counts and unit counts
 * @returns an uncompiled `tf.Sequential` with input `[inputLength, inputFeatures]` and output `[outputLength, outputFeatures]`
 * @throws LayerConfigError when a length, feature count or unit count is missing or not a positive integer
 * @example
 * const model = encoderDecoder({ inputLength: 8, inputFeatures: 12, outputLength: 2, outputFeatures: 12, encoderUnits: 75, decoderUnits: 50 });
 */
export function encoderDecoder(options: EncoderDecoderOptions): tf.Sequential {
  const ex = 'encoderDecoder({ inputLength: 8, inputFeatures: 12, outputLength: 2, outputFeatures: 12, encoderUnits: 75, decoderUnits: 50 })';
  const inputLength = checkPositiveInt('encoderDecoder', 'inputLength', options?.inputLength, ex);
  const inputFeatures = checkPositiveInt('encoderDecoder', 'inputFeatures', options.inputFeatures, ex);
  const outputLength = checkPositiveInt('encoderDecoder', 'outputLength (steps of y, the decoder repeats the encoding this often)', options.outputLength, ex);
  const outputFeatures = checkPositiveInt('encoderDecoder', 'outputFeatures', options.outputFeatures, ex);
  const encoderUnits = checkPositiveInt('encoderDecoder', 'encoderUnits', options.encoderUnits, ex);
  const decoderUnits = checkPositiveInt('encoderDecoder', 'decoderUnits', options.decoderUnits, ex);
  const seed = seedStream(options.seed);
  const model = tf.sequential({ name: options.name ?? uniqueLayerName('sequential') });
  model.add(lstm({ units: encoderUnits, inputShape: [inputLength, inputFeatures], seed: seed() }));
  model.add(repeatVector({ n: outputLength }));
  model.add(lstm({ units: decoderUnits, returnSequences: true, seed: seed() }));
  model.add(timeDistributed({ layer: dense({ units: outputFeatures, activation: options.outputActivation ?? 'softmax', seed: seed() }) }));
  return finishModel(model, options.compile);
}
