import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadPm25, run } from './pm25-forecast';

describe('pm25-forecast app (L6) at a reduced size', () => {
  it('reads 2013–2014 hourly with its missing PM2.5 hours as NaN', () => {
    const r = loadPm25();
    expect(r.time).toHaveLength(17_520);
    expect([r.time[0], r.time[17_519]]).toEqual(['2013-01-01 00:00', '2014-12-31 23:00']);
    expect(r.pm25.filter(Number.isNaN)).toHaveLength(181);
    expect(r.weather[0]).toEqual([-10, -5, 1018, 5.81, 0, 0]);
    expect(new Set(r.windDirection)).toEqual(new Set(['NE', 'NW', 'SE', 'cv']));
  });

  it('trains the deep LSTM builder and beats persistence on the held-out hours', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pm25-'));
    const lines: string[] = [];
    await tf.ready();
    const before = tf.memory().numTensors;
    try {
      const result = await run({ quick: true, log: (l) => lines.push(l), outDir: out });
      expect(tf.memory().numTensors).toBe(before);
      // Widths 8, 16, 32 over 11 features, Dense(16) and Dense(6), as Keras counts them.
      expect(result.params).toBe(9142);
      expect(result.architecture).toBe('LSTM(8) → LSTM(16) → LSTM(32) → Dense(16, relu) → Dense(6), dropout 0.2');
      const text = lines.join('\n');
      const gaps = loadPm25().pm25.slice(-4000).filter(Number.isNaN).length;
      expect(text).toMatch(new RegExp(`Data: 4,000 hours .*; ${gaps} missing PM2\\.5 hours filled \\(\\d+ by interpolation up to 6 h, \\d+ by daily seasonal means\\)`));
      expect(text).toMatch(/Windows of 24 h × 11 series → 6 h of PM2\.5/);
      const persistence = Number(/persistence (\d+\.\d) µg/.exec(result.reference)?.[1]);
      // The last 400 hours (December 2014) hold smog episodes: persistence is about 58 µg/m³ there.
      expect(persistence).toBeGreaterThan(40);
      // The model predicts changes from the last hour, so matching persistence needs no learning;
      // beating it does. A broken inversion or a model that learned noise lands far above.
      expect(result.skill.value).toBeLessThan(persistence);
      expect(result.passed).toBe(true);
      // One row per hour ahead plus the overall row, each with model | persistence for RMSE and MAE.
      expect(text.match(/^ {2}(\+\d|all) +\d+\.\d \| \d+\.\d +\d+\.\d \| \d+\.\d$/gm)).toHaveLength(7);
      expect(result.details?.[0]).toMatch(/^From 2014-12-\d\d \d\d:00: forecast \[(\d+, ){5}\d+\], truth \[(\d+, ){5}\d+\], persistence \d+$/);
      expect(result.charts?.map((c) => c.title)).toEqual(['Forecast vs truth (test period)', 'Learning curves']);
      for (const c of result.charts ?? []) expect(statSync(c.path).size).toBeGreaterThan(1000);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
