import * as tf from '@tensorflow/tfjs';
import { lstm } from '../lstm';
import { dense } from '../dense';
import { dropout } from '../dropout';
import { uniqueLayerName } from '../layer-names';
import type { RecipeBaseOptions } from './compile-options';
import { finishModel } from '../internal/finish-model';
import { seedStream } from '../internal/seed-stream';
import { checkPositiveInt } from '../internal/check-positive';
import { LayerConfigError } from '../errors';

/** Options of {@link deepLstm} (the traffic-flow builder of spec L6). */
export interface DeepLstmOptions extends RecipeBaseOptions {
  /** Time steps per sample (the look-back window). */
  timesteps: number;
  /** Features per step (multivariate input). */
  features: number;
  /** Number of LSTM layers (≥ 1). */
  hLayers: number;
  /** Full width of the LSTM layers: the first has half, the middle ones this, the last double. */
  units: number;
  /** Units of the hidden Dense layer (relu). */
  hNeurons: number;
  /** Dropout fraction after each LSTM and after the hidden Dense. Default 0.2. */
  dropout?: number;
  /** Units of an optional second hidden Dense layer (relu). Default none. */
  secondDense?: number;
  /** Steps predicted at once (outputs of the last Dense). */
  multisteps: number;
}

/**
 * The deep LSTM builder of spec L6: `hLayers` LSTM layers (first half-width, middle full width,
 * last double width; all but the last return sequences), dropout after each, Dense(hNeurons,
 * relu) + dropout, an optional second Dense, and Dense(multisteps) for a multi-step forecast.
 *
 * @param options layer counts and widths
 * @returns an uncompiled `tf.Sequential` (the lab compiles it with an RMSE loss, Adam, metrics MAE and RMSE)
 * @throws LayerConfigError for a non-positive size or a dropout outside [0, 1)
 * @example
 * const model = deepLstm({ timesteps: 12, features: 3, hLayers: 3, units: 64, hNeurons: 32, multisteps: 4 });
 */
export function deepLstm(options: DeepLstmOptions): tf.Sequential {
  const ex = 'deepLstm({ timesteps: 12, features: 3, hLayers: 3, units: 64, hNeurons: 32, multisteps: 4 })';
  const timesteps = checkPositiveInt('deepLstm', 'timesteps', options?.timesteps, ex);
  const features = checkPositiveInt('deepLstm', 'features', options.features, ex);
  const hLayers = checkPositiveInt('deepLstm', 'hLayers', options.hLayers, ex);
  const units = checkPositiveInt('deepLstm', 'units', options.units, ex);
  const hNeurons = checkPositiveInt('deepLstm', 'hNeurons', options.hNeurons, ex);
  const multisteps = checkPositiveInt('deepLstm', 'multisteps', options.multisteps, ex);
  const rate = options.dropout ?? 0.2;
  if (!(rate >= 0 && rate < 1)) throw new LayerConfigError(`expected dropout in [0, 1) for deepLstm(), got ${rate}`);
  const seed = seedStream(options.seed);
  const widths = deepLstmWidths(hLayers, units);
  const model = tf.sequential({ name: options.name ?? uniqueLayerName('sequential') });
  widths.forEach((w, i) => {
    model.add(
      lstm({
        units: w,
        returnSequences: i < widths.length - 1,
        seed: seed(),
        ...(i === 0 ? { inputShape: [timesteps, features] } : {}),
      }),
    );
    model.add(dropout({ rate, seed: seed() }));
  });
  model.add(dense({ units: hNeurons, activation: 'relu', seed: seed() }));
  model.add(dropout({ rate, seed: seed() }));
  if (options.secondDense !== undefined) {
    model.add(dense({ units: checkPositiveInt('deepLstm', 'secondDense', options.secondDense, 'secondDense: 16'), activation: 'relu', seed: seed() }));
  }
  model.add(dense({ units: multisteps, seed: seed() }));
  return finishModel(model, options.compile);
}

/**
 * The LSTM widths of {@link deepLstm}: one layer is full width; with more, the first is half
 * width (at least 1), the last double, the middle ones full.
 *
 * @param hLayers number of LSTM layers
 * @param units full width
 * @returns widths bottom to top
 * @example
 * deepLstmWidths(3, 64); // [32, 64, 128]
 */
export function deepLstmWidths(hLayers: number, units: number): number[] {
  if (hLayers === 1) return [units];
  const widths = [Math.max(1, Math.floor(units / 2))];
  for (let i = 1; i < hLayers - 1; i++) widths.push(units);
  widths.push(units * 2);
  return widths;
}
