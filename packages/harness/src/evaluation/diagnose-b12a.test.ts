import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { diagnose } from './diagnose';

// The B12a set-ups of the spec on the fit-diagnosis toy data, trained with tfjs directly (so
// this test does not depend on the training half of the harness). They are small enough to
// run at full length on the cpu backend in a few seconds.

type Curves = { loss: number[]; val_loss: number[] };

async function trainToy(opts: { units: number; loss: string; optimizer: tf.Optimizer; epochs: number; seed: number }): Promise<Curves> {
  const x = tf.tensor3d([0, 0.1, 0.2, 0.3, 0.4], [5, 1, 1]);
  const y = tf.tensor2d([0.1, 0.2, 0.3, 0.4, 0.5], [5, 1]);
  const xv = tf.tensor3d([0.5, 0.6, 0.7, 0.8, 0.9], [5, 1, 1]);
  const yv = tf.tensor2d([0.6, 0.7, 0.8, 0.9, 1.0], [5, 1]);
  const model = tf.sequential();
  // Keras defaults (sigmoid recurrent activation, forget bias 1) with seeded initialisers.
  model.add(
    tf.layers.lstm({
      units: opts.units,
      inputShape: [1, 1],
      recurrentActivation: 'sigmoid',
      unitForgetBias: true,
      kernelInitializer: tf.initializers.glorotUniform({ seed: opts.seed }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: opts.seed + 1 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: opts.seed + 2 }) }));
  model.compile({ loss: opts.loss, optimizer: opts.optimizer });
  const h = await model.fit(x, y, { epochs: opts.epochs, validationData: [xv, yv], shuffle: false, verbose: 0 });
  model.dispose();
  tf.dispose([x, y, xv, yv]);
  return { loss: h.history.loss as number[], val_loss: h.history.val_loss as number[] };
}

const slice = (c: Curves, n: number): Curves => ({ loss: c.loss.slice(0, n), val_loss: c.val_loss.slice(0, n) });

describe('diagnose on the B12a runs', () => {
  let adam1200: Curves;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    adam1200 = await trainToy({ units: 10, loss: 'meanSquaredError', optimizer: tf.train.adam(0.001), epochs: 1200, seed: 1 });
  });

  it('a 100-epoch run is the first 100 epochs of the 1200-epoch run (so the longer run can be cut)', async () => {
    const short = await trainToy({ units: 10, loss: 'meanSquaredError', optimizer: tf.train.adam(0.001), epochs: 100, seed: 1 });
    expect(short.val_loss).toEqual(adam1200.val_loss.slice(0, 100));
  });

  it('LSTM(10), MSE, Adam, 100 epochs: under-fit, still improving', () => {
    const d = diagnose(slice(adam1200, 100));
    expect(d.verdict).toBe('under-fit');
    expect(d.kind).toBe('still improving');
    expect(d.minValEpoch).toBe(100);
  });

  it('LSTM(1), MAE, SGD, 300 epochs: under-fit, too small to learn', async () => {
    const c = await trainToy({ units: 1, loss: 'meanAbsoluteError', optimizer: tf.train.sgd(0.01), epochs: 300, seed: 1 });
    const d = diagnose(c);
    expect(d.verdict).toBe('under-fit');
    expect(d.kind).toBe('too small to learn');
    expect(d.finalValLoss!).toBeGreaterThan(0.3);
  });

  it('LSTM(10), MSE, Adam, 800 epochs: good fit', () => {
    const d = diagnose(slice(adam1200, 800));
    expect(d.verdict).toBe('good fit');
    expect(d.finalValLoss!).toBeLessThan(1e-3);
  });

  it('LSTM(10), MSE, Adam, 1200 epochs: over-fit, validation turns up after its minimum', () => {
    const d = diagnose(adam1200);
    expect(d.verdict).toBe('over-fit');
    expect(d.kind).toBe('validation turns up');
    const v = adam1200.val_loss;
    const rawMin = v.indexOf(Math.min(...v)) + 1;
    expect(Math.abs(d.minValEpoch! - rawMin)).toBeLessThanOrEqual(24);
    expect(d.turnUpEpoch!).toBeGreaterThan(d.minValEpoch!);
    expect(d.turnUpEpoch!).toBeLessThan(900);
    expect(d.finalValLoss!).toBeGreaterThan(10 * d.minValLoss!);
  });
});
