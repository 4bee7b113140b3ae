import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { createRng } from '@lstm-kit/sequence';
import { resolveLoss } from '../losses';
import { fusedLossFor } from './fused-losses';

function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-4, Math.abs(b[i])));
  return worst;
}

/** Targets and predictions like each loss sees them; some probabilities sit outside the clip range. */
function data(name: string, shape: number[], seed: number): [tf.Tensor, tf.Tensor] {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  const k = shape[shape.length - 1];
  const y = new Float32Array(size);
  const p = new Float32Array(size);
  if (name === 'categoricalCrossentropy') {
    for (let r = 0; r < size / k; r++) {
      y[r * k + rng.int(0, k)] = 1;
      let sum = 0;
      for (let j = 0; j < k; j++) sum += p[r * k + j] = rng.uniform(0.01, 1);
      for (let j = 0; j < k; j++) p[r * k + j] /= sum;
    }
    p[0] = 1e-9; // clipped
  } else if (name === 'binaryCrossentropy') {
    for (let i = 0; i < size; i++) {
      y[i] = rng.uniform(0, 1) < 0.5 ? 0 : 1;
      p[i] = rng.uniform(0.02, 0.98);
    }
    p[1] = 0; // clipped
  } else {
    for (let i = 0; i < size; i++) {
      y[i] = rng.uniform(-1, 1);
      p[i] = rng.uniform(-1, 1);
    }
  }
  return [tf.tensor(y, shape), tf.tensor(p, shape)];
}

describe.each(['cpu', 'wasm'] as const)('fused losses on %s', (backend) => {
  beforeAll(async () => {
    await initBackend({ prefer: backend });
  });
  afterAll(async () => {
    await initBackend({ prefer: 'cpu' });
  });

  const names = ['meanSquaredError', 'meanAbsoluteError', 'binaryCrossentropy', 'categoricalCrossentropy'];
  const shapes = [[1, 10], [6, 4], [3, 5, 7]];
  it.each(names.flatMap((n) => shapes.map((s) => [n, s] as const)))('%s %j: value and gradient equal the tfjs-op loss', (name, shape) => {
    const before = tf.memory().numTensors;
    const [y, p] = data(name, [...shape], shape.length * 7 + name.length);
    const fused = fusedLossFor(name, y, p);
    expect(fused).not.toBeNull();
    const reference = resolveLoss(name).fn;
    const scale = tf.scalar(0.7); // a non-unit upstream gradient
    const [lf, gf] = tf.tidy(() => {
      const { value, grad } = tf.valueAndGrad((q: tf.Tensor) => tf.mul(fused!(y, q), scale) as tf.Scalar)(p);
      return [value.dataSync()[0], Float32Array.from(grad.dataSync() as Float32Array)];
    });
    const [lr, gr] = tf.tidy(() => {
      const { value, grad } = tf.valueAndGrad((q: tf.Tensor) => tf.mul(reference(y, q), scale) as tf.Scalar)(p);
      return [value.dataSync()[0], Float32Array.from(grad.dataSync() as Float32Array)];
    });
    expect(Math.abs(lf - lr) / Math.abs(lr)).toBeLessThan(1e-5);
    expect(gr.some((g) => Math.abs(g) > 1e-3)).toBe(true);
    expect(maxRelativeError(gf, gr)).toBeLessThan(1e-4);
    tf.dispose([y, p, scale]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('has no fused version for other losses, shapes that broadcast, or int tensors', () => {
    const y = tf.zeros([2, 3]);
    expect(fusedLossFor('rootMeanSquaredError', y, y)).toBeNull();
    const col = tf.zeros([2, 1]);
    expect(fusedLossFor('meanSquaredError', y, col)).toBeNull();
    const ints = tf.zeros([2, 3], 'int32');
    expect(fusedLossFor('meanSquaredError', ints, y)).toBeNull();
    tf.dispose([y, col, ints]);
  });
});
