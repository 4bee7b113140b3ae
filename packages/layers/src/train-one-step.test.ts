import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { afterAll, describe, expect, it } from 'vitest';
import { lstm } from './lstm';
import { gru } from './gru';
import { simpleRnn } from './simple-rnn';
import { dense } from './dense';
import { dropout } from './dropout';
import { activation } from './activation';
import { batchNormalization } from './batch-normalization';
import { layerNormalization } from './layer-normalization';
import { masking } from './masking';
import { bidirectional } from './bidirectional';
import { timeDistributed } from './time-distributed';
import { repeatVector } from './repeat-vector';
import { conv2d } from './conv2d';
import { maxPooling2d } from './max-pooling2d';
import { flatten } from './flatten';
import { convLstm2d } from './conv-lstm2d';
import './wasm-gradients';

type Case = [string, () => tf.layers.Layer[], number[], number[]];
const seq: number[] = [4, 3];
const CASES: Case[] = [
  ['LSTM', () => [lstm({ units: 3, inputShape: seq, seed: 1 }), dense({ units: 1, seed: 2 })], seq, [1]],
  ['GRU', () => [gru({ units: 3, inputShape: seq, seed: 1 }), dense({ units: 1, seed: 2 })], seq, [1]],
  ['SimpleRNN', () => [simpleRnn({ units: 3, inputShape: seq, seed: 1 }), dense({ units: 1, seed: 2 })], seq, [1]],
  ['Dense', () => [dense({ units: 2, inputShape: [3], seed: 1 })], [3], [2]],
  ['Dropout', () => [dropout({ rate: 0.3, inputShape: [3], seed: 1 }), dense({ units: 1, seed: 2 })], [3], [1]],
  ['Activation', () => [dense({ units: 2, inputShape: [3], seed: 1 }), activation({ activation: 'tanh' })], [3], [2]],
  ['BatchNormalization', () => [batchNormalization({ inputShape: seq }), simpleRnn({ units: 2, seed: 1 })], seq, [2]],
  ['LayerNormalization', () => [layerNormalization({ inputShape: seq }), lstm({ units: 2, seed: 1 })], seq, [2]],
  ['Masking', () => [masking({ maskValue: -1, inputShape: seq }), lstm({ units: 2, seed: 1 })], seq, [2]],
  ['Bidirectional', () => [bidirectional({ layer: lstm({ units: 2, seed: 1 }), inputShape: seq })], seq, [4]],
  ['TimeDistributed', () => [lstm({ units: 2, returnSequences: true, inputShape: seq, seed: 1 }), timeDistributed({ layer: dense({ units: 1, seed: 2 }) })], seq, [4, 1]],
  ['RepeatVector', () => [lstm({ units: 2, inputShape: seq, seed: 1 }), repeatVector({ n: 2 }), lstm({ units: 1, returnSequences: true, seed: 2 })], seq, [2, 1]],
  ['Conv2D+MaxPooling2D+Flatten', () => [conv2d({ filters: 2, kernelSize: 2, activation: 'relu', inputShape: [5, 5, 1], seed: 1 }), maxPooling2d(), flatten(), dense({ units: 1, seed: 2 })], [5, 5, 1], [1]],
  ['TimeDistributed(Conv2D)', () => [timeDistributed({ layer: conv2d({ filters: 2, kernelSize: 2, seed: 1 }), inputShape: [3, 4, 4, 1] }), timeDistributed({ layer: flatten() }), lstm({ units: 2, seed: 2 })], [3, 4, 4, 1], [2]],
  ['ConvLSTM2D', () => [convLstm2d({ filters: 2, kernelSize: 2, inputShape: [3, 4, 4, 1], seed: 1 }), flatten()], [3, 4, 4, 1], [18]],
];

function data(shape: number[], seed: number): tf.Tensor {
  return tf.randomUniform([2, ...shape], 0.1, 1, 'float32', seed);
}

afterAll(async () => {
  await tf.setBackend('cpu');
});

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`every layer type trains one step on ${backend}`, () => {
    it.each(CASES)('%s', async (_name, build, inShape, outShape) => {
      await initBackend({ prefer: backend });
      expect(tf.getBackend()).toBe(backend);
      const model = tf.sequential({ layers: build() });
      model.compile({ loss: 'meanSquaredError', optimizer: tf.train.sgd(0.5) });
      const x = data(inShape, 1);
      const y = data(outShape, 2);
      const before = model.trainableWeights.map((w) => Array.from(w.read().dataSync()));
      const loss = (await model.trainOnBatch(x, y)) as number;
      expect(Number.isFinite(loss)).toBe(true);
      const after = model.trainableWeights.map((w) => Array.from(w.read().dataSync()));
      const changed = after.some((w, i) => w.some((v, j) => v !== before[i][j]));
      expect(changed).toBe(true);
      for (const w of after) for (const v of w) expect(Number.isFinite(v)).toBe(true);
      tf.dispose([x, y]);
    });
  });
}

describe('Conv2DBackpropFilter on wasm', () => {
  it('equals the cpu kernel, with padding and strides, channels last', async () => {
    const cases: [[number, number, number, number], [number, number, number, number], [number, number], 'same' | 'valid'][] = [
      [[2, 5, 6, 3], [2, 2, 3, 4], [1, 1], 'valid'],
      [[1, 7, 7, 2], [3, 3, 2, 3], [2, 2], 'same'],
    ];
    for (const [xShape, fShape, strides, pad] of cases) {
      const grads: number[][] = [];
      for (const backend of ['cpu', 'wasm'] as const) {
        await initBackend({ prefer: backend });
        const g = tf.tidy(() => {
          const x = tf.randomNormal(xShape, 0, 1, 'float32', 3) as tf.Tensor4D;
          const f = tf.randomNormal(fShape, 0, 1, 'float32', 4) as tf.Tensor4D;
          const dyGrad = tf.grad((w: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, w as tf.Tensor4D, strides, pad))));
          return Array.from(dyGrad(f).dataSync());
        });
        grads.push(g);
      }
      expect(grads[1].length).toBe(fShape.reduce((a, b) => a * b, 1));
      grads[1].forEach((v, i) => expect(v).toBeCloseTo(grads[0][i], 3));
    }
  });
});
