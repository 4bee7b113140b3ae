import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { ShapeError, ndarray } from '@lstm-kit/sequence';
import { compileModel } from './compile-model';
import { TrainingConfigError } from './errors';
import { fit } from './fit';
import { collector, echoData, meanData, tinyClassifier, tinyRegressor } from './internal/test-models';

beforeAll(async () => {
  await initBackend({ prefer: 'cpu' });
});

describe('fit', () => {
  it('learns a regression and records Keras-style history with val_ keys', async () => {
    const model = tinyRegressor(4);
    compileModel(model, { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.03 }, metrics: ['mae'] });
    const data = meanData(100, 4, 7);
    const h = await fit(model, data, { epochs: 15, batchSize: 10, validationSplit: 0.2, verbose: 0, seed: 1 });
    expect(Object.keys(h.history).sort()).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    expect(h.epoch).toEqual([...Array(15).keys()]);
    expect(h.params.samples).toBe(80);
    expect(h.params.steps).toBe(8);
    expect(h.history.loss[14]).toBeLessThan(h.history.loss[0] / 3);
    expect(h.history.val_loss[14]).toBeLessThan(0.01);
  });

  it('keys accuracy by the name given (acc / val_acc) and reaches it on a small echo task', async () => {
    const model = tinyClassifier(3, 4, 12);
    compileModel(model, { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.02 }, metrics: ['acc'] });
    const train = echoData(200, 3, 4, 0, 11);
    const val = echoData(50, 3, 4, 0, 12);
    const h = await fit(model, train, { epochs: 20, batchSize: 16, validationData: val, verbose: 0, seed: 2 });
    expect(Object.keys(h.history).sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
    expect(h.last('val_acc')).toBeGreaterThanOrEqual(0.9);
  });

  it('is repeatable with the same seed and differs with another', async () => {
    const data = meanData(40, 3, 5);
    const run = async (seed: number) => {
      const model = tinyRegressor(3);
      compileModel(model, { loss: 'mse', optimizer: 'sgd' });
      const h = await fit(model, data, { epochs: 2, batchSize: 8, verbose: 0, seed });
      model.dispose();
      return h.history.loss;
    };
    const a = await run(9);
    expect(await run(9)).toEqual(a);
    expect(await run(10)).not.toEqual(a);
  });

  it('keeps tf.memory().numTensors flat across epochs', async () => {
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mse', optimizer: 'adam', metrics: ['mae', 'rmse'] });
    const data = meanData(30, 3, 5);
    await fit(model, data, { epochs: 1, batchSize: 7, verbose: 0, validationSplit: 0.2 });
    const before = tf.memory().numTensors;
    let perEpoch: number[] = [];
    await fit(model, data, {
      epochs: 4,
      batchSize: 7,
      verbose: 0,
      validationSplit: 0.2,
      callbacks: [{ onEpochEnd: () => void perEpoch.push(tf.memory().numTensors) }],
    });
    expect(new Set(perEpoch).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('resumes at initialEpoch and stops when a callback asks', async () => {
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mae', optimizer: 'adam' });
    const h = await fit(model, meanData(20, 3, 1), {
      epochs: 10,
      initialEpoch: 4,
      verbose: 0,
      callbacks: [{ onEpochEnd: (e, _logs, ctx) => void (e === 6 && (ctx.stopTraining = true)) }],
    });
    expect(h.epoch).toEqual([4, 5, 6]);
  });

  it('prints one line per epoch off a terminal and a bar with ETA on one', async () => {
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mse', optimizer: 'adam' });
    const data = meanData(20, 3, 1);
    const lines = collector(false);
    await fit(model, data, { epochs: 2, batchSize: 5, output: lines });
    const text = lines.text().trim().split('\n');
    expect(text).toHaveLength(2);
    expect(text[0]).toMatch(/^Epoch 1\/2 - 4 steps - \d+m?s - loss: \d\.\d{4}$/);
    const tty = collector(true);
    await fit(model, data, { epochs: 1, batchSize: 5, output: tty });
    expect(tty.text()).toMatch(/^Epoch 1\/1\n/);
    expect(tty.text()).toMatch(/\r4\/4 \[={30}\] - \d+m?s \d+m?s\/step - loss: \d\.\d{4}/);
    const silent = collector(false);
    await fit(model, data, { epochs: 1, output: silent, verbose: 0 });
    expect(silent.text()).toBe('');
  });

  it('names the dimension that disagrees between data and model', async () => {
    const model = tinyRegressor(4);
    compileModel(model, { loss: 'mse', optimizer: 'adam' });
    const good = meanData(10, 4, 1);
    await expect(fit(model, meanData(10, 3, 1), { verbose: 0 })).rejects.toThrow(/x dimension 1 \(timesteps\) is 3 but the model input expects 4/);
    await expect(fit(model, { x: good.x, y: ndarray(new Float32Array(9), [9, 1]) }, { verbose: 0 })).rejects.toThrow(
      'x has 10 samples but y has 9: dimension 0 must agree',
    );
    await expect(fit(model, { x: good.x, y: ndarray(new Float32Array(20), [10, 2]) }, { verbose: 0 })).rejects.toThrow(ShapeError);
    await expect(fit(model, { x: ndarray(new Float32Array(40), [10, 4]), y: good.y }, { verbose: 0 })).rejects.toThrow(/x has 2 dimensions/);
  });

  it('refuses an uncompiled model and bad options with TrainingConfigError', async () => {
    const model = tinyRegressor(4);
    await expect(fit(model, meanData(4, 4, 1), { verbose: 0 })).rejects.toThrow(/not compiled; call compileModel/);
    compileModel(model, { loss: 'mse', optimizer: 'adam' });
    await expect(fit(model, meanData(4, 4, 1), { verbose: 0, batchSize: 0 })).rejects.toThrow(TrainingConfigError);
    await expect(fit(model, meanData(4, 4, 1), { verbose: 0, validationSplit: 0.9 })).rejects.toThrow(/leaves no training samples/);
  });
});
