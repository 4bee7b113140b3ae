import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { rollback } from '@lstm-kit/persistence';
import { run } from './update-model';

const out = mkdtempSync(join(tmpdir(), 'update-model-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('update-model app (B14) at a reduced size', () => {
  it('replaces the old-regime model with a candidate trained on new data, keeping a backup', async () => {
    const lines: string[] = [];
    const before = tf.memory().numTensors;
    // 20 of the book's 100 epochs (refits 8 of 40), 3 of its 5 repeats.
    const result = await run({ epochs: 20, refitEpochs: 8, repeats: 3, outDir: out, log: (l) => lines.push(l) });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.params).toBe(4 * ((1 + 10) * 10 + 10) + 11);
    // The series changed regime, so the model fitted to the old one must lose to an update.
    expect(result.details?.[0]).toMatch(/^Decision: replace the weights with '(refit on new|refit on old\+new|new model on new|new model on old\+new)'$/);
    expect(result.passed).toBe(true);
    const text = lines.join('\n');
    expect(text).toMatch(/saved model vs winner: max \|diff\| 0$/m);
    expect(text).toMatch(/^count\s+3\.000000/m);
    const existing = Number(text.match(/\(existing model (\d\.\d+)\)/)?.[1]);
    expect(existing).toBeGreaterThan(0);
    expect(result.skill.value).toBeLessThan(existing);
    expect(existsSync(join(out, 'model.previous'))).toBe(true);
    // The backup is a whole verified bundle: rolling back to the old-regime model works.
    const restored = await rollback(join(out, 'model'));
    expect(restored?.kind).toBe('model');
    expect(readFileSync(join(out, 'candidates.svg'), 'utf8')).toMatch(/^<svg/);
  });

  it('reaches the same scores and decision for the same seed', async () => {
    const options = { epochs: 4, refitEpochs: 2, repeats: 2, seed: 2, verbose: 0 as const };
    const a = await run(options);
    const b = await run(options);
    expect(b.details).toEqual(a.details);
  });
});
