import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { repeatSeeds } from '@lstm-kit/harness';
import { afterAll, describe, expect, it } from 'vitest';
import { trial } from '../trial.mjs';
import { run } from './tuning';

const out = mkdtempSync(join(tmpdir(), 'tuning-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('tuning app (B12b) at a reduced size', () => {
  it('finds the loss falling from 1 to 5 to 10 cells and prints describe() tables and a box plot', async () => {
    const lines: string[] = [];
    const before = tf.memory().numTensors;
    // 250 of the book's 500 epochs, 2 of its 5 repeats, the cells grid.
    const result = await run({ quick: true, repeats: 2, grids: ['cells'], outDir: out, log: (l) => lines.push(l) });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.params).toBe(491);
    expect(result.passed).toBe(true);
    expect(result.details).toHaveLength(3);
    const means = (result.details ?? []).map((l) => Number(l.match(/mean val loss (\d\.\d+)/)?.[1]));
    // Half the epochs leave every loss above the course's, but ten cells clearly beat one.
    expect(means[0]).toBeGreaterThan(1.5 * means[2]);
    const text = lines.join('\n');
    expect(text).toMatch(/^count\s+2\.000000\s+2\.000000\s+2\.000000$/m);
    expect(text).toMatch(/^mean\s/m);
    expect(readFileSync(join(out, 'box-cells.svg'), 'utf8')).toMatch(/^<svg/);
    // The box plot as a picture too: a PNG file (its signature) of some size.
    const png = readFileSync(join(out, 'box-cells.png'));
    expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(5000);
    expect(result.charts).toHaveLength(1);
  });

  it('gives the same scores for the same seed', async () => {
    const options = { epochs: 20, repeats: 2, grids: ['cells'] as const, workers: 0, seed: 4, verbose: 0 as const };
    const a = await run(options);
    const b = await run(options);
    expect(b.details).toEqual(a.details);
  });

  it('runs the batch-size grid on worker threads from the plain-JS trial module, as the same trial inline', async () => {
    const epochs = 40;
    const pooled = await run({ epochs, repeats: 2, grids: ['batchSize'], workers: 2, verbose: 0 });
    const means = (pooled.details ?? []).map((l) => Number(l.match(/mean val loss (\d\.\d+)/)?.[1]));
    expect(means).toHaveLength(3);
    // One sample per batch makes 5 updates per epoch against 2 with three: a lower loss.
    expect(means[0]).toBeLessThan(means[2]);
    // The same trial in this thread, with the seeds every grid run uses, gives the pooled mean.
    const seeds = repeatSeeds({ repeats: 2, seed: 12 });
    let sum = 0;
    for (const seed of seeds) sum += await trial({ cells: 10, batchSize: 1, epochs }, { seed });
    expect(sum / seeds.length).toBeCloseTo(means[0], 4);
  });
});
