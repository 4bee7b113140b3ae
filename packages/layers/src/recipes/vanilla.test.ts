import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { vanilla } from './vanilla';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('vanilla', () => {
  it('builds LSTM → Dense with the same weights for the same seed', () => {
    const a = vanilla({ units: 4, timesteps: 3, features: 2, outputs: 2, seed: 3 });
    const b = vanilla({ units: 4, timesteps: 3, features: 2, outputs: 2, seed: 3 });
    expect(a.countParams()).toBe(4 * ((2 + 4) * 4 + 4) + 2 * 5);
    const x = tf.randomUniform([2, 3, 2], 0, 1, 'float32', 1);
    expect(Array.from((a.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((b.predict(x) as tf.Tensor).dataSync()));
  });

  it('learns the echo problem at a reduced size (index 0 of 3-step one-hot sequences)', async () => {
    const n = 256;
    const xs = new Float32Array(n * 3 * 4);
    const ys = new Float32Array(n * 4);
    let s = 7;
    const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 4294967296);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < 3; t++) {
        const v = Math.floor(rand() * 4);
        xs[i * 12 + t * 4 + v] = 1;
        if (t === 0) ys[i * 4 + v] = 1;
      }
    }
    const model = vanilla({
      units: 8, timesteps: 3, features: 4, outputs: 4, outputActivation: 'softmax', seed: 1,
      compile: { loss: 'categoricalCrossentropy', optimizer: tf.train.adam(0.05), metrics: ['accuracy'] },
    });
    const x = tf.tensor3d(xs, [n, 3, 4]);
    const y = tf.tensor2d(ys, [n, 4]);
    const h = await model.fit(x, y, { epochs: 15, batchSize: 32, verbose: 0 });
    const acc = h.history.acc ?? h.history.accuracy;
    expect(acc[acc.length - 1] as number).toBeGreaterThan(0.95);
  });

  it('rejects a missing size with the option name', () => {
    expect(() => vanilla({ units: 25, timesteps: 0, features: 10, outputs: 10 })).toThrow(/timesteps to be a positive integer for vanilla/);
  });
});
