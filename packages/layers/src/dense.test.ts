import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { afterAll, describe, expect, it } from 'vitest';
import { Dense, dense } from './dense';
import { relativeError } from './internal/test-support';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;

describe.each(['wasm', 'cpu'] as const)('dense on %s', (backend) => {
  it.each(ACTIVATIONS.map((a) => [a]))('equals stock tfjs Dense forward and backward (%s), rank 2 and 3', async (activation) => {
    await initBackend({ prefer: backend });
    for (const shape of [[6, 5], [3, 4, 5]]) {
      const ours = dense({ units: 7, activation, seed: 3 });
      const stock = tf.layers.dense({ units: 7, activation });
      const x = tf.randomNormal(shape, 0, 1, 'float32', 9);
      ours.apply(x);
      stock.apply(x);
      stock.setWeights(ours.getWeights());
      const w = tf.randomNormal([...shape.slice(0, -1), 7], 0, 1, 'float32', 10);
      const run = (layer: tf.layers.Layer) => {
        const vars = layer.trainableWeights.map((v) => (v as any).val as tf.Variable);
        const loss = (input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, w)) as tf.Scalar;
        const y = (layer.apply(x) as tf.Tensor).dataSync() as Float32Array;
        const dx = tf.grad(loss)(x).dataSync() as Float32Array;
        const { grads } = tf.variableGrads(() => loss(x), vars);
        return { y, dx, dw: vars.map((v) => grads[v.name].dataSync() as Float32Array) };
      };
      const a = tf.tidy(() => run(ours));
      const b = tf.tidy(() => run(stock));
      expect(relativeError(a.y, b.y)).toBeLessThan(1e-5);
      expect(relativeError(a.dx, b.dx)).toBeLessThan(1e-4);
      a.dw.forEach((g, i) => expect(relativeError(g, b.dw[i])).toBeLessThan(1e-4));

      // One call leaves no tensors behind, with or without a gradient.
      const before = tf.memory().numTensors;
      for (let i = 0; i < 10; i++) tf.tidy(() => run(ours));
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, w]);
      ours.dispose();
      stock.dispose();
    }
  });

  it('falls back to tfjs-layers for activations the kernels lack, and keeps the class name', async () => {
    await initBackend({ prefer: backend });
    const layer = dense({ units: 2, activation: 'elu' as never, seed: 1 });
    expect(layer).toBeInstanceOf(Dense);
    expect(layer.getClassName()).toBe('Dense');
    const y = tf.tidy(() => (layer.apply(tf.ones([1, 3])) as tf.Tensor).dataSync());
    expect(y.length).toBe(2);
    layer.dispose();
  });
});
