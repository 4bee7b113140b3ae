import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { compileModel } from '../compile-model';
import { fit } from '../fit';
import { getLearningRate } from '../optimizers';
import { meanData, tinyRegressor } from '../internal/test-models';
import type { Callback } from './callback';
import { csvLogger } from './csv-logger';
import { earlyStopping } from './early-stopping';
import { jsonLinesLogger } from './json-lines-logger';
import { exponentialDecay, learningRateScheduler, stepDecay, timeBasedDecay } from './learning-rate-scheduler';
import { formatCheckpointPath, modelCheckpoint } from './model-checkpoint';

beforeAll(async () => {
  await initBackend({ prefer: 'cpu' });
});

/** Replays fixed logs through the callbacks, as `fit` would, with a stand-in model. */
async function replay(cb: Callback, values: number[], key = 'val_loss', model?: tf.LayersModel) {
  const ctx = { model: model ?? tinyRegressor(2), optimizer: tf.train.sgd(0.1), params: {} as never, history: {} as never, stopTraining: false };
  await cb.onTrainBegin?.(ctx);
  let epoch = 0;
  for (; epoch < values.length && !ctx.stopTraining; epoch++) await cb.onEpochEnd?.(epoch, { [key]: values[epoch] }, ctx);
  await cb.onTrainEnd?.({}, ctx);
  return { ctx, ran: epoch };
}

describe('earlyStopping', () => {
  it('stops after `patience` epochs without an improvement larger than minDelta (Keras rule)', async () => {
    const stop = earlyStopping({ patience: 2, minDelta: 0.01 });
    const { ran } = await replay(stop, [1, 0.5, 0.495, 0.49, 0.3, 0.2]);
    expect(ran).toBe(4);
    expect(stop.stoppedEpoch).toBe(3);
    expect(stop.bestEpoch).toBe(1);
    expect(stop.best).toBe(0.5);
  });

  it('watches accuracies upwards in auto mode and stops at once with patience 0', async () => {
    const stop = earlyStopping({ monitor: 'val_acc' });
    const { ran } = await replay(stop, [0.5, 0.7, 0.6, 0.9], 'val_acc');
    expect(ran).toBe(3);
    expect(stop.best).toBe(0.7);
  });

  it('restores the best weights at the end of training without leaking tensors', async () => {
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.5 } });
    const before = tf.memory().numTensors;
    const stop = earlyStopping({ monitor: 'loss', patience: 1, restoreBestWeights: true });
    const snapshots: Float32Array[] = [];
    const record: Callback = { onEpochEnd: () => void snapshots.push(model.getWeights()[0].dataSync().slice() as Float32Array) };
    const h = await fit(model, meanData(20, 3, 2), { epochs: 8, batchSize: 4, verbose: 0, callbacks: [record, stop], seed: 1 });
    const best = h.history.loss.indexOf(Math.min(...h.history.loss));
    expect(stop.bestEpoch).toBe(best);
    expect(Array.from(model.getWeights()[0].dataSync())).toEqual(Array.from(snapshots[best]));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the monitored key that the logs lack', async () => {
    await expect(replay(earlyStopping(), [1], 'loss')).rejects.toThrow(/monitors 'val_loss' but the logs hold 'loss'/);
  });
});

describe('modelCheckpoint', () => {
  it('formats Keras-style path templates', () => {
    expect(formatCheckpointPath('ckpt/e{epoch:02d}-{val_loss:.2f}', 4, { val_loss: 0.1234 })).toBe('ckpt/e05-0.12');
    expect(() => formatCheckpointPath('{acc}', 0, { loss: 1 })).toThrow(/names \{acc\}/);
  });

  it('saves only improvements with saveBestOnly', async () => {
    const paths: string[] = [];
    const ckpt = modelCheckpoint({ path: 'm-{epoch}', saveBestOnly: true, save: async (_m, p) => void paths.push(p) });
    await replay(ckpt, [1, 0.8, 0.9, 0.5]);
    expect(paths).toEqual(['m-1', 'm-2', 'm-4']);
    expect(ckpt.best).toBe(0.5);
  });

  it('writes a loadable model through @lstm-kit/persistence by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'harness-ckpt-'));
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mse', optimizer: 'adam' });
    const ckpt = modelCheckpoint({ path: join(dir, 'epoch-{epoch}'), monitor: 'loss' });
    await fit(model, meanData(8, 3, 1), { epochs: 2, verbose: 0, callbacks: [ckpt] });
    expect(ckpt.saved).toEqual([join(dir, 'epoch-1'), join(dir, 'epoch-2')]);
    const json = JSON.parse(await readFile(join(dir, 'epoch-2', 'model.json'), 'utf8'));
    expect(json.modelTopology).toBeDefined();
  });
});

