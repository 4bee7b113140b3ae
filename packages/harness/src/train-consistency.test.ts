import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { dense, disposeModel, lstm } from '@lstm-kit/layers';
import { ndarray } from '@lstm-kit/sequence';
import { compileModel } from './compile-model';
import { fit } from './fit';
import { fitOnline } from './fit-online';

// The fused optimizers write new weights straight into the backend's memory. Whatever reads
// the weights afterwards (predict, getWeights, a saved file) must see the same values: a
// model rebuilt from getWeights() must predict exactly what the trained model predicts.
function build(seed: number): tf.Sequential {
  return tf.sequential({ layers: [lstm({ units: 6, inputShape: [4, 2], seed }), dense({ units: 1, seed: seed + 1 })] });
}

const x = ndarray(Float32Array.from({ length: 8 * 4 * 2 }, (_, i) => Math.sin(i)), [8, 4, 2]);
const y = ndarray(Float32Array.from({ length: 8 }, (_, i) => Math.cos(i)), [8, 1]);

async function expectWeightsAndPredictionsAgree(model: tf.Sequential): Promise<void> {
  const copy = build(99);
  copy.setWeights(model.getWeights());
  const input = tf.tensor(x.data, x.shape as number[]);
  const a = (model.predict(input) as tf.Tensor).dataSync();
  const b = (copy.predict(input) as tf.Tensor).dataSync();
  expect(Array.from(a)).toEqual(Array.from(b));
  tf.dispose(input);
  disposeModel(copy);
}

describe.each(['wasm', 'cpu'] as const)('weights after training with the fused optimizers on %s', (backend) => {
  beforeAll(async () => {
    await initBackend({ prefer: backend });
  });

  for (const optimizer of ['adam', 'sgd', 'rmsprop', 'adagrad'] as const) {
    it(`${optimizer}: predict matches a model rebuilt from getWeights(), after fit and after fitOnline`, async () => {
      const model = build(1);
      compileModel(model, { loss: 'mse', optimizer });
      const before = model.getWeights().map((w) => Array.from(w.dataSync()));
      await fit(model, { x, y }, { epochs: 3, batchSize: 4, verbose: 0, seed: 1 });
      const after = model.getWeights().map((w) => Array.from(w.dataSync()));
      expect(after).not.toEqual(before);
      await expectWeightsAndPredictionsAgree(model);
      let step = 0;
      await fitOnline(model, () => ({ x: ndarray(x.data.subarray(8 * (step % 8), 8 * (step++ % 8) + 8), [1, 4, 2]), y: ndarray([y.data[step % 8]], [1, 1]) }), {
        updates: 20,
        verbose: 0,
      });
      await expectWeightsAndPredictionsAgree(model);
      disposeModel(model);
    });
  }
});
