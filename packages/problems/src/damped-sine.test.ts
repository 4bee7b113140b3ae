import { createRng } from '@lstm-kit/sequence';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dampedSine, dampedSineSeries, sineSeries } from './damped-sine';

const formula = (i: number, period: number, decay: number): number =>
  0.5 + 0.5 * Math.sin((2 * Math.PI * i) / period) * Math.exp(-decay * i);

describe('dampedSine', () => {
  it('splits length + output points of the formula into x [n, length, 1] and y [n, output]', () => {
    const { x, y, params } = dampedSine({ length: 50, output: 5, nPatterns: 200, seed: 2 });
    expect(x.shape).toEqual([200, 50, 1]);
    expect(y.shape).toEqual([200, 5]);
    expect(params).toHaveLength(200);
    for (let p = 0; p < 200; p++) {
      const { period, decay } = params[p];
      expect(Number.isInteger(period) && period >= 10 && period <= 20).toBe(true);
      expect(decay >= 0.01 && decay < 0.1).toBe(true);
      for (let i = 0; i < 55; i++) {
        const v = i < 50 ? x.data[p * 50 + i] : y.data[p * 5 + i - 50];
        expect(v).toBeCloseTo(formula(i, period, decay), 6);
      }
    }
  });

  it('keeps every value in [0, 1] and draws both ends of the inclusive period range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (length, output, seed) => {
        const { x, y } = dampedSine({ length, output, nPatterns: 10, seed });
        for (const v of [...x.data, ...y.data]) expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 100, seed: 8 },
    );
    const periods = new Set(dampedSine({ nPatterns: 500, seed: 1 }).params.map((q) => q.period));
    expect([...periods].sort((a, b) => a - b)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  });

  it('honours custom period and decay ranges', () => {
    const { params } = dampedSine({ nPatterns: 100, periodRange: [7, 7], decayRange: [0, 0.001], seed: 4 });
    for (const q of params) {
      expect(q.period).toBe(7);
      expect(q.decay >= 0 && q.decay < 0.001).toBe(true);
    }
  });

  it('is reproducible from a seed and continues an rng stream', () => {
    const a = dampedSine({ nPatterns: 4, seed: 21 });
    expect(dampedSine({ nPatterns: 4, seed: 21 })).toEqual(a);
    expect(dampedSine({ nPatterns: 4, seed: 22 }).params).not.toEqual(a.params);
    const rng = createRng(21);
    const singles = Array.from({ length: 4 }, () => dampedSine({ rng }).params[0]);
    expect(singles).toEqual(a.params);
  });

  it('rejects unusable options clearly', () => {
    expect(() => dampedSine({ length: 0 })).toThrow(/dampedSine: expected length to be an integer >= 1, got 0/);
    expect(() => dampedSine({ output: 0 })).toThrow(/output/);
    expect(() => dampedSine({ periodRange: [20, 10] })).toThrow(/periodRange.*lo <= hi, got \[20, 10\]/);
    expect(() => dampedSine({ periodRange: [0.5, 2] })).toThrow(/integers/);
    expect(() => dampedSine({ decayRange: [-0.1, 0.1] })).toThrow(/negative decay/);
  });
});

describe('sineSeries and dampedSineSeries', () => {
  it('draws the course figures: five sine cycles in 100 steps and a wave decaying towards 0.5', () => {
    const sine = sineSeries();
    expect(sine).toHaveLength(100);
    expect(sine[0]).toBe(0);
    expect(sine[5]).toBeCloseTo(1, 12);
    expect(sine[15]).toBeCloseTo(-1, 12);
    expect(sine[25]).toBeCloseTo(1, 12);
    const damped = dampedSineSeries();
    expect(damped).toHaveLength(100);
    expect(damped[0]).toBe(0.5);
    expect(damped[3]).toBeCloseTo(formula(3, 10, 0.05), 12);
    expect(Math.abs(damped[92] - 0.5)).toBeLessThan(0.01);
    expect(dampedSineSeries({ length: 30, period: 12, decay: 0 })[3]).toBeCloseTo(1, 12);
  });

  it('rejects a non-positive period or a negative decay', () => {
    expect(() => sineSeries({ period: 0 })).toThrow(/period to be a number > 0, got 0/);
    expect(() => dampedSineSeries({ decay: -1 })).toThrow(/decay to be a number >= 0, got -1/);
    expect(() => sineSeries({ length: 0 })).toThrow(/length/);
  });
});
