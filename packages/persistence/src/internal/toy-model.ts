import * as tf from '@tensorflow/tfjs';
import { dense, lstm } from '@lstm-kit/layers';

/*
 * Test support only (not exported): B13's LSTM(10) → Dense(1) on a toy series, trained for
 * a few epochs so that weights differ from their initial values; the tests compare
 * predictions before and after saving, not skill.
 */

/** B13's toy data: windows of 3 steps of 0.0, 0.1, … and the value that follows. */
export function toyData(): { x: tf.Tensor3D; y: tf.Tensor2D } {
  const xs: number[][][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 8; i++) {
    xs.push([[i / 10], [(i + 1) / 10], [(i + 2) / 10]]);
    ys.push((i + 3) / 10);
  }
  return { x: tf.tensor3d(xs), y: tf.tensor2d(ys, [ys.length, 1]) };
}

/** A small compiled LSTM(10) → Dense(1) model on `[3, 1]` inputs. */
export function toyModel(units = 10): tf.Sequential {
  const model = tf.sequential();
  // lstm-kit's layers, as users build them: a model loaded back is made of the same classes
  // (and runs on the same fused kernels), so its predictions are identical to the bit.
  model.add(lstm({ units, inputShape: [3, 1] }));
  model.add(dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

/** A toy model trained for a few epochs (no shuffling, so runs repeat exactly). */
export async function trainedToyModel(epochs = 3): Promise<tf.Sequential> {
  const model = toyModel();
  const { x, y } = toyData();
  await model.fit(x, y, { epochs, batchSize: 4, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
  return model;
}

/** The model's predictions on the toy inputs, as plain numbers. */
export function predictToy(model: tf.LayersModel): number[] {
  const { x, y } = toyData();
  const out = model.predict(x) as tf.Tensor;
  const values = Array.from(out.dataSync());
  tf.dispose([x, y, out]);
  return values;
}
