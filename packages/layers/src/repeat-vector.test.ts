import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { afterAll, describe, expect, it } from 'vitest';
import { RepeatVector, repeatVector } from './repeat-vector';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(['wasm', 'cpu'] as const)('repeatVector on %s', (backend) => {
  it('equals tfjs Tile forward and backward, and leaks no tensors', async () => {
    await initBackend({ prefer: backend });
    const layer = repeatVector({ n: 3 });
    expect(layer).toBeInstanceOf(RepeatVector);
    const x = tf.randomNormal([4, 5], 0, 1, 'float32', 1) as tf.Tensor2D;
    const w = tf.randomNormal([4, 3, 5], 0, 1, 'float32', 2);
    const loss = (f: (v: tf.Tensor) => tf.Tensor) => (v: tf.Tensor) => tf.sum(tf.mul(f(v), w));
    const ours = layer.apply(x) as tf.Tensor;
    const tiled = tf.tile(tf.expandDims(x, 1), [1, 3, 1]);
    expect(ours.shape).toEqual([4, 3, 5]);
    expect(Array.from(ours.dataSync())).toEqual(Array.from(tiled.dataSync()));
    const g = tf.grad(loss((v) => layer.apply(v) as tf.Tensor))(x);
    const gStock = tf.grad(loss((v) => tf.tile(tf.expandDims(v, 1), [1, 3, 1])))(x);
    const a = g.dataSync(), b = gStock.dataSync();
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 5);
    tf.dispose([ours, tiled, g, gStock]);

    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) tf.dispose(tf.grad(loss((v) => layer.apply(v) as tf.Tensor))(x));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w]);
  });
});

it('rejects a non-positive n', () => {
  expect(() => repeatVector({ n: 0 })).toThrow(/positive integer/);
});
