import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LSTM, lstm } from './lstm';
import { LayerConfigError, LayerShapeError } from './errors';
import { clearSession } from './layer-names';
import { repeatVector } from './repeat-vector';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('lstm', () => {
  it('uses Keras defaults: sigmoid gates, forget bias 1, glorot-uniform kernel, orthogonal recurrent kernel', () => {
    clearSession();
    const layer = lstm({ units: 4, inputShape: [3, 2], seed: 5 });
    const model = tf.sequential({ layers: [layer] });
    const config = layer.getConfig();
    expect(layer.name).toBe('lstm');
    expect(config.recurrentActivation).toBe('sigmoid');
    expect(config.activation).toBe('tanh');
    expect(config.unitForgetBias).toBe(true);
    expect((config.kernelInitializer as any).className).toBe('GlorotUniform');
    expect((config.recurrentInitializer as any).className).toBe('Orthogonal');
    const [kernel, recurrent, bias] = layer.getWeights().map((w) => w.arraySync() as any);
    expect(bias).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const limit = Math.sqrt(6 / (2 + 16));
    for (const row of kernel as number[][]) for (const v of row) expect(Math.abs(v)).toBeLessThanOrEqual(limit);
    // recurrent [4, 16]: rows orthonormal.
    const r = recurrent as number[][];
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        const dot = r[i].reduce((s, v, k) => s + v * r[j][k], 0);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 5);
      }
    }
    expect(model.countParams()).toBe(4 * ((2 + 4) * 4 + 4));
  });

  it('repeats its initial weights for the same seed and differs for another', () => {
    const a = lstm({ units: 3, inputShape: [2, 2], seed: 9 });
    const b = lstm({ units: 3, inputShape: [2, 2], seed: 9 });
    const c = lstm({ units: 3, inputShape: [2, 2], seed: 10 });
    tf.sequential({ layers: [a] });
    tf.sequential({ layers: [b] });
    tf.sequential({ layers: [c] });
    const wa = a.getWeights().map((w) => Array.from(w.dataSync()));
    expect(b.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(wa);
    expect(c.getWeights()[1].dataSync()[0]).not.toBe(wa[1][0]);
  });

  it('names a 2-D input, the expected shape and the fix', () => {
    const model = tf.sequential();
    expect(() => model.add(lstm({ units: 2, name: 'lstm', inputShape: [1] }))).toThrow(LayerShapeError);
    const eager = lstm({ units: 2, name: 'lstm' });
    expect(() => eager.apply(tf.zeros([20, 1]))).toThrow(
      "expected input with shape [batch, timesteps, features] for LSTM 'lstm', got [20, 1]; reshape with reshape(x, [20, 1, 1])",
    );
  });

  it('says how to join an encoder and a decoder that do not fit', () => {
    const model = tf.sequential();
    model.add(lstm({ units: 75, inputShape: [8, 12], name: 'encoder' }));
    // The encoder's output is [batch, 75]; the decoder needs [batch, steps, 75].
    expect(() => model.add(lstm({ units: 50, returnSequences: true, name: 'decoder' }))).toThrow(LayerShapeError);
    expect(() => model.add(lstm({ units: 50, returnSequences: true, name: 'decoder2' }))).toThrow(
      /expected input with shape \[batch, timesteps, features\] for LSTM 'decoder2', got \[null, 75\];.*put repeatVector\(\{ n: outputSteps \}\) before this decoder/,
    );
    model.add(repeatVector({ n: 2 }));
    model.add(lstm({ units: 50, returnSequences: true, name: 'decoder3' }));
    expect(model.outputs[0].shape).toEqual([null, 2, 50]);
  });

  it('asks for a batch size when stateful without one', () => {
    const model = tf.sequential();
    expect(() => model.add(lstm({ units: 2, stateful: true, inputShape: [3, 1] }))).toThrow(/needs a fixed batch size.*batchInputShape: \[batchSize, 3, 1\]/);
    expect(() => model.add(lstm({ units: 2, stateful: true, inputShape: [3, 1] }))).toThrow(LayerConfigError);
  });

  it('rejects invalid units, dropout and implementation', () => {
    expect(() => lstm({ units: 0 })).toThrow(/positive integer/);
    expect(() => lstm({ units: 2, dropout: 1.5 })).toThrow(/\[0, 1\)/);
    expect(() => lstm({ units: 2, implementation: 'fast' as any })).toThrow(/'auto', 'kernels' or 'tfjs'/);
  });

  it('is registered under the Keras class name and keeps the compute path out of the config', async () => {
    const layer = lstm({ units: 2, implementation: 'tfjs', inputShape: [3, 1] });
    expect(layer.getClassName()).toBe('LSTM');
    expect(layer.getConfig().implementation).toBe(2);
    const model = tf.sequential({ layers: [layer] });
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    expect(loaded.layers[0]).toBeInstanceOf(LSTM);
    expect(loaded.layers[0].getConfig()).toEqual(layer.getConfig());
  });
});

describe('LSTM memory', () => {
  it('frees everything it allocates when a model is built and disposed (stock tfjs leaks 4 tensors here)', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const model = tf.sequential();
      model.add(lstm({ units: 4, inputShape: [3, 2], seed: i }));
      const bias = model.layers[0].getWeights()[2].dataSync();
      expect(Array.from(bias.slice(4, 8))).toEqual([1, 1, 1, 1]);
      expect(Array.from(bias.slice(0, 4))).toEqual([0, 0, 0, 0]);
      expect(Array.from(bias.slice(8))).toEqual(new Array(8).fill(0));
      model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(lstm({ units: 2 }).getConfig().unitForgetBias).toBe(true);
  });
});
