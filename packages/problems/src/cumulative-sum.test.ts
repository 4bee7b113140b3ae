import { createRng } from '@lstm-kit/sequence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeSum } from './cumulative-sum';

describe('cumulativeSum', () => {
  it('flips the label exactly where the running sum passes n/4, and never back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
        const { x, y, limit } = cumulativeSum({ nTimesteps: n, nPatterns: 30, seed });
        expect(limit).toBe(n / 4);
        expect(x.shape).toEqual([30, n, 1]);
        expect(y.shape).toEqual([30, n, 1]);
        const problems: string[] = [];
        for (let p = 0; p < 30; p++) {
          let sum = 0;
          for (let t = 0; t < n; t++) {
            const i = p * n + t;
            const v = x.data[i];
            sum += v;
            if (!(v >= 0 && v < 1)) problems.push(`x[${p}][${t}] = ${v} outside [0, 1)`);
            if (y.data[i] !== (sum < limit ? 0 : 1)) problems.push(`y[${p}][${t}] = ${y.data[i]} with running sum ${sum}`);
            if (t > 0 && y.data[i] < y.data[i - 1]) problems.push(`y[${p}] flips back at ${t}`);
          }
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('has about as many 0 as 1 labels at 10 steps, starting at 0', () => {
    const { y } = cumulativeSum({ nTimesteps: 10, nPatterns: 2000, seed: 4 });
    const ones = y.data.reduce((a, b) => a + b, 0) / y.data.length;
    expect(ones).toBeGreaterThan(0.45);
    expect(ones).toBeLessThan(0.6);
    expect(y.data[0]).toBe(0);
  });

  it('is reproducible and continues an rng stream', () => {
    const a = cumulativeSum({ nPatterns: 5, seed: 8 });
    expect(cumulativeSum({ nPatterns: 5, seed: 8 })).toEqual(a);
    expect(Array.from(cumulativeSum({ nPatterns: 5, seed: 9 }).x.data)).not.toEqual(Array.from(a.x.data));
    const rng = createRng(8);
    const singles = Array.from({ length: 5 }, () => Array.from(cumulativeSum({ rng }).x.data)).flat();
    expect(singles).toEqual(Array.from(a.x.data));
  });

  it('rejects an empty sequence', () => {
    expect(() => cumulativeSum({ nTimesteps: 0 })).toThrow(/cumulativeSum: expected nTimesteps to be an integer >= 1, got 0/);
    expect(() => cumulativeSum({ nPatterns: -2 })).toThrow(/nPatterns/);
  });
});
