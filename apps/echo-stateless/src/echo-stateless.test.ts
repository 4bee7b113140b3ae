import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { run } from './echo-stateless';

describe('echo-stateless app (L4) at the lab size', () => {
  it('learns the echo only partly in 500 updates: above chance, below B6', async () => {
    const lines: string[] = [];
    const result = await run({ log: (l) => lines.push(l) });
    // LSTM(16) on 10 features: 4·((10 + 16)·16 + 16) = 1,728; Dense(10): 170.
    expect(result.params).toBe(1898);
    expect(result.skill.name).toBe('accuracy');
    // Chance is 10%; B6 (25 cells, 10,000 updates) reaches 100%. 500 updates must land between.
    expect(result.skill.value).toBeGreaterThanOrEqual(0.15);
    expect(result.skill.value).toBeLessThan(0.95);
    expect(result.passed).toBe(true);
    expect(result.details).toHaveLength(5);
    expect(result.details?.[0]).toMatch(/^Sequence: \[\d, \d, \d, \d, \d\]  Expected: \d  Predicted: \d$/);
    const text = lines.join('\n');
    expect(text).toMatch(/Total params: 1,898/);
    expect(text).toMatch(/Updates 500\/500/);
    expect(text).toMatch(/Accuracy: \d+\.\d% on 100 new sequences \(reference ≈ 57%/);
  });

  it('gives the same result for the same seed, leaks no tensors and writes its chart', async () => {
    const a = await run({ updates: 50, seed: 11, verbose: 0 });
    const before = tf.memory().numTensors;
    const dir = await mkdtemp(join(tmpdir(), 'l4-'));
    const b = await run({ updates: 50, seed: 11, verbose: 0, outDir: dir });
    expect(b.skill.value).toBe(a.skill.value);
    expect(b.details).toEqual(a.details);
    expect(tf.memory().numTensors).toBe(before);
    expect(b.charts?.map((c) => c.path)).toEqual([join(dir, 'echo-stateless-loss.svg')]);
    expect(await readFile(b.charts![0].path, 'utf8')).toMatch(/^<svg/);
  });
});
