import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { dense, disposeModel, dropout, lstm } from '@lstm-kit/layers';
import { ndarray } from '@lstm-kit/sequence';
import { compileModel } from './compile-model';
import { fit } from './fit';
import { fitOnline } from './fit-online';

const x = ndarray(Float32Array.from({ length: 16 * 3 * 2 }, (_, i) => Math.sin(i * 0.7)), [16, 3, 2]);
const y = ndarray(Float32Array.from({ length: 16 }, (_, i) => Math.cos(i)), [16, 1]);

// Dropout in both places a Keras user puts it: a Dropout layer and the LSTM's own masks.
function build(): tf.Sequential {
  return tf.sequential({
    layers: [
      lstm({ units: 5, inputShape: [3, 2], dropout: 0.3, recurrentDropout: 0.3, seed: 7 }),
      dropout({ rate: 0.5 }),
      dense({ units: 1, seed: 8 }),
    ],
  });
}

async function trained(seed: number, online = false): Promise<number[]> {
  const model = build();
  compileModel(model, { loss: 'mse', optimizer: 'adam' });
  if (online) {
    let i = 0;
    await fitOnline(model, () => ({ x: ndarray(x.data.subarray(6 * (i % 16), 6 * (i % 16) + 6), [1, 3, 2]), y: ndarray([y.data[i++ % 16]], [1, 1]) }), { updates: 12, verbose: 0, seed });
  } else {
    await fit(model, { x, y }, { epochs: 3, batchSize: 4, verbose: 0, seed });
  }
  const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
  expect(model.layers[1].getConfig().seed).toBeUndefined();
  disposeModel(model);
  return weights;
}

describe('one seed repeats a run with dropout', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'cpu' });
  });

  it('fit: the same seed gives the same weights, another seed other weights', async () => {
    const a = await trained(1);
    expect(await trained(1)).toEqual(a);
    expect(await trained(2)).not.toEqual(a);
  });

  it('fitOnline: the same seed gives the same weights, another seed other weights', async () => {
    const a = await trained(5, true);
    expect(await trained(5, true)).toEqual(a);
    expect(await trained(6, true)).not.toEqual(a);
  });
});
