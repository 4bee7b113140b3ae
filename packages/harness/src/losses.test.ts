import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { TrainingConfigError } from './errors';
import { resolveLoss } from './losses';
import { resolveMetric } from './metrics';
import { getLearningRate, resolveOptimizer, setLearningRate } from './optimizers';

beforeAll(async () => {
  await initBackend({ prefer: 'cpu' });
});

const value = (t: tf.Tensor) => {
  const v = t.dataSync();
  t.dispose();
  return Array.from(v);
};

describe('losses', () => {
  const yt = () => tf.tensor2d([[1, 0], [0, 1]]);
  const yp = () => tf.tensor2d([[0.8, 0.2], [0.4, 0.6]]);

  it('computes mse, mae, rmse by Keras names in both spellings', () => {
    expect(value(resolveLoss('mse').fn(yt(), yp()))[0]).toBeCloseTo((0.04 + 0.04 + 0.16 + 0.16) / 4, 6);
    expect(value(resolveLoss('mean_absolute_error').fn(yt(), yp()))[0]).toBeCloseTo(0.3, 6);
    expect(value(resolveLoss('rmse').fn(yt(), yp()))[0]).toBeCloseTo(Math.sqrt(0.1), 6);
  });

  it('computes cross-entropies like Keras', () => {
    expect(value(resolveLoss('categorical_crossentropy').fn(yt(), yp()))[0]).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 5);
    const b = value(resolveLoss('binaryCrossentropy').fn(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.9], [0.2]])))[0];
    expect(b).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 5);
    // a saturated prediction is clipped, not infinite
    expect(Number.isFinite(value(resolveLoss('binaryCrossentropy').fn(tf.tensor2d([[1]]), tf.tensor2d([[0]])))[0])).toBe(true);
  });

  it('rejects an unknown name, listing the known ones', () => {
    expect(() => resolveLoss('msee')).toThrow(TrainingConfigError);
    expect(() => resolveLoss('msee')).toThrow(/'mse'/);
  });
});

describe('metrics', () => {
  const cat = { lossName: 'categoricalCrossentropy', outputUnits: 3 };
  it('picks categorical or binary accuracy for acc like Keras', () => {
    const acc = resolveMetric('acc', cat);
    expect(acc.name).toBe('acc');
    expect(value(acc.perSample(tf.tensor2d([[0, 1, 0], [1, 0, 0]]), tf.tensor2d([[0.1, 0.8, 0.1], [0.2, 0.7, 0.1]])))).toEqual([1, 0]);
    const bin = resolveMetric('accuracy', { lossName: 'meanSquaredError', outputUnits: 1 });
    expect(value(bin.perSample(tf.tensor2d([[1], [0], [1]]), tf.tensor2d([[0.6], [0.4], [0.3]])))).toEqual([1, 1, 0]);
  });

  it('gives per-time-step accuracy and whole-sequence exact match', () => {
    // two sequences of 3 steps, 2 classes; the first has one wrong step
    const yTrue = tf.tensor3d([[[1, 0], [0, 1], [1, 0]], [[0, 1], [0, 1], [1, 0]]]);
    const yPred = tf.tensor3d([[[0.9, 0.1], [0.8, 0.2], [0.7, 0.3]], [[0.1, 0.9], [0.4, 0.6], [0.6, 0.4]]]);
    const perStep = value(resolveMetric('timestepAccuracy', { lossName: 'categoricalCrossentropy', outputUnits: 2 }).perSample(yTrue, yPred));
    expect(perStep[0]).toBeCloseTo(2 / 3, 6);
    expect(perStep[1]).toBe(1);
    expect(value(resolveMetric('sequenceAccuracy', cat).perSample(yTrue, yPred))).toEqual([0, 1]);
    const binSeq = resolveMetric('sequenceAccuracy', cat).perSample(tf.tensor3d([[[1], [0]], [[1], [1]]]), tf.tensor3d([[[0.7], [0.2]], [[0.7], [0.4]]]));
    expect(value(binSeq)).toEqual([1, 0]);
  });

  it('reports rmse as the root of the mean over samples', () => {
    const rmse = resolveMetric('rmse', cat);
    expect(rmse.finalize?.(0.25)).toBe(0.5);
    expect(() => resolveMetric('f1', cat)).toThrow(/unknown metric 'f1'/);
  });
});

describe('optimizers', () => {
  it('builds Keras defaults by name and config', () => {
    const adam = resolveOptimizer('Adam');
    expect(adam.getClassName()).toBe('Adam');
    expect(getLearningRate(adam)).toBe(0.001);
    expect(getLearningRate(resolveOptimizer('sgd'))).toBe(0.01);
    expect(getLearningRate(resolveOptimizer('rmsprop'))).toBe(0.001);
    expect(getLearningRate(resolveOptimizer('adagrad'))).toBe(0.01);
    const momentum = resolveOptimizer({ name: 'sgd', learningRate: 0.1, momentum: 0.9 });
    expect(momentum.getClassName()).toBe('Momentum');
    expect((momentum.getConfig() as { momentum: number }).momentum).toBe(0.9);
    const own = tf.train.adamax(0.1);
    expect(resolveOptimizer(own)).toBe(own);
    expect(() => resolveOptimizer('adamw')).toThrow(/unknown optimizer 'adamw'/);
  });

  it('changes the learning rate in place, also for SGD whose rate lives in a tensor', () => {
    const w = tf.variable(tf.scalar(1));
    const sgd = resolveOptimizer('sgd');
    setLearningRate(sgd, 0.5);
    sgd.minimize(() => tf.mul(w, 2) as tf.Scalar, false, [w]);
    expect(w.dataSync()[0]).toBeCloseTo(0, 6); // 1 - 0.5 * 2
    expect(() => setLearningRate(sgd, 0)).toThrow(/positive learning rate/);
  });
});
