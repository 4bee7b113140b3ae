import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { summary } from './summary';
import { vanilla } from './recipes/vanilla';
import { clearSession } from './layer-names';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('summary', () => {
  it("prints Keras's table for the B6 echo model: 3,600 + 260 = 3,860", () => {
    clearSession();
    const model = vanilla({ units: 25, timesteps: 5, features: 10, outputs: 10, outputActivation: 'softmax', seed: 1 });
    const lines: string[] = [];
    const s = summary(model, { print: (l) => lines.push(l) });
    expect(s.rows).toEqual([
      { name: 'lstm', type: 'LSTM', outputShape: '(None, 25)', params: 3600 },
      { name: 'dense', type: 'Dense', outputShape: '(None, 10)', params: 260 },
    ]);
    expect([s.total, s.trainable, s.nonTrainable]).toEqual([3860, 3860, 0]);
    expect(lines).toEqual([
      'Model: "sequential"',
      '_'.repeat(65),
      ' Layer (type)                Output Shape              Param #   ',
      '='.repeat(65),
      ' lstm (LSTM)                 (None, 25)                3600      ',
      ' '.repeat(65),
      ' dense (Dense)               (None, 10)                260       ',
      '='.repeat(65),
      'Total params: 3,860',
      'Trainable params: 3,860',
      'Non-trainable params: 0',
      '_'.repeat(65),
    ]);
    expect(s.text).toBe(lines.join('\n'));
  });

  it('counts non-trainable weights apart', () => {
    const model = tf.sequential({ layers: [tf.layers.batchNormalization({ inputShape: [3, 4] })] });
    const s = summary(model, { print: false });
    expect([s.total, s.trainable, s.nonTrainable]).toEqual([16, 8, 8]);
    expect(s.rows[0].outputShape).toBe('(None, 3, 4)');
  });
});
