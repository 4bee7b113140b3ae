import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { describe, expect, it } from 'vitest';
import { conv2dBackpropFilter, conv2dGeometry } from './internal/conv2d-backprop-filter';
import { conv2d } from './conv2d';
import { registerWasmGradients } from './wasm-gradients';

type Shape4 = [number, number, number, number];
interface Case {
  x: Shape4;
  filter: Shape4;
  strides: [number, number];
  pad: 'valid' | 'same';
}

// Odd sizes, so 'same' pads unevenly and strides 2 leave a ragged last row/column; channel
// counts cover every block width of the unrolled loop (1–4 outputs) and more than one block.
const CASES: Case[] = [];
for (const [kh, kw] of [[2, 2], [3, 3], [2, 3]] as const) {
  for (const stride of [1, 2]) {
    for (const pad of ['valid', 'same'] as const) {
      for (const [ci, co] of [[1, 2], [3, 1], [2, 3], [1, 4], [3, 5], [4, 9]]) {
        CASES.push({ x: [3, 7, 9, ci], filter: [kh, kw, ci, co], strides: [stride, stride], pad });
      }
    }
  }
}
CASES.push({ x: [2, 5, 4, 2], filter: [3, 2, 2, 3], strides: [2, 1], pad: 'same' });
CASES.push({ x: [1, 2, 2, 1], filter: [3, 3, 1, 2], strides: [1, 1], pad: 'same' });

/** Run tfjs's Conv2DBackpropFilter kernel on the current backend. */
function kernelGrad(xv: Float32Array, dyv: Float32Array, c: Case, dyShape: number[]): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor(xv, c.x);
    const dy = tf.tensor(dyv, dyShape);
    const out = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, {
      strides: c.strides,
      pad: c.pad,
      dataFormat: 'NHWC',
      dimRoundingMode: undefined,
      filterShape: c.filter,
    } as any) as tf.Tensor;
    return out.dataSync() as Float32Array;
  });
}

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    // Relative 1e-4, against at least 1 so sums that cancel to ~0 are not held to ~0 error.
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected[i])));
  }
}

describe('conv2dBackpropFilter (channels last)', () => {
  it('matches tfjs cpu Conv2DBackpropFilter on odd shapes, strides 1 and 2, valid and same, wasm kernel too', async () => {
    for (const c of CASES) {
      await initBackend({ prefer: 'cpu' });
      const outShape = tf.tidy(() => tf.conv2d(tf.zeros(c.x) as tf.Tensor4D, tf.zeros(c.filter) as tf.Tensor4D, c.strides, c.pad).shape);
      const xv = tf.tidy(() => tf.randomNormal(c.x, 0, 1, 'float32', 11).dataSync() as Float32Array);
      const dyv = tf.tidy(() => tf.randomNormal(outShape, 0, 1, 'float32', 12).dataSync() as Float32Array);
      const expected = kernelGrad(xv, dyv, c, outShape);

      const info = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.strides, 1, c.pad);
      const direct = conv2dBackpropFilter(xv, dyv, conv2dGeometry(info));
      expectClose(direct, expected);

      await initBackend({ prefer: 'wasm' });
      const before = tf.memory().numTensors;
      expectClose(kernelGrad(xv, dyv, c, outShape), expected);
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});

describe('MaxPoolGrad on wasm (lstm-kit kernel)', () => {
  it('replaces the stock kernel once, and equals tfjs cpu on odd shapes, overlapping windows, padding and ties', async () => {
    await initBackend({ prefer: 'wasm' });
    registerWasmGradients();
    expect((tf.getKernel('MaxPoolGrad', 'wasm')?.kernelFunc as any)[Symbol.for('lstm-kit.wasm-kernel')]).toBe(true);
    expect(registerWasmGradients()).toEqual([]);
    const cases: [Shape4, [number, number], [number, number], 'valid' | 'same'][] = [
      [[2, 7, 9, 3], [2, 2], [2, 2], 'valid'],
      [[2, 7, 9, 3], [2, 2], [2, 2], 'same'],
      [[1, 8, 5, 2], [3, 3], [1, 1], 'same'],
      [[3, 9, 7, 1], [3, 2], [2, 1], 'valid'],
      [[2, 6, 6, 4], [3, 3], [2, 2], 'same'],
    ];
    for (const [shape, filterSize, strides, pad] of cases) {
      const grads: Float32Array[] = [];
      for (const backend of ['cpu', 'wasm'] as const) {
        await initBackend({ prefer: backend });
        const before = tf.memory().numTensors;
        grads.push(
          tf.tidy(() => {
            // Rounded and relu'd like a CNN's activations, so windows hold ties (zeros, equal values).
            const x = tf.relu(tf.round(tf.randomNormal(shape, 0, 2, 'float32', 5))) as tf.Tensor4D;
            const w = tf.randomNormal(tf.maxPool(x, filterSize, strides, pad).shape, 0, 1, 'float32', 6);
            const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(v as tf.Tensor4D, filterSize, strides, pad), w)));
            return g(x).dataSync() as Float32Array;
          }),
        );
        expect(tf.memory().numTensors).toBe(before);
      }
      expectClose(grads[1], grads[0]);
    }
  });
});

describe('Conv2D layer on wasm (fused conv + bias + activation kernel)', () => {
  it('gives the cpu output and gradients for kernel, bias and input (relu, linear; strides; padding)', async () => {
    const cases: [Shape4, number, number, 'valid' | 'same', 'relu' | 'linear'][] = [
      [[3, 7, 9, 1], 2, 1, 'valid', 'relu'],
      [[2, 8, 7, 3], 3, 2, 'same', 'relu'],
      [[2, 6, 5, 2], 2, 2, 'valid', 'linear'],
      [[1, 5, 5, 4], 3, 1, 'same', 'linear'],
    ];
    for (const [shape, k, stride, padding, act] of cases) {
      const results: Float32Array[][] = [];
      for (const backend of ['cpu', 'wasm'] as const) {
        await initBackend({ prefer: backend });
        const layer = conv2d({ filters: 3, kernelSize: k, strides: stride, padding, activation: act, seed: 7, biasInitializer: 'ones' });
        layer.build(shape);
        const before = tf.memory().numTensors;
        results.push(
          tf.tidy(() => {
            const x = tf.randomNormal(shape, 0, 1, 'float32', 8);
            const out = layer.apply(x) as tf.Tensor;
            const w = tf.randomNormal(out.shape, 0, 1, 'float32', 9);
            const loss = (xv: tf.Tensor) => tf.sum(tf.mul(layer.apply(xv) as tf.Tensor, w)) as tf.Scalar;
            // Kernel and bias as a training step takes them (the input needs no gradient there),
            // then the input's gradient alone (a Conv2D after another layer needs it).
            const vars = layer.trainableWeights.map((v) => (v as any).read() as tf.Variable);
            const { grads: byVar } = tf.variableGrads(() => loss(x), vars);
            const grads = [...vars.map((v) => byVar[v.name]), tf.grad(loss)(x)];
            return [out, ...grads].map((t) => t.dataSync() as Float32Array);
          }),
        );
        expect(tf.memory().numTensors).toBe(before);
        layer.weights.forEach((v) => v.dispose());
      }
      results[1].forEach((r, i) => expectClose(r, results[0][i]));
    }
  });
});
