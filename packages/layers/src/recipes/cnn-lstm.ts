import * as tf from '@tensorflow/tfjs';
import { lstm } from '../lstm';
import { dense } from '../dense';
import { conv2d } from '../conv2d';
import { maxPooling2d } from '../max-pooling2d';
import { flatten } from '../flatten';
import { timeDistributed } from '../time-distributed';
import { uniqueLayerName } from '../layer-names';
import type { ActivationName } from '../layer-options';
import type { RecipeBaseOptions } from './compile-options';
import { finishModel } from '../internal/finish-model';
import { seedStream } from '../internal/seed-stream';
import { checkPositiveInt } from '../internal/check-positive';

/** Options of {@link cnnLstm}. */
export interface CnnLstmOptions extends RecipeBaseOptions {
  /** Frames per sequence (time steps). */
  frames: number;
  /** Frame height in pixels. */
  height: number;
  /** Frame width in pixels. */
  width: number;
  /** Channels per pixel. Default 1. */
  channels?: number;
  /** Convolution filters. Default 2 (spec B8). */
  filters?: number;
  /** Convolution window. Default 2. */
  kernelSize?: number;
  /** Max-pooling window. Default 2. */
  poolSize?: number;
  /** Activation of the convolution. Default `'relu'`. */
  convActivation?: ActivationName;
  /** LSTM memory cells. Default 50. */
  units?: number;
  /** Outputs. Default 1. */
  outputs?: number;
  /** Output activation. Default `'sigmoid'` (binary classification, as B8). */
  outputActivation?: ActivationName;
}

/**
 * The CNN-LSTM of spec B8: TimeDistributed(Conv2D) → TimeDistributed(MaxPooling2D) →
 * TimeDistributed(Flatten) → LSTM → Dense. With 50 frames of 50×50×1: output shapes 49×49×2,
 * 24×24×2, 1152, and 10 + 0 + 0 + 240,600 + 51 = 240,661 params.
 *
 * @param options frame sizes and layer sizes
 * @returns an uncompiled `tf.Sequential`
 * @throws LayerConfigError for a non-positive size
 * @example
 * const model = cnnLstm({ frames: 50, height: 50, width: 50 });
 * model.compile({ loss: 'binaryCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
 */
export function cnnLstm(options: CnnLstmOptions): tf.Sequential {
  const frames = checkPositiveInt('cnnLstm', 'frames', options?.frames, 'cnnLstm({ frames: 50, height: 50, width: 50 })');
  const height = checkPositiveInt('cnnLstm', 'height', options.height, 'height: 50');
  const width = checkPositiveInt('cnnLstm', 'width', options.width, 'width: 50');
  const channels = checkPositiveInt('cnnLstm', 'channels', options.channels ?? 1, 'channels: 1');
  const seed = seedStream(options.seed);
  const model = tf.sequential({ name: options.name ?? uniqueLayerName('sequential') });
  model.add(
    timeDistributed({
      layer: conv2d({ filters: options.filters ?? 2, kernelSize: options.kernelSize ?? 2, activation: options.convActivation ?? 'relu', seed: seed() }),
      inputShape: [frames, height, width, channels],
    }),
  );
  model.add(timeDistributed({ layer: maxPooling2d({ poolSize: options.poolSize ?? 2 }) }));
  model.add(timeDistributed({ layer: flatten() }));
  model.add(lstm({ units: options.units ?? 50, seed: seed() }));
  model.add(dense({ units: options.outputs ?? 1, activation: options.outputActivation ?? 'sigmoid', seed: seed() }));
  return finishModel(model, options.compile);
}
