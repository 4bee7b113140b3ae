import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dense, disposeModel, lstm, stacked, vanilla } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('disposeModel', () => {
  it("frees a stateful model's weights, states and optimizer slots", async () => {
    const before = tf.memory().numTensors;
    const model = vanilla({ units: 4, timesteps: 3, features: 2, outputs: 1, stateful: true, batchSize: 2, seed: 1 });
    model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam() });
    const x = tf.ones([2, 3, 2]);
    const y = tf.ones([2, 1]);
    await model.trainOnBatch(x, y);
    tf.dispose(model.predict(x) as tf.Tensor);
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    expect(disposeModel(model)).toBeGreaterThanOrEqual(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves nothing behind for a plain model either', () => {
    const before = tf.memory().numTensors;
    const model = tf.sequential({ layers: [lstm({ units: 3, inputShape: [2, 1] }), dense({ units: 1 })] });
    expect(disposeModel(model)).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('gradient fixes', () => {
  it('trains a stacked LSTM on one-time-step input on the tfjs path (stock Unpack gradient throws here)', async () => {
    const model = stacked({ layers: [{ units: 4 }, { units: 4 }], timesteps: 1, features: 1, outputs: 1, seed: 3 });
    // Force the tfjs-ops path: the fused kernels never unstack, so they never met the bug.
    for (const layer of model.layers as unknown as { recurrentImplementation?: string }[]) {
      if ('recurrentImplementation' in layer) layer.recurrentImplementation = 'tfjs';
    }
    model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.01) });
    const x = tf.tensor3d([1, 2, 3, 4], [4, 1, 1]);
    const y = tf.tensor2d([10, 20, 30, 40], [4, 1]);
    const first = (await model.trainOnBatch(x, y)) as number;
    let last = first;
    for (let i = 0; i < 20; i++) last = (await model.trainOnBatch(x, y)) as number;
    expect(last).toBeLessThan(first);
    tf.dispose([x, y]);
    disposeModel(model);
  });
});
