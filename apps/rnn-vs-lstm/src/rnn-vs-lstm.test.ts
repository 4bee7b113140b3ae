import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { run } from './rnn-vs-lstm';

describe('rnn-vs-lstm app (L3) at a reduced size', () => {
  it('leaves the plain RNN far off while the LSTM continues [70 80 90] with about [100 110]', async () => {
    const lines: string[] = [];
    const result = await run({ epochs: 250, log: (l) => lines.push(l) });
    // LSTM(50) on 1 feature: 4·((1 + 50)·50 + 50) = 10,400; Dense(2): 102.
    expect(result.params).toBe(10_502);
    expect(result.details).toHaveLength(3);
    const errors = result.details!.map((d) => Number(/error ≤ ([\d.]+)%/.exec(d)?.[1]));
    // A quarter of the lab's epochs: the LSTM is already close, the sigmoid RNN nowhere near.
    expect(errors[2]).toBeLessThan(15);
    expect(errors[0]).toBeGreaterThan(50);
    expect(result.skill.value * 100).toBeCloseTo(errors[2], 1);
    expect(result.passed).toBe(result.skill.value <= 0.1);
    const text = lines.join('\n');
    expect(text).toMatch(/Total params: 2,702/); // SimpleRNN 2,600 + Dense 102
    expect(text).toMatch(/Total params: 2,906/); // + BatchNorm 4 (2 non-trainable) + 200 (100)
    expect(text).toMatch(/Non-trainable params: 102/);
    expect(text).toMatch(/LSTM\(50, relu\) → Dense\(2\): \[70 80 90\] → \[[\d.]+ [\d.]+\]/);
  });

  it('gives the same result for the same seed, leaks no tensors and draws the loss comparison', async () => {
    const a = await run({ epochs: 5, seed: 9, verbose: 0 });
    const before = tf.memory().numTensors;
    const dir = await mkdtemp(join(tmpdir(), 'l3-'));
    const b = await run({ epochs: 5, seed: 9, verbose: 0, outDir: dir });
    expect(b.details).toEqual(a.details);
    expect(tf.memory().numTensors).toBe(before);
    expect(b.charts?.map((c) => c.path)).toEqual([join(dir, 'rnn-vs-lstm-loss.svg')]);
    expect(await readFile(b.charts![0].path, 'utf8')).toMatch(/^<svg/);
  });
});