describe('learning-rate schedules', () => {
  it('computes step, exponential and time-based decay', () => {
    expect(stepDecay({ initial: 0.1, drop: 0.5, every: 10 })(25, 0)).toBeCloseTo(0.025, 12);
    expect(exponentialDecay({ initial: 0.01, rate: 0.9 })(2, 0)).toBeCloseTo(0.0081, 12);
    expect(timeBasedDecay({ initial: 0.1, decay: 1 })(1, 0)).toBeCloseTo(0.05, 12);
  });

  it('sets the optimizer rate per epoch and records lr in the history', async () => {
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.1 } });
    const h = await fit(model, meanData(8, 3, 1), {
      epochs: 3,
      verbose: 0,
      callbacks: [learningRateScheduler(stepDecay({ initial: 0.2, drop: 0.5, every: 1 }))],
    });
    expect(h.history.lr.map((v) => Number(v.toFixed(6)))).toEqual([0.2, 0.1, 0.05]);
  });

  it('applies Keras legacy per-update decay from the optimizer config', async () => {
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01, decay: 0.5 } });
    await fit(model, meanData(8, 3, 1), { epochs: 1, batchSize: 2, verbose: 0 });
    // 4 updates; the 4th ran at lr0 / (1 + 0.5 * 3)
    expect(getLearningRate((model as unknown as { optimizer: tf.Optimizer }).optimizer)).toBeCloseTo(0.01 / 2.5, 9);
  });
});

describe('csvLogger and jsonLinesLogger', () => {
  it('write one row / line per epoch with the Keras column order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'harness-log-'));
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mse', optimizer: 'adam', metrics: ['mae'] });
    const h = await fit(model, meanData(10, 3, 1), {
      epochs: 2,
      verbose: 0,
      validationSplit: 0.2,
      callbacks: [csvLogger(join(dir, 'a', 'log.csv')), jsonLinesLogger(join(dir, 'log.jsonl'))],
    });
    const csv = (await readFile(join(dir, 'a', 'log.csv'), 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('epoch,loss,mae,val_loss,val_mae');
    expect(csv).toHaveLength(3);
    expect(Number(csv[2].split(',')[1])).toBeCloseTo(h.history.loss[1], 6);
    const lines = (await readFile(join(dir, 'log.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.epoch)).toEqual([0, 1]);
    expect(lines[1].val_mae).toBeCloseTo(h.history.val_mae[1], 6);
  });
});

describe('epochLogger', () => {
  it('prints every N epochs and the last one, in Keras format', async () => {
    const { epochLogger } = await import('./epoch-logger');
    const lines: string[] = [];
    const cb = epochLogger({ every: 2, prefix: 'LSTM(50)', log: (l) => lines.push(l) });
    const ctx = { params: { epochs: 5 } } as unknown as Parameters<NonNullable<typeof cb.onEpochEnd>>[2];
    for (let e = 0; e < 5; e++) await cb.onEpochEnd!(e, { loss: 1 / (e + 1), val_loss: 2 }, ctx);
    expect(lines).toEqual([
      'LSTM(50): epoch 2/5 - loss: 0.5000 - val_loss: 2.0000',
      'LSTM(50): epoch 4/5 - loss: 0.2500 - val_loss: 2.0000',
      'LSTM(50): epoch 5/5 - loss: 0.2000 - val_loss: 2.0000',
    ]);
  });
});
