import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { run } from './stateful';

const percent = (line: string, label: string) => Number(new RegExp(`${label} ([\\d.]+)%`).exec(line)?.[1]);

describe('stateful app (L5) at a reduced size', () => {
  it('carries the previous value across batches only when stateful', async () => {
    const lines: string[] = [];
    const result = await run({ epochs: 40, log: (l) => lines.push(l) });
    // LSTM(16) on 10 features: 4·((10 + 16)·16 + 16) = 1,728; TimeDistributed(Dense(10)): 170.
    expect(result.params).toBe(1898);
    expect(result.details).toHaveLength(5);
    const [, , , first, other] = result.details!;
    // The first step of a sub-sequence needs the previous batch: the stateful model has it,
    // the stateless one and the stateful one reset before every batch are left at chance (10%).
    expect(percent(first, 'stateful')).toBeGreaterThanOrEqual(60);
    expect(percent(first, 'every batch')).toBeLessThan(30);
    expect(percent(first, 'stateless')).toBeLessThan(30);
    // Inside a sample all three echo well: the difference is the memory across batches alone.
    expect(percent(other, 'stateless')).toBeGreaterThanOrEqual(60);
    expect(percent(other, 'every batch')).toBeGreaterThanOrEqual(60);
    expect(result.skill.value * 100).toBeCloseTo(percent(first, 'stateful'), 1);
    expect(result.passed).toBe(true);
    const text = lines.join('\n');
    expect(text).toMatch(/lstm\S* \(LSTM\)\s+\(10, 5, 16\)\s+1728/);
    expect(text).toMatch(/\(None, 5, 16\)/);
    expect(text).toMatch(/Stateful beats stateless on the first steps by [\d.]+ points/);
  });

  it('gives the same result for the same seed, leaks no tensors and writes its chart', async () => {
    const a = await run({ epochs: 3, seed: 8, verbose: 0 });
    const before = tf.memory().numTensors;
    const dir = await mkdtemp(join(tmpdir(), 'l5-'));
    const b = await run({ epochs: 3, seed: 8, verbose: 0, outDir: dir });
    expect(b.details).toEqual(a.details);
    expect(tf.memory().numTensors).toBe(before);
    expect(b.charts?.map((c) => c.path)).toEqual([join(dir, 'stateful-accuracy.svg')]);
    expect(await readFile(b.charts![0].path, 'utf8')).toMatch(/^<svg/);
  });
});
