import * as tf from '@tensorflow/tfjs';
import { lstm } from '../lstm';
import { dense } from '../dense';
import { bidirectional, type MergeMode } from '../bidirectional';
import { timeDistributed } from '../time-distributed';
import { uniqueLayerName } from '../layer-names';
import type { ActivationName } from '../layer-options';
import type { RecipeBaseOptions } from './compile-options';
import { finishModel } from '../internal/finish-model';
import { seedStream } from '../internal/seed-stream';
import { checkPositiveInt } from '../internal/check-positive';

/** Options of {@link bidirectionalLstm}. */
export interface BidirectionalLstmOptions extends RecipeBaseOptions {
  /** Memory cells per direction. */
  units: number;
  /** Time steps per sample. */
  timesteps: number;
  /** Features per step. Default 1. */
  features?: number;
  /** Outputs per step (or in total when `returnSequences` is false). Default 1. */
  outputs?: number;
  /** Output activation. Default `'sigmoid'` (per-step binary labels, as B10). */
  outputActivation?: ActivationName;
  /** How the directions are merged. Default `'concat'`. */
  mergeMode?: MergeMode;
  /** One output per step through TimeDistributed(Dense) (many-to-many, B10), or one per sequence. Default true. */
  returnSequences?: boolean;
}

/**
 * The bidirectional LSTM of spec B10: Bidirectional(LSTM(units, returnSequences)) →
 * TimeDistributed(Dense). With 50 units, 10 steps, 1 feature: 20,800 + 101 = 20,901 params.
 *
 * @param options sizes and merge mode
 * @returns an uncompiled `tf.Sequential`
 * @throws LayerConfigError for a non-positive size or an unknown merge mode
 * @example
 * const model = bidirectionalLstm({ units: 50, timesteps: 10 });
 */
export function bidirectionalLstm(options: BidirectionalLstmOptions): tf.Sequential {
  const units = checkPositiveInt('bidirectionalLstm', 'units', options?.units, 'bidirectionalLstm({ units: 50, timesteps: 10 })');
  const timesteps = checkPositiveInt('bidirectionalLstm', 'timesteps', options.timesteps, 'timesteps: 10');
  const features = checkPositiveInt('bidirectionalLstm', 'features', options.features ?? 1, 'features: 1');
  const outputs = checkPositiveInt('bidirectionalLstm', 'outputs', options.outputs ?? 1, 'outputs: 1');
  const perStep = options.returnSequences ?? true;
  const seed = seedStream(options.seed);
  const model = tf.sequential({ name: options.name ?? uniqueLayerName('sequential') });
  model.add(
    bidirectional({
      layer: lstm({ units, returnSequences: perStep, seed: seed() }),
      mergeMode: options.mergeMode,
      inputShape: [timesteps, features],
    }),
  );
  const out = dense({ units: outputs, activation: options.outputActivation ?? 'sigmoid', seed: seed() });
  model.add(perStep ? timeDistributed({ layer: out }) : out);
  return finishModel(model, options.compile);
}
