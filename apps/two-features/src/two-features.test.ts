import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { run } from './two-features';

const figures = (line: string) => {
  const m = /→ ([\d,]+) \(expected 4,400, error ([-+][\d.]+)%\); mean error on the 20 lab samples ([\d.]+)%/.exec(line);
  if (!m) throw new Error(`unexpected detail line: ${line}`);
  return { prediction: Number(m[1].replace(/,/g, '')), error: Number(m[2]), fit: Number(m[3]) };
};

describe('two-features app (L2) at a reduced size', () => {
  it('fits the training products, then undershoots the product at [55, 80] without scaling', async () => {
    const lines: string[] = [];
    // A narrower stacked model (16 cells instead of 200) keeps the test within its time budget.
    const result = await run({ epochs: 300, stackedUnits: 16, log: (l) => lines.push(l) });
    // LSTM(50) on 2 features: 4·((2 + 50)·50 + 50) = 10,600; Dense(10): 510; Dense(1): 11.
    expect(result.params).toBe(11_121);
    expect(result.details).toHaveLength(3);
    const [unscaled, stacked, scaled] = result.details!.map(figures);
    // Within the training range the models learned the products …
    expect(unscaled.fit).toBeLessThan(15);
    expect(scaled.fit).toBeLessThan(15);
    expect(stacked.fit).toBeLessThan(25);
    // … beyond it a relu network continues linearly and undershoots the convex product (lab: ≈ 3,500).
    expect(unscaled.error).toBeLessThan(-10);
    expect(unscaled.prediction).toBeGreaterThan(1000);
    expect(result.skill.value).toBeCloseTo(unscaled.prediction, -1);
    expect(result.passed).toBe(unscaled.fit < 10);
    const text = lines.join('\n');
    expect(text).toMatch(/Total params: 11,121/);
    expect(text).toMatch(/Extrapolation to \[55, 80\]: unscaled [\d,]+ \([-+][\d.]+%\), scaled [\d,]+/);
  });

  it('gives the same result for the same seed, leaks no tensors and writes three learning-curve charts', async () => {
    const a = await run({ epochs: 3, stackedUnits: 8, seed: 5, verbose: 0 });
    const before = tf.memory().numTensors;
    const dir = await mkdtemp(join(tmpdir(), 'l2-'));
    const b = await run({ epochs: 3, stackedUnits: 8, seed: 5, verbose: 0, outDir: dir });
    expect(b.details).toEqual(a.details);
    expect(tf.memory().numTensors).toBe(before);
    expect(b.charts?.map((c) => c.path)).toEqual(
      ['unscaled', 'stacked', 'scaled'].map((name) => join(dir, `two-features-${name}-curves.svg`)),
    );
    expect(await readFile(b.charts![2].path, 'utf8')).toMatch(/^<svg/);
  });
});
