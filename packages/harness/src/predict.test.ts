import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { ndarray } from '@lstm-kit/sequence';
import { compileModel } from './compile-model';
import { evaluate } from './evaluate';
import { classesOf, predict, predictClasses, predictProba } from './predict';
import { echoData, tinyClassifier } from './internal/test-models';

beforeAll(async () => {
  await initBackend({ prefer: 'cpu' });
});

describe('predict, predictProba, predictClasses, evaluate', () => {
  it('batches predictions to the same values as one tfjs predict call, without leaks', async () => {
    const model = tinyClassifier(3, 4);
    const { x } = echoData(37, 3, 4, 0, 5);
    const before = tf.memory().numTensors;
    const p = await predict(model, x, { batchSize: 8 });
    expect(tf.memory().numTensors).toBe(before);
    expect(p.shape).toEqual([37, 4]);
    const ref = tf.tidy(() => (model.predict(tf.tensor(x.data, [37, 3, 4])) as tf.Tensor).dataSync());
    for (let i = 0; i < ref.length; i++) expect(p.data[i]).toBeCloseTo(ref[i], 5);
    const proba = await predictProba(model, x);
    for (let r = 0; r < 37; r++) expect(proba.data.subarray(r * 4, r * 4 + 4).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    const classes = await predictClasses(model, x);
    expect(classes.shape).toEqual([37]);
    expect(classes.data).toEqual(classesOf(p).data);
  });

  it('takes the arg-max over the last axis, or the 0.5 threshold for one unit', () => {
    expect(Array.from(classesOf(ndarray([0.1, 0.7, 0.2, 0.5, 0.2, 0.3], [2, 3])).data)).toEqual([1, 0]);
    expect(Array.from(classesOf(ndarray([0.2, 0.51, 0.5], [3, 1])).data)).toEqual([0, 1, 0]);
    const seq = classesOf(ndarray([1, 0, 0, 1, 0.3, 0.7, 0.9, 0.1], [2, 2, 2]));
    expect(seq.shape).toEqual([2, 2]);
    expect(Array.from(seq.data)).toEqual([0, 1, 1, 0]);
  });

  it('evaluates loss and accuracy averaged over samples, independent of batch size', async () => {
    const model = tinyClassifier(3, 4);
    compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['acc', 'sequenceAccuracy'] });
    const data = echoData(30, 3, 4, 0, 8);
    const a = await evaluate(model, data, { batchSize: 7 });
    const b = await evaluate(model, data, { batchSize: 30 });
    expect(a.loss).toBeCloseTo(b.loss, 5);
    expect(a.acc).toBeCloseTo(b.acc, 6);
    const predicted = await predictClasses(model, data.x);
    const truth = classesOf(data.y);
    const manual = predicted.data.filter((c, i) => c === truth.data[i]).length / 30;
    expect(a.acc).toBeCloseTo(manual, 6);
    expect(a.sequenceAccuracy).toBeCloseTo(manual, 6);
    const ce = tf.tidy(() => tf.metrics.categoricalCrossentropy(tf.tensor(data.y.data, [30, 4]), model.predict(tf.tensor(data.x.data, [30, 3, 4])) as tf.Tensor).mean().dataSync()[0]);
    expect(a.loss).toBeCloseTo(ce, 4);
  });
});
