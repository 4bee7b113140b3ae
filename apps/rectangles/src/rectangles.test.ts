import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { run, sideMismatch } from './rectangles';

const out = mkdtempSync(join(tmpdir(), 'rectangles-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('sideMismatch', () => {
  it('is 0 for a rectangle and the mean relative difference of opposite sides otherwise', () => {
    expect(sideMismatch([[0, 0], [0.5, 0], [0.5, 0.2], [0, 0.2]])).toBe(0);
    // widths 1 and 0.8 (mean 0.9), heights equal: (0.2 / 0.9 + 0) / 2
    expect(sideMismatch([[0, 0], [1, 0], [0.9, 0.5], [0.1, 0.5]])).toBeCloseTo(0.2 / 0.9 / 2, 12);
  });
});

describe('rectangles app (B11) at a reduced size', () => {
  it('learns to step right along the bottom first and draws better shapes with more examples', async () => {
    const lines: string[] = [];
    const before = tf.memory().numTensors;
    const result = await run({ updates: 4000, outDir: out, log: (l) => lines.push(l) });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.params).toBe(542);
    const origin = result.details?.[0].match(/^Generated from \[0, 0\]: \[0\.00, 0\.00\] → \[(-?\d\.\d\d), (-?\d\.\d\d)\] → /);
    expect(origin).not.toBeNull();
    // The first corner drawn is bottom-right: to the right of the origin, on the bottom edge.
    expect(Number(origin?.[1])).toBeGreaterThan(0.15);
    expect(Math.abs(Number(origin?.[2]))).toBeLessThan(0.1);
    // Stages 100, 500, 1,000, 4,000: after 100 rectangles opposite sides differ by about 100%;
    // 4,000 of the book's 25,000 bring it well under half (the full run reaches about 2%).
    const stages = (result.details ?? []).slice(2).map((l) => Number(l.match(/differ by (\d+\.\d)%/)?.[1]));
    expect(stages).toHaveLength(4);
    expect(stages[3]).toBeLessThan(stages[0] / 2);
    expect(result.skill.value).toBeLessThan(0.4);
    expect(lines.join('\n')).toMatch(/Total params: 542/);
    expect(readFileSync(join(out, 'rectangles.svg'), 'utf8')).toMatch(/^<svg/);
    expect(result.charts?.[0].title).toMatch(/Rectangles at 100/);
  });

  it('draws the same shapes for the same seed', async () => {
    const a = await run({ updates: 300, seed: 5, verbose: 0 });
    const b = await run({ updates: 300, seed: 5, verbose: 0 });
    expect(b.details).toEqual(a.details);
    expect(b.skill.value).toBe(a.skill.value);
  });
});
