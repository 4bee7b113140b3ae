import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { run } from './one-to-one';

describe('one-to-one app (L1) at a reduced size', () => {
  it('extrapolates y = 10·X to X = 30 with both LSTMs and reports Keras parameter counts', async () => {
    const lines: string[] = [];
    const result = await run({ epochs: 250, log: (l) => lines.push(l) });
    // LSTM(50): 4·((1 + 50)·50 + 50) = 10,400, Dense(1): 51.
    expect(result.params).toBe(10_451);
    expect(result.details).toHaveLength(2);
    const predictions = result.details!.map((d) => Number(/X=30 → (-?[\d.]+)/.exec(d)?.[1]));
    // An eighth of the lab's 2,000 epochs: a model that had not learned the line would be far
    // from 300 (an untrained one predicts about 0, one that only memorised X ≤ 16 about 160).
    expect(Math.abs(predictions[0] - 300)).toBeLessThan(45);
    expect(Math.abs(predictions[1] - 300)).toBeLessThan(45);
    expect(result.skill.value).toBeCloseTo(Math.abs(predictions[0] - 300) / 300, 3);
    expect(result.passed).toBe(result.skill.value <= 0.05);
    const text = lines.join('\n');
    expect(text).toMatch(/Total params: 10,451/);
    expect(text).toMatch(/Total params: 30,651/);
    expect(text).toMatch(/vanilla: epoch 250\/250 - loss: [\d.]+ - val_loss: [\d.]+/);
    expect(text).toMatch(/Vanilla LSTM error at X=30: [\d.]+% \(pass ≤ 5%; reference 293/);
  });

  it('gives the same result for the same seed, leaks no tensors and writes its charts', async () => {
    const a = await run({ epochs: 5, seed: 3, verbose: 0 });
    const before = tf.memory().numTensors;
    const dir = await mkdtemp(join(tmpdir(), 'l1-'));
    const b = await run({ epochs: 5, seed: 3, verbose: 0, outDir: dir });
    expect(b.skill.value).toBe(a.skill.value);
    expect(b.details).toEqual(a.details);
    expect(tf.memory().numTensors).toBe(before);
    expect(b.charts?.map((c) => c.path)).toEqual([join(dir, 'one-to-one-vanilla-curves.svg'), join(dir, 'one-to-one-stacked-curves.svg')]);
    expect(await readFile(b.charts![0].path, 'utf8')).toMatch(/^<svg/);
  });
});
