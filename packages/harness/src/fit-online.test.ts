import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { ShapeError, createRng, ndarray, sliceRows } from '@lstm-kit/sequence';
import { compileModel } from './compile-model';
import { evaluate } from './evaluate';
import { fitOnline } from './fit-online';
import { collector, echoData, tinyClassifier } from './internal/test-models';

beforeAll(async () => {
  await initBackend({ prefer: 'cpu' });
});

describe('fitOnline', () => {
  it('learns echo from single freshly generated samples (reduced size)', async () => {
    const model = tinyClassifier(3, 4, 16);
    compileModel(model, { loss: 'categoricalCrossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, metrics: ['acc'] });
    let seed = 100;
    const h = await fitOnline(model, () => echoData(1, 3, 4, 0, seed++), { updates: 600, logEvery: 200, verbose: 0 });
    expect(h.epoch).toEqual([200, 400, 600]);
    expect(h.history.loss[2]).toBeLessThan(h.history.loss[0]);
    const { acc } = await evaluate(model, echoData(100, 3, 4, 0, 9999));
    expect(acc).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps tf.memory().numTensors flat over 1,000 single-sample updates', async () => {
    const model = tinyClassifier(3, 4, 8);
    compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['acc'] });
    const pool = echoData(50, 3, 4, 1, 3);
    const sample = (i: number) => ({ x: sliceRows(pool.x, i % 50, (i % 50) + 1), y: sliceRows(pool.y, i % 50, (i % 50) + 1) });
    await fitOnline(model, sample, { updates: 5, verbose: 0 }); // optimizer slots are created on the first update
    const before = tf.memory().numTensors;
    const counts: number[] = [];
    await fitOnline(model, sample, {
      updates: 1000,
      logEvery: 100,
      verbose: 0,
      callbacks: [{ onEpochEnd: () => void counts.push(tf.memory().numTensors) }],
    });
    expect(counts).toHaveLength(10);
    expect(new Set(counts).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fills a batch from a single-sample generator and accepts samples without the batch dimension', async () => {
    const model = tinyClassifier(3, 4);
    compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'sgd' });
    const pool = echoData(8, 3, 4, 0, 1);
    const steps: number[] = [];
    const h = await fitOnline(
      model,
      (step) => {
        steps.push(step);
        const i = step % 8;
        return { x: ndarray(pool.x.data.subarray(i * 12, i * 12 + 12), [3, 4]), y: ndarray(pool.y.data.subarray(i * 4, i * 4 + 4), [4]) };
      },
      { updates: 3, batchSize: 4, verbose: 0 },
    );
    expect(steps).toEqual([...Array(12).keys()]);
    expect(h.params.batchSize).toBe(4);
    expect(h.history.loss.every(Number.isFinite)).toBe(true);
  });

  it('prints a line per window with the update rate, or nothing at verbose 0', async () => {
    const model = tinyClassifier(3, 4);
    compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['acc'] });
    const rng = createRng(1);
    const out = collector(false);
    await fitOnline(model, () => echoData(1, 3, 4, 0, rng.nextSeed()), { updates: 20, logEvery: 10, output: out });
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Updates 20\/20 - \d+m?s - \d+ updates\/s - loss: \d\.\d{4} - acc: \d\.\d{4}$/);
  });

  it('names the disagreeing dimension of a generated sample', async () => {
    const model = tinyClassifier(3, 4);
    compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam' });
    await expect(fitOnline(model, () => echoData(1, 3, 5, 0, 1), { updates: 1, verbose: 0 })).rejects.toThrow(
      /generated x dimension 2 \(features\) is 5 but the model input expects 4/,
    );
    await expect(fitOnline(model, () => echoData(1, 3, 5, 0, 1), { updates: 1, verbose: 0 })).rejects.toThrow(ShapeError);
  });
});
