import { describe, expect, it } from 'vitest';
import { EvaluationError } from './errors';
import { studentTCdf } from './internal/student-t';
import { welchTTest } from './welch-t-test';

describe('studentTCdf', () => {
  it('matches closed forms for 1 and 2 degrees of freedom', () => {
    // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.
    for (const t of [-3, -1, 0, 0.5, 2]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
    // df = 2: F(t) = 1/2 + t / (2·sqrt(2 + t²)).
    for (const t of [-2, 0.3, 4]) expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
  });

  it('matches a t table: t = 2.228 is the 97.5% point for 10 degrees of freedom', () => {
    expect(studentTCdf(2.228, 10)).toBeCloseTo(0.975, 4);
    expect(studentTCdf(-1.812, 10)).toBeCloseTo(0.05, 4);
  });
});

describe('welchTTest', () => {
  it('computes t and the Welch–Satterthwaite degrees of freedom', () => {
    // a: mean 2, var 1 (n 3); b: mean 5, var 4 (n 3). se² = 1/3 + 4/3 = 5/3.
    const r = welchTTest([1, 2, 3], [3, 5, 7]);
    expect(r.meanDifference).toBe(-3);
    expect(r.standardError).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(r.t).toBeCloseTo(-3 / Math.sqrt(5 / 3), 12);
    expect(r.df).toBeCloseTo((5 / 3) ** 2 / ((1 / 9) / 2 + (16 / 9) / 2), 12);
    expect(r.pValue).toBeCloseTo(2 * studentTCdf(r.t, r.df), 12);
    const less = welchTTest([1, 2, 3], [3, 5, 7], { alternative: 'less' });
    expect(less.pValue).toBeCloseTo(r.pValue / 2, 12);
    expect(welchTTest([1, 2, 3], [3, 5, 7], { alternative: 'greater' }).pValue).toBeCloseTo(1 - less.pValue, 12);
  });

  it('treats constant samples as certain and needs two values each', () => {
    expect(welchTTest([1, 1], [2, 2], { alternative: 'less' }).pValue).toBe(0);
    expect(welchTTest([1, 1], [1, 1]).pValue).toBe(1);
    expect(() => welchTTest([1], [1, 2])).toThrow(EvaluationError);
  });
});
