import { describe, expect, it } from 'vitest';
import { compareCandidates } from './compare-candidates';
import { EvaluationError } from './errors';

const spread = [-0.02, -0.01, 0, 0.01, 0.02];
const around = (m: number) => ({ repeat }: { repeat: number }) => m + spread[repeat];

describe('compareCandidates', () => {
  it('replaces the model with the best candidate that beats the baseline beyond noise', async () => {
    const seen: string[] = [];
    const r = await compareCandidates({
      baseline: around(0.5),
      candidates: { 'refit new': around(0.3), 'new model': around(0.25), 'refit old+new': around(0.49) },
      repeats: 5,
      seed: 3,
      onRun: (arm) => seen.push(arm),
    });
    expect(r.decision).toBe('replace');
    expect(r.choice).toBe('new model');
    expect(r.arms.map((a) => a.name)).toEqual(['baseline', 'refit new', 'new model', 'refit old+new']);
    expect(r.arms[0].summary.mean).toBeCloseTo(0.5, 12);
    expect(r.tests.map((t) => t.beatsBaseline)).toEqual([true, true, false]);
    // 0.49 vs 0.5 with std 0.0158 over 5 runs: t = −1, not beyond noise.
    expect(r.tests[2].vsBaseline.t).toBeCloseTo(-1, 10);
    expect(r.evidence[0]).toMatch(/^method: one-sided Welch t-test/);
    expect(r.evidence.at(-1)).toMatch(/replace the model with 'new model'/);
    expect(seen.filter((a) => a === 'baseline')).toHaveLength(5);
    // Every arm saw the same seeds.
    expect(new Set(r.arms.map((a) => a.runs.map((x) => x.seed).join()))).toHaveProperty('size', 1);
  });

  it('keeps the baseline when no candidate is better beyond noise', async () => {
    const r = await compareCandidates({ baseline: around(0.5), candidates: { a: around(0.495), b: around(0.6) }, repeats: 5 });
    expect(r.decision).toBe('keep-baseline');
    expect(r.choice).toBe('baseline');
    expect(r.evidence.at(-1)).toMatch(/keep baseline/);
  });

  it('requires candidates to beat the fair baseline too', async () => {
    const r = await compareCandidates({
      baseline: around(0.5),
      candidates: { 'train old more': around(0.3), 'new method': around(0.295) },
      fairBaseline: 'train old more',
      repeats: 5,
    });
    expect(r.tests[1].beatsBaseline).toBe(true);
    expect(r.tests[1].beatsFairBaseline).toBe(false);
    expect(r.choice).toBe('train old more');
  });

  it("compares accuracies with mode 'max'", async () => {
    const r = await compareCandidates({ baseline: around(0.8), candidates: { better: around(0.9) }, repeats: 5, mode: 'max' });
    expect(r.choice).toBe('better');
  });

  it('rejects comparisons that cannot be decided', async () => {
    await expect(compareCandidates({ baseline: around(1), candidates: {}, repeats: 5 })).rejects.toThrow(EvaluationError);
    await expect(compareCandidates({ baseline: around(1), candidates: { a: around(1) }, repeats: 1 })).rejects.toThrow(/at least 2 repeats/);
    await expect(compareCandidates({ baseline: around(1), candidates: { baseline: around(1) }, repeats: 2 })).rejects.toThrow(/clashes/);
    await expect(compareCandidates({ baseline: around(1), candidates: { a: around(1) }, fairBaseline: 'b', repeats: 2 })).rejects.toThrow(/fairBaseline 'b'/);
  });
});
