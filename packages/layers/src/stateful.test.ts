import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lstm } from './lstm';
import { dense } from './dense';
import { resetStates } from './stateful';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function statefulModel(): tf.Sequential {
  const model = tf.sequential({ layers: [lstm({ units: 3, stateful: true, batchInputShape: [2, 4, 1], seed: 1 }), dense({ units: 1, seed: 2 })] });
  model.compile({ loss: 'meanSquaredError', optimizer: tf.train.sgd(0.01) });
  return model;
}

describe('stateful LSTM', () => {
  it('carries state across batches; only resetStates() clears it; predicting twice works', () => {
    const model = statefulModel();
    const x = tf.ones([2, 4, 1]);
    const first = Array.from((model.predict(x) as tf.Tensor).dataSync());
    const second = Array.from((model.predict(x) as tf.Tensor).dataSync());
    expect(second[0]).not.toBeCloseTo(first[0], 6); // state carried
    expect(resetStates(model)).toBe(1);
    const afterReset = Array.from((model.predict(x) as tf.Tensor).dataSync());
    expect(afterReset).toEqual(first);
    // A stateless twin of the same weights always gives `first`.
    const stateless = tf.sequential({ layers: [lstm({ units: 3, inputShape: [4, 1], seed: 1 }), dense({ units: 1, seed: 2 })] });
    expect(Array.from((stateless.predict(x) as tf.Tensor).dataSync())).toEqual(first);
  });

  it('carries state across the batches of fit; model.resetStates() (Keras reset_states) clears it too', async () => {
    const model = statefulModel();
    const x = tf.ones([2, 4, 1]);
    const fresh = Array.from((model.predict(x) as tf.Tensor).dataSync());
    model.resetStates();
    expect(Array.from((model.predict(x) as tf.Tensor).dataSync())).toEqual(fresh);
    // Two batches of one epoch: the second starts from the first's final state.
    const xs = tf.ones([4, 4, 1]);
    await model.fit(xs, tf.zeros([4, 1]), { epochs: 1, batchSize: 2, shuffle: false, verbose: 0 });
    const carried = (model.layers[0] as any).states_ as tf.Tensor[];
    expect(carried.length).toBe(2);
    expect(Math.max(...Array.from(carried[0].dataSync()).map(Math.abs))).toBeGreaterThan(1e-3);
    model.resetStates();
    const cleared = (model.layers[0] as any).states_ as tf.Tensor[];
    expect(Array.from(cleared[0].dataSync()).every((v) => v === 0)).toBe(true);
  });

  it('resets to given states', () => {
    const model = statefulModel();
    const x = tf.ones([2, 4, 1]);
    const h = tf.fill([2, 3], 0.5);
    const c = tf.fill([2, 3], -0.5);
    resetStates(model, { [model.layers[0].name]: [h, c] });
    const a = Array.from((model.predict(x) as tf.Tensor).dataSync());
    resetStates(model, { [model.layers[0].name]: [h, c] });
    const b = Array.from((model.predict(x) as tf.Tensor).dataSync());
    expect(b).toEqual(a);
    resetStates(model);
    expect(Array.from((model.predict(x) as tf.Tensor).dataSync())).not.toEqual(a);
  });

  it('keeps tf.memory().numTensors flat over 1,000 predictions and over training steps', async () => {
    const model = statefulModel();
    const x = tf.ones([2, 4, 1]);
    const y = tf.zeros([2, 1]);
    tf.dispose(model.predict(x) as tf.Tensor);
    const start = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) tf.dispose(model.predict(x) as tf.Tensor);
    expect(tf.memory().numTensors).toBe(start);
    await model.trainOnBatch(x, y);
    const afterFirstStep = tf.memory().numTensors;
    for (let i = 0; i < 30; i++) await model.trainOnBatch(x, y);
    // tfjs keeps every batch's states until a reset; lstm-kit frees them once their step is done.
    expect(tf.memory().numTensors).toBe(afterFirstStep);
  });
});
