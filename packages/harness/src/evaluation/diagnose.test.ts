import { describe, expect, it } from 'vitest';
import { createRng } from '@lstm-kit/sequence';
import { diagnose } from './diagnose';
import { HistoryError } from './errors';

/** A curve f(t) for t = 0..n-1, plus seeded Gaussian noise of the given std. */
function curve(n: number, f: (t: number) => number, noise = 0, seed = 1): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, t) => f(t) + (noise ? rng.normal(0, noise) : 0));
}

describe('diagnose on synthetic curves', () => {
  it('calls a run cut short while both curves still fall under-fit, still improving', () => {
    const loss = curve(100, (t) => 0.1 * Math.exp(-t / 80));
    const val_loss = curve(100, (t) => 0.6 * Math.exp(-t / 80) + 0.01);
    const d = diagnose({ loss, val_loss });
    expect(d.verdict).toBe('under-fit');
    expect(d.kind).toBe('still improving');
    expect(d.minValEpoch).toBe(100);
    expect(d.turnUpEpoch).toBeUndefined();
    expect(d.slopes.val_loss!).toBeLessThan(0);
    expect(d.suggestion).toMatch(/more epochs/);
    expect(d.evidence.join('\n')).toMatch(/still falling/);
  });

  it('sees still-improving through noise, and the same curve flattened as converged', () => {
    const noisy = curve(150, (t) => 0.5 * Math.exp(-t / 120) + 0.01, 0.004, 7);
    expect(diagnose({ loss: noisy }).kind).toBe('still improving');
    const flat = curve(400, (t) => 0.5 * Math.exp(-t / 30) + 0.01, 0.002, 7);
    const d = diagnose({ loss: flat });
    expect(d.verdict).toBe('good fit');
    expect(d.kind).toBe('converged');
  });

  it('calls curves that flatten at a high loss under-fit, too small to learn', () => {
    const loss = curve(300, (t) => 0.12 + 0.18 * Math.exp(-t / 20), 0.002, 3);
    const val_loss = curve(300, (t) => 0.5 + 0.29 * Math.exp(-t / 20), 0.002, 4);
    const d = diagnose({ loss, val_loss });
    expect(d.verdict).toBe('under-fit');
    expect(d.kind).toBe('too small to learn');
    expect(d.suggestion).toMatch(/capacity/);
    expect(d.finalLoss).toBeCloseTo(0.12, 2);
    expect(d.finalValLoss).toBeCloseTo(0.5, 2);
  });

  it('lets a known acceptable loss decide between too small and converged', () => {
    const loss = curve(200, (t) => 0.2 + 0.2 * Math.exp(-t / 15));
    expect(diagnose({ loss }).kind).toBe('too small to learn'); // ends at 50% of its start
    expect(diagnose({ loss }, { acceptableLoss: 0.25 }).kind).toBe('converged');
    expect(diagnose({ loss }, { acceptableLoss: 0.1 }).kind).toBe('too small to learn');
  });

  it('calls a good fit when both curves settle close together', () => {
    const loss = curve(300, (t) => 0.5 * Math.exp(-t / 30) + 0.01, 0.001, 5);
    const val_loss = curve(300, (t) => 0.55 * Math.exp(-t / 30) + 0.012, 0.001, 6);
    const d = diagnose({ loss, val_loss });
    expect(d.verdict).toBe('good fit');
    expect(d.kind).toBe('converged');
    expect(d.evidence.join('\n')).toMatch(/gap at the end 0\.00/);
  });

  it('finds the validation minimum and turn-up of an over-fit run', () => {
    // Validation is minimal where 0.55/30·e^(−t/30) = 0.0002, i.e. t = 30·ln(91.67) ≈ 135.6.
    const loss = curve(300, (t) => 0.5 * Math.exp(-t / 30) + 0.005 * Math.exp(-t / 300));
    const val_loss = curve(300, (t) => 0.55 * Math.exp(-t / 30) + 0.02 + 0.0002 * t);
    const d = diagnose({ loss, val_loss });
    expect(d.verdict).toBe('over-fit');
    expect(d.kind).toBe('validation turns up');
    expect(d.minValEpoch).toBe(137); // t = 136 is the discrete minimum, epoch 137 1-based
    expect(d.minValLoss).toBeCloseTo(0.55 * Math.exp(-136 / 30) + 0.02 + 0.0002 * 136, 10);
    expect(d.turnUpEpoch).toBeGreaterThan(137);
    expect(d.turnUpEpoch).toBeLessThan(200);
    expect(d.suggestion).toMatch(/early stopping/);
    expect(d.evidence.join('\n')).toMatch(/turns up/);
  });

  it('finds the over-fit through noise, but not in a noisy flat validation curve', () => {
    const loss = curve(300, (t) => 0.5 * Math.exp(-t / 30) + 0.005, 0.002, 11);
    const val_loss = curve(300, (t) => 0.55 * Math.exp(-t / 30) + 0.02 + 0.0002 * t, 0.003, 12);
    const d = diagnose({ loss, val_loss });
    expect(d.verdict).toBe('over-fit');
    expect(Math.abs(d.minValEpoch! - 137)).toBeLessThan(30);
    const flat = curve(300, (t) => 0.55 * Math.exp(-t / 30) + 0.03, 0.003, 13);
    expect(diagnose({ loss, val_loss: flat }).verdict).toBe('good fit');
  });

  it('reads tfjs History objects and another monitored metric', () => {
    const loss = curve(50, (t) => 0.3 * Math.exp(-t / 100));
    expect(diagnose({ history: { loss } }).kind).toBe('still improving');
    const mae = curve(50, (t) => 0.3 * Math.exp(-t / 5) + 0.001);
    const d = diagnose({ loss, mae, val_mae: mae.map((v) => v * 1.1) }, { monitor: 'mae' });
    expect(d.verdict).toBe('good fit');
    expect(d.evidence[1]).toMatch(/^training mae/);
  });

  it('rejects histories it cannot judge, saying what to do', () => {
    expect(() => diagnose({ acc: [1, 2, 3] })).toThrow(HistoryError);
    expect(() => diagnose({ acc: [1, 2, 3] })).toThrow(/'loss'.*keys: acc/);
    expect(() => diagnose({ loss: [1, 2] })).toThrow(/at least 3 epochs/);
    expect(() => diagnose({ loss: [1, 2, 3], val_loss: [1, 2, 3, 4] })).toThrow(/3 and 4/);
    expect(() => diagnose({ loss: [1, NaN, 3] })).toThrow(/epoch 2.*diverged/);
  });
});
