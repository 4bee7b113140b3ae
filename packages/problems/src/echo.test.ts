import { createRng } from '@lstm-kit/sequence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEcho, decodeEchoSequences, echo, echoLabVariant } from './echo';
import { ProblemOptionsError } from './problem-options-error';
import { DEFAULT_SEED } from './seeding';

describe('echo', () => {
  it('encodes the lab variant as one-hot x [n, 5, 10] and y [n, 10]', () => {
    const { x, y, sequences, targets } = echo({ ...echoLabVariant, nPatterns: 3, seed: 11 });
    expect(x.shape).toEqual([3, 5, 10]);
    expect(y.shape).toEqual([3, 10]);
    for (let p = 0; p < 3; p++) {
      for (let t = 0; t < 5; t++) {
        const row = Array.from(x.data.subarray((p * 5 + t) * 10, (p * 5 + t + 1) * 10));
        expect(row.reduce((a, b) => a + b, 0)).toBe(1);
        expect(row[sequences[p][t]]).toBe(1);
      }
      expect(y.data[p * 10 + targets[p]]).toBe(1);
    }
  });

  it('targets the input at outIndex for many random draws and sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 15 }),
        fc.nat(),
        fc.integer({ min: 0, max: 1e6 }),
        (length, nFeatures, k, seed) => {
          const outIndex = k % length;
          const { x, y, sequences, targets } = echo({ length, nFeatures, outIndex, nPatterns: 20, seed });
          expect(targets).toEqual(sequences.map((s) => s[outIndex]));
          expect(decodeEcho(y)).toEqual(targets);
          expect(decodeEchoSequences(x)).toEqual(sequences);
          for (const s of sequences) for (const v of s) expect(v >= 0 && v < nFeatures && Number.isInteger(v)).toBe(true);
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });

  it('draws every value about equally often', () => {
    const { sequences } = echo({ length: 10, nFeatures: 10, outIndex: 0, nPatterns: 2000, seed: 5 });
    const counts = new Array(10).fill(0);
    for (const s of sequences) for (const v of s) counts[v]++;
    for (const c of counts) expect(Math.abs(c / 20000 - 0.1)).toBeLessThan(0.01);
  });

  it('repeats with the same seed, differs with another, and defaults to DEFAULT_SEED', () => {
    const a = echo({ nPatterns: 50, seed: 9 });
    expect(echo({ nPatterns: 50, seed: 9 })).toEqual(a);
    expect(echo({ nPatterns: 50, seed: 10 }).sequences).not.toEqual(a.sequences);
    expect(echo()).toEqual(echo({ seed: DEFAULT_SEED }));
  });

  it('continues an rng stream: n single draws equal one draw of n patterns', () => {
    const rng = createRng(3);
    const singles = Array.from({ length: 6 }, () => echo({ rng }).sequences[0]);
    expect(singles).toEqual(echo({ nPatterns: 6, seed: 3 }).sequences);
    expect(new Set(singles.map((s) => s.join())).size).toBeGreaterThan(1);
  });

  it('rejects sizes it cannot use with messages that say how to fix them', () => {
    expect(() => echo({ length: 0 })).toThrow(/echo: expected length to be an integer >= 1, got 0/);
    expect(() => echo({ length: 5, outIndex: 5 })).toThrow(/outIndex to be an integer in \[0, 4\], got 5.*below length \(5\)/);
    expect(() => echo({ outIndex: -1 })).toThrow(ProblemOptionsError);
    expect(() => echo({ nFeatures: 0 })).toThrow(/nFeatures/);
    expect(() => echo({ nPatterns: 1.5 })).toThrow(/nPatterns to be an integer >= 1, got 1.5/);
    expect(() => echo({ seed: 1, rng: createRng(1) })).toThrow(/both seed and rng/);
    expect(() => echo({ seed: Number.NaN })).toThrow(/seed to be a finite number/);
    expect(() => echo({ n_patterns: 3 } as never)).toThrow(/unknown option "n_patterns".*did you mean "nPatterns"/);
  });

  it('checks the rank of what it decodes', () => {
    const { x, y } = echo({ seed: 1 });
    expect(() => decodeEcho(x)).toThrow(/decodeEchoSequences/);
    expect(() => decodeEchoSequences(y)).toThrow(/decodeEcho/);
    expect(decodeEcho({ shape: [2, 3], data: Float32Array.from([0.1, 0.7, 0.2, 0.5, 0.2, 0.3]) })).toEqual([1, 0]);
  });
});
