import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lstm, LSTM } from './lstm';
import { gru, GRU } from './gru';
import { simpleRnn, SimpleRNN } from './simple-rnn';
import { dense } from './dense';
import { dropout } from './dropout';
import { activation } from './activation';
import { batchNormalization } from './batch-normalization';
import { layerNormalization } from './layer-normalization';
import { masking } from './masking';
import { bidirectional } from './bidirectional';
import { timeDistributed, TimeDistributed } from './time-distributed';
import { repeatVector } from './repeat-vector';
import { conv2d } from './conv2d';
import { maxPooling2d } from './max-pooling2d';
import { flatten } from './flatten';
import { convLstm2d } from './conv-lstm2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (a) => ((saved = JSON.parse(JSON.stringify({ ...a, weightData: undefined }))), (saved!.weightData = a.weightData), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  return tf.loadLayersModel(tf.io.fromMemory(saved!));
}

const models: [string, () => tf.layers.Layer[], number[]][] = [
  ['LSTM, Dense, Dropout, Activation', () => [lstm({ units: 3, inputShape: [4, 2], seed: 1 }), dropout({ rate: 0.2 }), dense({ units: 2, seed: 2 }), activation({ activation: 'softmax' })], [4, 2]],
  ['GRU (reset-after), RepeatVector, SimpleRNN, TimeDistributed', () => [gru({ units: 3, inputShape: [4, 2], seed: 1 }), repeatVector({ n: 2 }), simpleRnn({ units: 2, returnSequences: true, seed: 2 }), timeDistributed({ layer: dense({ units: 1, seed: 3 }) })], [4, 2]],
  ['Masking, BatchNormalization, LayerNormalization, Bidirectional', () => [masking({ inputShape: [4, 2] }), batchNormalization(), layerNormalization(), bidirectional({ layer: lstm({ units: 2, seed: 1 }), mergeMode: 'ave' })], [4, 2]],
  ...(['concat', 'sum', 'mul', 'ave'] as const).map(
    (mergeMode): [string, () => tf.layers.Layer[], number[]] => [
      `Bidirectional(LSTM, returnSequences) merge '${mergeMode}', Bidirectional(GRU) merge '${mergeMode}'`,
      () => [
        bidirectional({ layer: lstm({ units: 2, returnSequences: true, seed: 1 }), mergeMode, inputShape: [4, 2] }),
        bidirectional({ layer: gru({ units: 2, seed: 2 }), mergeMode }),
      ],
      [4, 2],
    ],
  ),
  ['GRU (resetAfter: false), stateless SimpleRNN going backwards', () => [gru({ units: 3, resetAfter: false, returnSequences: true, inputShape: [4, 2], seed: 1 }), simpleRnn({ units: 2, goBackwards: true, seed: 2 })], [4, 2]],
  ['Conv2D, MaxPooling2D, Flatten, Dense on images', () => [conv2d({ filters: 2, kernelSize: 2, activation: 'relu', inputShape: [5, 5, 1], seed: 1 }), maxPooling2d(), flatten(), dense({ units: 1, seed: 2 })], [5, 5, 1]],
  ['TimeDistributed Conv2D, MaxPooling2D, Flatten; ConvLSTM2D', () => [timeDistributed({ layer: conv2d({ filters: 2, kernelSize: 2, seed: 1 }), inputShape: [3, 5, 5, 1] }), timeDistributed({ layer: maxPooling2d() }), convLstm2d({ filters: 1, kernelSize: 1, seed: 2 }), flatten()], [3, 5, 5, 1]],
];

describe('save → load round trips through the tfjs JSON + weights format', () => {
  it.each(models)('%s', async (_name, build, shape) => {
    const model = tf.sequential({ layers: build() });
    // Weights that differ from a fresh build, so a load that re-initialised them would show.
    model.setWeights(model.getWeights().map((w, i) => tf.add(w, tf.randomUniform(w.shape, -0.3, 0.3, 'float32', 100 + i))));
    const loaded = await roundTrip(model);
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(model.layers.map((l) => l.getClassName()));
    const flat = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    expect(flat(loaded)).toEqual(flat(model));
    // A saved file writes unset options as null; treat null and undefined alike.
    const json = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, val) => (val === null ? undefined : val)));
    expect(json(loaded.layers.map((l) => l.getConfig()))).toEqual(json(model.layers.map((l) => l.getConfig())));
    const x = tf.randomUniform([2, ...shape], 0.1, 1, 'float32', 4);
    const a = Array.from((model.predict(x) as tf.Tensor).dataSync());
    const b = Array.from((loaded.predict(x) as tf.Tensor).dataSync());
    b.forEach((v, i) => expect(v).toBeCloseTo(a[i], 6));
  });

  it('loads back lstm-kit classes (GRU keeps resetAfter, TimeDistributed keeps folding)', async () => {
    const model = tf.sequential({ layers: [gru({ units: 2, inputShape: [3, 1] }), repeatVector({ n: 2 }), lstm({ units: 2, returnSequences: true }), simpleRnn({ units: 2, returnSequences: true }), timeDistributed({ layer: dense({ units: 1 }) })] });
    const loaded = await roundTrip(model);
    expect(loaded.layers[0]).toBeInstanceOf(GRU);
    expect(loaded.layers[0].getConfig().resetAfter).toBe(true);
    expect(loaded.layers[2]).toBeInstanceOf(LSTM);
    expect(loaded.layers[3]).toBeInstanceOf(SimpleRNN);
    expect(loaded.layers[4]).toBeInstanceOf(TimeDistributed);
  });
});
