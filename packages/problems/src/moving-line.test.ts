import { type NdArray, createRng } from '@lstm-kit/sequence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movingLine, movingLineFrames } from './moving-line';

/** The pixels that are on in frame t of sequence p, as [row, column] pairs. */
function onPixels(x: NdArray, p: number, t: number, size: number): [number, number][] {
  const base = (p * size + t) * size * size;
  const out: [number, number][] = [];
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (x.data[base + r * size + c] === 1) out.push([r, c]);
  return out;
}

describe('movingLine', () => {
  it('adds exactly one pixel per frame in the next column, rows moving by at most one, label matching direction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer(), (size, seed) => {
        const { x, y, directions, rows } = movingLine({ size, nPatterns: 8, seed });
        expect(x.shape).toEqual([8, size, size, size, 1]);
        expect(y.shape).toEqual([8, 1]);
        for (let p = 0; p < 8; p++) {
          const right = directions[p] === 'right';
          expect(y.data[p]).toBe(right ? 1 : 0);
          let previous: [number, number][] = [];
          for (let t = 0; t < size; t++) {
            const now = onPixels(x, p, t, size);
            expect(now).toHaveLength(t + 1);
            const prevKeys = new Set(previous.map(([r, c]) => `${r},${c}`));
            for (const [r, c] of previous) expect(now.some(([r2, c2]) => r2 === r && c2 === c)).toBe(true);
            const added = now.filter(([r, c]) => !prevKeys.has(`${r},${c}`));
            expect(added).toHaveLength(1);
            const [row, col] = added[0];
            expect(col).toBe(right ? t : size - 1 - t);
            expect(row).toBe(rows[p][t]);
            expect(row >= 0 && row < size).toBe(true);
            if (t > 0) expect(Math.abs(row - rows[p][t - 1])).toBeLessThanOrEqual(1);
            previous = now;
          }
        }
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('moves right about half the time and steps up, level and down', () => {
    const { directions, rows } = movingLine({ size: 20, nPatterns: 400, seed: 6 });
    const right = directions.filter((d) => d === 'right').length;
    expect(right / 400).toBeGreaterThan(0.42);
    expect(right / 400).toBeLessThan(0.58);
    const steps = new Set(rows.flatMap((r) => r.slice(1).map((v, t) => v - r[t])));
    expect([...steps].sort()).toEqual([-1, 0, 1]);
  });

  it('is reproducible, continues a stream, and matches movingLineFrames on the same stream', () => {
    const a = movingLine({ size: 10, nPatterns: 3, seed: 5 });
    expect(movingLine({ size: 10, nPatterns: 3, seed: 5 })).toEqual(a);
    expect(movingLine({ size: 10, nPatterns: 3, seed: 50 }).rows).not.toEqual(a.rows);
    const rng = createRng(5);
    for (let p = 0; p < 3; p++) {
      const one = movingLineFrames(10, rng);
      expect(one.frames.shape).toEqual([10, 10, 10]);
      expect(Array.from(one.frames.data)).toEqual(Array.from(a.x.data.subarray(p * 1000, (p + 1) * 1000)));
      expect(one.direction).toBe(a.directions[p]);
      expect(one.rows).toEqual(a.rows[p]);
      expect(one.columns).toEqual(one.rows.map((_, t) => (one.direction === 'right' ? t : 9 - t)));
    }
    expect(movingLineFrames(10, 5)).toEqual(movingLineFrames(10, createRng(5)));
  });

  it('rejects a size too small to show a direction', () => {
    expect(() => movingLine({ size: 1 })).toThrow(/movingLine: expected size to be an integer >= 2, got 1/);
    expect(() => movingLine({ nPatterns: 0 })).toThrow(/nPatterns/);
    expect(() => movingLineFrames(0, 1)).toThrow(/size/);
    expect(() => movingLineFrames(5, Number.POSITIVE_INFINITY)).toThrow(/finite seed/);
  });
});
