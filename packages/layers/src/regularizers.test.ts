// Kernel, recurrent and bias regularizers (L1, L2, L1L2) of the recurrent layers add Keras's penalties.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { gru } from './gru';
import { lstm } from './lstm';
import { simpleRnn } from './simple-rnn';
import { bidirectional } from './bidirectional';
import { convLstm2d } from './conv-lstm2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const sum = (w: tf.Tensor, f: (v: number) => number) => Array.from(w.dataSync()).reduce((s, v) => s + f(v), 0);

describe('recurrent regularizers', () => {
  const builders = { lstm, gru, simpleRnn } as const;
  it.each(Object.keys(builders) as (keyof typeof builders)[])('%s: L2 on the kernel, L1 on the recurrent kernel, L1L2 on the bias', async (kind) => {
    const layer = builders[kind]({
      units: 3,
      inputShape: [4, 2],
      seed: 1,
      kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }),
      recurrentRegularizer: tf.regularizers.l1({ l1: 0.02 }),
      biasRegularizer: tf.regularizers.l1l2({ l1: 0.003, l2: 0.004 }),
    });
    const model = tf.sequential({ layers: [layer] });
    // Non-zero bias so the bias penalty is not trivially 0 (Keras initialises it to 0, or 1 for the LSTM forget gate).
    const [W, U, b] = layer.getWeights();
    layer.setWeights([W, U, tf.randomUniform(b.shape, -1, 1, 'float32', 3)]);
    const [w2, u2, b2] = layer.getWeights();
    const expected = 0.01 * sum(w2, (v) => v * v) + 0.02 * sum(u2, Math.abs) + 0.003 * sum(b2, Math.abs) + 0.004 * sum(b2, (v) => v * v);
    expect(expected).toBeGreaterThan(0.01);
    const penalties = layer.calculateLosses().map((l) => l.dataSync()[0]);
    expect(penalties).toHaveLength(3);
    expect(penalties.reduce((a, c) => a + c, 0)).toBeCloseTo(expected, 5);
    // The training loss is the data loss plus the penalties: with a perfect prediction only the penalties remain.
    model.compile({ loss: 'meanSquaredError', optimizer: tf.train.sgd(0) });
    const x = tf.ones([2, 4, 2]);
    const y = model.predict(x) as tf.Tensor;
    const loss = (await model.trainOnBatch(x, y)) as number;
    expect(loss).toBeCloseTo(expected, 5);
    expect(model.layers[0].getConfig().kernelRegularizer).toMatchObject({ className: 'L1L2', config: { l1: 0, l2: 0.01 } });
  });

  const l2 = (w: tf.Tensor) => 0.01 * sum(w, (v) => v * v);
  async function trainingPenalty(model: tf.Sequential, inShape: number[]): Promise<number> {
    model.compile({ loss: 'meanSquaredError', optimizer: tf.train.sgd(0) });
    const x = tf.randomUniform([2, ...inShape], 0, 1, 'float32', 5);
    return (await model.trainOnBatch(x, model.predict(x) as tf.Tensor)) as number;
  }

  it('Bidirectional: both directions\' kernels are penalised', async () => {
    const model = tf.sequential({
      layers: [bidirectional({ layer: lstm({ units: 2, seed: 1, kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) }), inputShape: [3, 3] })],
    });
    const kernels = model.getWeights().filter((w) => w.shape[0] === 3 && w.shape[1] === 8);
    expect(kernels).toHaveLength(2);
    const expected = l2(kernels[0]) + l2(kernels[1]);
    expect(expected).toBeGreaterThan(0.001);
    expect(await trainingPenalty(model, [3, 3])).toBeCloseTo(expected, 5);
  });

  it('ConvLSTM2D: the input kernel is penalised', async () => {
    const model = tf.sequential({
      layers: [convLstm2d({ filters: 2, kernelSize: 2, seed: 1, kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }), inputShape: [2, 3, 3, 1] }), tf.layers.flatten()],
    });
    const expected = l2(model.getWeights()[0]);
    expect(expected).toBeGreaterThan(0.001);
    expect(await trainingPenalty(model, [2, 3, 3, 1])).toBeCloseTo(expected, 5);
  });
});
