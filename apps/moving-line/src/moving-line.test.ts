import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { summary } from '@lstm-kit/layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, run } from './moving-line';

describe('moving-line app (B8) at a reduced size', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'moving-line-'));
  // The model-building test runs first; build on the backend the app trains on.
  beforeAll(() => initBackend());
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds the book model with Keras parameter counts and output shapes', () => {
    const model = buildModel(50, 1);
    const table = summary(model, { print: false });
    expect(table.total).toBe(240_661);
    expect(table.rows.map((r) => r.outputShape)).toEqual(['(None, 50, 49, 49, 2)', '(None, 50, 24, 24, 2)', '(None, 50, 1152)', '(None, 50)', '(None, 1)']);
    model.optimizer?.dispose();
    model.dispose();
  });

  it('learns the direction of the line on 20×20 frames and writes its charts', async () => {
    const lines: string[] = [];
    const result = await run({ quick: true, outDir, log: (l) => lines.push(l) });
    expect(result.id).toBe('moving-line');
    expect(result.params).toBe(42_661);
    expect(result.skill.name).toBe('accuracy');
    // 50 updates on 20×20 frames: chance is 50%; the fixed seed reaches about 99%.
    expect(result.skill.value).toBeGreaterThanOrEqual(0.8);
    expect(result.passed).toBe(result.skill.value >= 0.95);
    expect(result.details).toHaveLength(5);
    for (const d of result.details ?? []) expect(d).toMatch(/^Expected: (Right|Left), Predicted: (Right|Left)$/);
    expect(lines.join('\n')).toMatch(/Accuracy: \d+\.\d% on 100 new sequences \(reference 100%, pass ≥ 95%: (pass|MISS)\), trained in \d+\.\d s/);
    expect(result.charts?.map((c) => c.path)).toEqual([join(outDir, 'moving-line-frames.svg'), join(outDir, 'moving-line-learning-curve.svg')]);
    for (const c of result.charts ?? []) expect(existsSync(c.path)).toBe(true);
  });

  it('gives the same result for the same seed and leaks no tensors', async () => {
    const options = { size: 8, trainSequences: 64, testSequences: 20, seed: 3, verbose: 0 } as const;
    const a = await run(options);
    const before = tf.memory().numTensors;
    const b = await run(options);
    expect(b.skill.value).toBe(a.skill.value);
    expect(b.details).toEqual(a.details);
    expect(tf.memory().numTensors).toBe(before);
  });
});
