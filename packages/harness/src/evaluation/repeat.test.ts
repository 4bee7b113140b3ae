import { describe, expect, it } from 'vitest';
import { createRng } from '@lstm-kit/sequence';
import { EvaluationError, TrialError } from './errors';
import { repeat } from './repeat';
import { repeatSeeds } from './repeat-seeds';

describe('repeatSeeds', () => {
  it('draws the same seeds from one seed every time, and uses given seeds as they are', () => {
    const rng = createRng(42);
    expect(repeatSeeds({ repeats: 3, seed: 42 })).toEqual([rng.nextSeed(), rng.nextSeed(), rng.nextSeed()]);
    expect(repeatSeeds({ repeats: 3 })).toEqual(repeatSeeds({ repeats: 3, seed: 1 }));
    expect(repeatSeeds({ seeds: [5, 6] })).toEqual([5, 6]);
  });

  it('rejects missing or inconsistent repeats', () => {
    expect(() => repeatSeeds({})).toThrow(EvaluationError);
    expect(() => repeatSeeds({ repeats: 0 })).toThrow(/positive integer/);
    expect(() => repeatSeeds({ repeats: 3, seeds: [1, 2] })).toThrow(/one seed per repeat \(3\), got 2/);
    expect(() => repeatSeeds({ seeds: [1, NaN] })).toThrow(/finite/);
  });
});

describe('repeat', () => {
  it('runs the trial once per seed and summarises the scores like describe()', async () => {
    const seen: { seed: number; repeat: number }[] = [];
    const r = await repeat(
      async (ctx) => {
        seen.push(ctx);
        return [0.2, 0.25, 0.18, 0.22, 0.21][ctx.repeat];
      },
      { seeds: [10, 11, 12, 13, 14] },
    );
    expect(seen).toEqual([10, 11, 12, 13, 14].map((seed, repeat) => ({ seed, repeat })));
    expect(r.scores).toEqual([0.2, 0.25, 0.18, 0.22, 0.21]);
    expect(r.summary.count).toBe(5);
    expect(r.summary.mean).toBeCloseTo(0.212, 12);
    expect(r.summary['50%']).toBe(0.21);
    expect(r.summary.min).toBe(0.18);
    expect(r.runs[1]).toEqual({ seed: 11, repeat: 1, score: 0.25 });
  });

  it('keeps every run history for overlays and reports progress', async () => {
    const done: number[] = [];
    const r = await repeat(({ seed }) => ({ score: seed, history: { loss: [seed, seed / 2] } }), {
      seeds: [4, 8],
      onRun: (run) => done.push(run.score),
    });
    expect(r.runs.map((x) => x.history)).toEqual([{ loss: [4, 2] }, { loss: [8, 4] }]);
    expect(done).toEqual([4, 8]);
  });

  it('names the seed of a failed run and rejects results that are not scores', async () => {
    const err = await repeat(
      ({ repeat: i }) => {
        if (i === 2) throw new Error('out of memory');
        return 1;
      },
      { seeds: [7, 8, 9] },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(TrialError);
    expect(err.failure).toMatchObject({ seed: 9, repeat: 2, executor: 'inline' });
    expect(err.message).toMatch(/seed 9.*out of memory/);
    const bad = await repeat(() => ({ loss: 1 }) as never, { repeats: 1 }).catch((e) => e);
    expect(bad).toBeInstanceOf(TrialError);
    expect(bad.message).toMatch(/expected a number or \{ score/);
  });
});
