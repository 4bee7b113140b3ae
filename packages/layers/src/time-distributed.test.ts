import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { timeDistributed } from './time-distributed';
import { conv2d } from './conv2d';
import { dense } from './dense';
import { LayerShapeError } from './errors';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('timeDistributed', () => {
  it('equals the stock per-step TimeDistributed on the same weights, forward and gradient', () => {
    const ours = timeDistributed({ layer: conv2d({ filters: 2, kernelSize: 2, activation: 'relu', seed: 1 }) });
    const stock = tf.layers.timeDistributed({ layer: tf.layers.conv2d({ filters: 2, kernelSize: 2, activation: 'relu' }) });
    const x = tf.randomNormal([2, 3, 4, 4, 1], 0, 1, 'float32', 2);
    ours.apply(x);
    stock.apply(x);
    stock.setWeights(ours.getWeights());
    const a = ours.apply(x) as tf.Tensor;
    const b = stock.apply(x) as tf.Tensor;
    expect(a.shape).toEqual([2, 3, 3, 3, 2]);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    const g = (layer: tf.layers.Layer) => tf.grad((xx: tf.Tensor) => tf.sum(tf.square(layer.apply(xx) as tf.Tensor)))(x).dataSync();
    const ga = g(ours);
    const gb = g(stock);
    ga.forEach((v, i) => expect(v).toBeCloseTo(gb[i], 5));
  });

  it('folds time into the batch: one inner call, no per-step Unpack, forward or backward', () => {
    const ours = timeDistributed({ layer: conv2d({ filters: 2, kernelSize: 2, seed: 1 }) });
    const x = tf.randomNormal([2, 5, 4, 4, 1], 0, 1, 'float32', 3);
    ours.apply(x);
    const engine = tf.engine() as unknown as { runKernel: (name: string, ...rest: unknown[]) => unknown };
    const original = engine.runKernel;
    const kernels: string[] = [];
    engine.runKernel = (name: string, ...rest: unknown[]) => {
      kernels.push(name);
      return original.call(engine, name, ...rest);
    };
    try {
      tf.grad((xx: tf.Tensor) => tf.sum(ours.apply(xx) as tf.Tensor))(x);
    } finally {
      engine.runKernel = original;
    }
    expect(kernels).not.toContain('Unpack');
    // Stock tfjs runs the convolution once per step (5 times here) and its gradients as often.
    expect(kernels.filter((k) => /^(Fused)?Conv2D$/.test(k))).toHaveLength(1);
    expect(kernels.filter((k) => k === 'Conv2DBackpropFilter')).toHaveLength(1);
  });

  it('does not leak tensors', () => {
    const layer = timeDistributed({ layer: dense({ units: 2 }) });
    const x = tf.ones([2, 3, 4]);
    tf.dispose(layer.apply(x) as tf.Tensor);
    const n = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) tf.dispose(layer.apply(x) as tf.Tensor);
    expect(tf.memory().numTensors).toBe(n);
  });

  it('says how to shape its input', () => {
    expect(() => tf.sequential({ layers: [timeDistributed({ layer: dense({ units: 1 }), inputShape: [3] })] })).toThrow(LayerShapeError);
  });
});
