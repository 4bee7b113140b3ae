import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './fit-diagnosis';

const out = mkdtempSync(join(tmpdir(), 'fit-diagnosis-'));
let first: Awaited<ReturnType<typeof run>> | undefined;
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('fit-diagnosis app (B12a), Adam set-ups cut from one 1200-epoch run', () => {
  it('names all four set-ups as the course does and draws their learning curves', async () => {
    const lines: string[] = [];
    const result = await run({ quick: true, outDir: out, log: (l) => lines.push(l) });
    first = result;
    expect(result.params).toBe(491); // LSTM(10) on 1 feature: 480 + Dense 11
    expect(result.skill.value).toBe(4);
    expect(result.passed).toBe(true);
    expect(result.details).toHaveLength(4);
    expect(result.details?.[0]).toMatch(/^LSTM\(10\) MSE Adam 100 epochs: under-fit \(still improving\)/);
    expect(result.details?.[1]).toMatch(/^LSTM\(1\) MAE SGD 300 epochs: under-fit \(too small to learn\)/);
    expect(result.details?.[2]).toMatch(/^LSTM\(10\) MSE Adam 800 epochs: good fit/);
    expect(result.details?.[3]).toMatch(/^LSTM\(10\) MSE Adam 1200 epochs: over-fit \(validation turns up\)/);
    const text = lines.join('\n');
    expect(text).toMatch(/Total params: 491/);
    expect(text).toMatch(/Total params: 14/);
    expect(text).toMatch(/Diagnosed 4 of 4 set-ups as the course does \(reference 4 of 4\)/);
    expect(result.charts).toHaveLength(4);
    for (const chart of result.charts ?? []) {
      expect(existsSync(chart.path)).toBe(true);
      expect(readFileSync(chart.path, 'utf8')).toMatch(/^<svg/);
    }
  });

  it('gives the same result for the same seed and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const again = await run({ quick: true, verbose: 0 });
    expect(again.details).toEqual(first?.details);
    expect(tf.memory().numTensors).toBe(before);
  });
});
