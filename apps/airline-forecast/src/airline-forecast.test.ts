import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadAirline, run } from './airline-forecast';

describe('airline-forecast app at a reduced size', () => {
  it('reads the 144 months of the data file', () => {
    const { month, passengers } = loadAirline();
    expect(month).toHaveLength(144);
    expect([month[0], passengers[0], month[143], passengers[143]]).toEqual(['1949-01', 112, '1960-12', 432]);
  });

  it('learns the yearly cycle from lag-1 differences and beats persistence on 1960', async () => {
    const out = mkdtempSync(join(tmpdir(), 'airline-'));
    const lines: string[] = [];
    // The run builds on an initialised backend; count tensors only once that exists.
    await tf.ready();
    const before = tf.memory().numTensors;
    try {
      const result = await run({ quick: true, log: (l) => lines.push(l), outDir: out });
      expect(tf.memory().numTensors).toBe(before);
      expect(result.id).toBe('airline-forecast');
      // LSTM(32) on 12 steps of 1 feature: 4·32·(32+1+1) = 4,352, Dense(1): 33.
      expect(result.params).toBe(4385);
      expect(result.skill.name).toBe('RMSE');
      // Persistence on 1960 is 53.2 (thousands); lag-1 differences alone only reproduce it, so
      // well under it means the LSTM learned the seasonal pattern (40 epochs reach about 24).
      expect(result.reference).toBe('persistence 53.2 thousand');
      expect(result.skill.value).toBeLessThan(0.7 * 53.2);
      expect(result.passed).toBe(true);
      const text = lines.join('\n');
      expect(text.match(/^Month=1960-\d\d, Predicted=\d+\.\d, Expected=\d+, Persistence=\d+$/gm)).toHaveLength(12);
      expect(text).toMatch(/Total params: 4,385/);
      expect(result.charts?.map((c) => c.title)).toEqual(['Forecast vs truth', 'Learning curve']);
      for (const c of result.charts ?? []) expect(statSync(c.path).size).toBeGreaterThan(1000);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
