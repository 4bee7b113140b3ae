import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { vanilla } from './vanilla';
import { stacked } from './stacked';
import { cnnLstm } from './cnn-lstm';
import { encoderDecoder } from './encoder-decoder';
import { bidirectionalLstm } from './bidirectional-lstm';
import { generative } from './generative';
import { deepLstm } from './deep-lstm';
import { sequenceModel } from './sequence-model';
import { summary } from '../summary';
import { simpleRnn } from '../simple-rnn';
import { gru } from '../gru';
import { lstm } from '../lstm';
import { dense } from '../dense';
import { batchNormalization } from '../batch-normalization';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const params = (m: tf.LayersModel) => summary(m, { print: false }).rows.map((r) => r.params);

describe('parameter counts of every spec model (Keras numbers)', () => {
  it('B6 vanilla: 3,600 + 260 = 3,860', () => {
    const s = summary(vanilla({ units: 25, timesteps: 5, features: 10, outputs: 10, outputActivation: 'softmax' }), { print: false });
    expect(s.rows.map((r) => r.params)).toEqual([3600, 260]);
    expect(s.total).toBe(3860);
  });

  it('B7 stacked: 1,760 + 3,280 + 105 = 5,145', () => {
    const m = stacked({ layers: [20, 20], timesteps: 50, features: 1, outputs: 5 });
    expect(params(m)).toEqual([1760, 3280, 105]);
    expect(m.countParams()).toBe(5145);
  });

  it('B8 CNN-LSTM: 10 + 0 + 0 + 240,600 + 51 = 240,661 with shapes 49×49×2, 24×24×2, 1152', () => {
    const s = summary(cnnLstm({ frames: 50, height: 50, width: 50 }), { print: false });
    expect(s.rows.map((r) => r.params)).toEqual([10, 0, 0, 240600, 51]);
    expect(s.rows.map((r) => r.outputShape)).toEqual(['(None, 50, 49, 49, 2)', '(None, 50, 24, 24, 2)', '(None, 50, 1152)', '(None, 50)', '(None, 1)']);
    expect(s.rows.map((r) => r.type)).toEqual(['TimeDistributed', 'TimeDistributed', 'TimeDistributed', 'LSTM', 'Dense']);
    expect(s.total).toBe(240661);
  });

  it('B9 encoder-decoder: 26,400 + 0 + 25,200 + 612 = 52,212', () => {
    const m = encoderDecoder({ inputLength: 8, inputFeatures: 12, outputLength: 2, outputFeatures: 12, encoderUnits: 75, decoderUnits: 50 });
    expect(params(m)).toEqual([26400, 0, 25200, 612]);
    expect(summary(m, { print: false }).rows[3].outputShape).toBe('(None, 2, 12)');
  });

  it('B10 bidirectional: 20,800 + 101 = 20,901', () => {
    const s = summary(bidirectionalLstm({ units: 50, timesteps: 10 }), { print: false });
    expect(s.rows.map((r) => r.params)).toEqual([20800, 101]);
    expect(s.rows[0].outputShape).toBe('(None, 10, 100)');
    expect(s.total).toBe(20901);
  });

  it('B11 generative: 520 + 22 = 542', () => {
    expect(params(generative())).toEqual([520, 22]);
  });

  it('L1 one-to-one, 1 feature: LSTM(50, relu) → Dense(1); stacked variant', () => {
    expect(params(vanilla({ units: 50, activation: 'relu', timesteps: 1, features: 1, outputs: 1 }))).toEqual([10400, 51]);
    const m = stacked({ layers: [{ units: 50, activation: 'relu' }, { units: 50, activation: 'relu' }], timesteps: 1, features: 1, outputs: 1 });
    expect(params(m)).toEqual([10400, 20200, 51]);
  });

  it('L2 one-to-one, 2 features: LSTM(50) → Dense(10) → Dense(1); stacked LSTM(200) ×2 → 50 → 10 → 1', () => {
    const small = stacked({ layers: [{ units: 50, activation: 'relu' }], timesteps: 1, features: 2, outputs: 1, dense: [10], denseActivation: 'relu' });
    expect(params(small)).toEqual([10600, 510, 11]);
    const big = stacked({ layers: [{ units: 200, activation: 'relu' }, { units: 200, activation: 'relu' }], timesteps: 1, features: 2, outputs: 1, dense: [50, 10], denseActivation: 'relu' });
    expect(params(big)).toEqual([162400, 320800, 10050, 510, 11]);
  });

  it('L3: SimpleRNN(50) → Dense(2); with BatchNormalization (non-trainable half); LSTM(50) → Dense(2)', () => {
    const rnn = tf.sequential({ layers: [simpleRnn({ units: 50, activation: 'sigmoid', inputShape: [3, 1] }), dense({ units: 2 })] });
    expect(params(rnn)).toEqual([2600, 102]);
    const bn = tf.sequential({
      layers: [batchNormalization({ inputShape: [3, 1] }), simpleRnn({ units: 50, activation: 'sigmoid' }), batchNormalization(), dense({ units: 2 })],
    });
    const s = summary(bn, { print: false });
    expect(s.rows.map((r) => r.params)).toEqual([4, 2600, 200, 102]);
    expect([s.total, s.trainable, s.nonTrainable]).toEqual([2906, 2804, 102]);
    const l = tf.sequential({ layers: [lstm({ units: 50, activation: 'relu', inputShape: [3, 1] }), dense({ units: 2 })] });
    expect(params(l)).toEqual([10400, 102]);
  });

  it('the spec formulas: GRU reset-after 3·((f+u)·u + 2u), reset-before 3·((f+u)·u + u)', () => {
    const a = tf.sequential({ layers: [gru({ units: 7, inputShape: [4, 3] })] });
    expect(a.countParams()).toBe(3 * ((3 + 7) * 7 + 2 * 7));
    const b = tf.sequential({ layers: [gru({ units: 7, resetAfter: false, inputShape: [4, 3] })] });
    expect(b.countParams()).toBe(3 * ((3 + 7) * 7 + 7));
  });

  it('L6 deep LSTM: half, full, double widths, dropout, dense, optional second dense, multi-step output', () => {
    const m = deepLstm({ timesteps: 6, features: 3, hLayers: 3, units: 8, hNeurons: 5, secondDense: 4, multisteps: 2 });
    const s = summary(m, { print: false });
    expect(s.rows.map((r) => r.type)).toEqual(['LSTM', 'Dropout', 'LSTM', 'Dropout', 'LSTM', 'Dropout', 'Dense', 'Dropout', 'Dense', 'Dense']);
    const lstmP = (f: number, u: number) => 4 * ((f + u) * u + u);
    expect(s.rows.map((r) => r.params)).toEqual([lstmP(3, 4), 0, lstmP(4, 8), 0, lstmP(8, 16), 0, 16 * 5 + 5, 0, 5 * 4 + 4, 4 * 2 + 2]);
    expect(s.rows[8 + 1].outputShape).toBe('(None, 2)');
  });

  it('sequenceModel builds and names each framing', () => {
    const a = sequenceModel({ type: 'one-to-one', features: 2, outputs: 2 });
    expect(a.model.outputs[0].shape).toEqual([null, 2]);
    expect(a.description).toMatch(/^one-to-one: 1 step of 2 features → 2 outputs/);
    const b = sequenceModel({ type: 'one-to-many', features: 1, outputs: 1, outputLength: 3 });
    expect(b.model.outputs[0].shape).toEqual([null, 3, 1]);
    const c = sequenceModel({ type: 'many-to-one', timesteps: 5, features: 10, outputs: 10 });
    expect(c.outputShape).toEqual([10]);
    const d = sequenceModel({ type: 'many-to-many', timesteps: 10, features: 1, outputs: 1 });
    expect(d.model.outputs[0].shape).toEqual([null, 10, 1]);
    expect(d.description).toMatch(/equal lengths/);
    const e = sequenceModel({ type: 'many-to-many', timesteps: 8, features: 12, outputs: 12, outputLength: 2 });
    expect(e.model.outputs[0].shape).toEqual([null, 2, 12]);
    expect(e.description).toMatch(/different lengths/);
  });

  it('stacked sets returnSequences below the top, with a note when it overrides', () => {
    const notes: string[] = [];
    const m = stacked({ layers: [{ units: 3, returnSequences: false }, 3], timesteps: 4, features: 1, outputs: 1, onNote: (n) => notes.push(n) });
    expect(m.layers[0].outputShape).toEqual([null, 4, 3]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/layer 0 \(3 units\) had returnSequences: false; set to true/);
  });

  it('encoderDecoder says which option does not fit', () => {
    expect(() => encoderDecoder({ inputLength: 8, inputFeatures: 12, outputLength: 0, outputFeatures: 12, encoderUnits: 75, decoderUnits: 50 })).toThrow(
      /expected outputLength .* to be a positive integer for encoderDecoder\(\), got 0/,
    );
  });
});
