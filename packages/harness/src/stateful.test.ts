import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { ShapeError, createRng, ndarray } from '@lstm-kit/sequence';
import { compileModel } from './compile-model';
import { TrainingConfigError } from './errors';
import { evaluate } from './evaluate';
import { fit } from './fit';
import { predict } from './predict';
import { fitTruncatedBptt } from './truncated-bptt';

beforeAll(async () => {
  await initBackend({ prefer: 'cpu' });
});

function statefulModel(batch: number, timesteps: number, returnSequences = false): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 6, stateful: true, returnSequences, batchInputShape: [batch, timesteps, 1], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), recurrentInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  const dense = tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) });
  model.add(returnSequences ? tf.layers.timeDistributed({ layer: dense }) : dense);
  return model;
}

function series(samples: number, timesteps: number, seed: number) {
  const rng = createRng(seed);
  const x = Float32Array.from({ length: samples * timesteps }, () => rng.uniform());
  const y = Float32Array.from({ length: samples }, (_, i) => x[i * timesteps]);
  return { x: ndarray(x, [samples, timesteps, 1]), y: ndarray(y, [samples, 1]) };
}

describe('stateful training', () => {
  it('carries state across batches, resets after predict and evaluate, and does not leak', async () => {
    const model = statefulModel(2, 3);
    compileModel(model, { loss: 'mse', optimizer: 'adam' });
    const data = series(8, 3, 1);
    await fit(model, data, { epochs: 1, verbose: 0 });
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    const h = await fit(model, data, { epochs: 3, verbose: 0, resetStates: 'manual', callbacks: [{ onEpochEnd: () => void counts.push(tf.memory().numTensors) }] });
    expect(h.params.batchSize).toBe(2);
    expect(new Set(counts).size).toBe(1);
    model.resetStates();
    expect(tf.memory().numTensors).toBe(before);

    const a = await predict(model, data.x);
    const b = await predict(model, data.x);
    expect(Array.from(b.data)).toEqual(Array.from(a.data)); // reset after each predict
    const carried = await predict(model, data.x, { resetStates: false });
    const next = await predict(model, data.x);
    expect(Array.from(next.data)).not.toEqual(Array.from(carried.data)); // started from the carried state
    const e1 = await evaluate(model, data);
    const e2 = await evaluate(model, data);
    expect(e2.loss).toBe(e1.loss);
  });

  it('uses the training batch size and whole batches, with messages saying so', async () => {
    const model = statefulModel(2, 3);
    compileModel(model, { loss: 'mse', optimizer: 'adam' });
    await expect(fit(model, series(7, 3, 1), { verbose: 0 })).rejects.toThrow(/7 samples, not a multiple of the stateful batch size 2/);
    await expect(fit(model, series(8, 3, 1), { verbose: 0, batchSize: 4 })).rejects.toThrow(TrainingConfigError);
    await expect(predict(model, series(8, 3, 1).x, { batchSize: 1 })).rejects.toThrow(/fixed batch size 2/);
  });
});

describe('fitTruncatedBptt', () => {
  // target at each step = the input one step earlier: at the first step of every sub-sequence
  // only the carried state knows it.
  function delayed(samples: number, steps: number, seed: number) {
    const rng = createRng(seed);
    const x = Float32Array.from({ length: samples * steps }, () => rng.uniform());
    const y = new Float32Array(samples * steps);
    for (let s = 0; s < samples; s++) for (let t = 1; t < steps; t++) y[s * steps + t] = x[s * steps + t - 1];
    return { x: ndarray(x, [samples, steps, 1]), y: ndarray(y, [samples, steps, 1]) };
  }

  it('updates once per sub-sequence, carries state, learns, and keeps memory flat', async () => {
    const model = statefulModel(1, 4, true);
    compileModel(model, { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.03 } });
    const data = delayed(2, 16, 3);
    const updates: number[] = [];
    await fitTruncatedBptt(model, data, { subsequenceLength: 4, epochs: 1, verbose: 0 });
    const before = tf.memory().numTensors;
    const h = await fitTruncatedBptt(model, data, {
      subsequenceLength: 4,
      epochs: 30,
      verbose: 0,
      callbacks: [{ onBatchEnd: (b) => void updates.push(b) }],
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(h.params.steps).toBe(8); // 2 sequences × 4 sub-sequences
    expect(updates.length).toBe(30 * 8);
    expect(h.history.loss[29]).toBeLessThan(h.history.loss[0] / 2);
  });

  it('checks the split and the model', async () => {
    const model = statefulModel(1, 4, true);
    compileModel(model, { loss: 'mse', optimizer: 'adam' });
    await expect(fitTruncatedBptt(model, delayed(1, 10, 1), { subsequenceLength: 4, verbose: 0 })).rejects.toThrow(ShapeError);
    await expect(fitTruncatedBptt(model, delayed(1, 12, 1), { subsequenceLength: 3, verbose: 0 })).rejects.toThrow(/differs from the model input's timesteps 4/);
    const stateless = tf.sequential({ layers: [tf.layers.lstm({ units: 2, inputShape: [4, 1] }), tf.layers.dense({ units: 1 })] });
    compileModel(stateless, { loss: 'mse', optimizer: 'adam' });
    await expect(fitTruncatedBptt(stateless, { x: ndarray(new Float32Array(8), [1, 8, 1]), y: ndarray(new Float32Array(2), [1, 2, 1]) }, { subsequenceLength: 4, verbose: 0 })).rejects.toThrow(/must be stateful/);
  });
});
