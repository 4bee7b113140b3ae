import { describe as suite, expect, it } from 'vitest';
import { describe, formatDescribe, quantile } from './describe';
import { EvaluationError } from './errors';

suite('describe', () => {
  it('matches pandas Series([1, 2, 3, 4]).describe()', () => {
    const t = describe([1, 2, 3, 4]);
    expect(t.count).toBe(4);
    expect(t.mean).toBe(2.5);
    expect(t.std).toBeCloseTo(1.2909944487358056, 14); // sqrt(5/3), ddof = 1
    expect(t.min).toBe(1);
    expect(t['25%']).toBe(1.75);
    expect(t['50%']).toBe(2.5);
    expect(t['75%']).toBe(3.25);
    expect(t.max).toBe(4);
    expect(t.sem).toBeCloseTo(1.2909944487358056 / 2, 14);
  });

  it('interpolates quartiles linearly on unsorted input, as pandas', () => {
    // pandas: Series([3, 1, 4, 1, 5, 9, 2, 6]).describe() → mean 3.875, std 2.748376, 25% 1.75, 50% 3.5, 75% 5.25
    const t = describe([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(t.mean).toBe(3.875);
    expect(t.std).toBeCloseTo(Math.sqrt(52.875 / 7), 14);
    expect(t.std.toFixed(6)).toBe('2.748376');
    expect([t['25%'], t['50%'], t['75%']]).toEqual([1.75, 3.5, 5.25]);
    expect([t.min, t.max]).toEqual([1, 9]);
    expect(t.sem).toBeCloseTo(Math.sqrt(52.875 / 7) / Math.sqrt(8), 14);
  });

  it('skips NaN like pandas and gives NaN spread for a single value', () => {
    const t = describe([1, NaN, 3]);
    expect(t.count).toBe(2);
    expect(t.mean).toBe(2);
    expect(t.std).toBeCloseTo(Math.SQRT2, 14);
    const one = describe([0.5]);
    expect(one.count).toBe(1);
    expect(one.mean).toBe(0.5);
    expect(one['25%']).toBe(0.5);
    expect(Number.isNaN(one.std)).toBe(true);
    expect(Number.isNaN(one.sem)).toBe(true);
    const none = describe([]);
    expect(none.count).toBe(0);
    expect(Number.isNaN(none.mean)).toBe(true);
  });

  it('accepts typed arrays and rejects non-numbers with a clear error', () => {
    expect(describe(new Float64Array([2, 4])).mean).toBe(3);
    expect(() => describe(['a'] as unknown as number[])).toThrow(EvaluationError);
    expect(() => describe(['a'] as unknown as number[])).toThrow(/index 0/);
  });

  it('computes numpy-style quantiles and rejects q outside [0, 1]', () => {
    expect(quantile([10, 20, 30], 0.5)).toBe(20);
    expect(quantile([10, 20], 0.3)).toBeCloseTo(13, 12);
    expect(quantile([5], 0.75)).toBe(5);
    expect(() => quantile([1, 2], 1.5)).toThrow(/\[0, 1\]/);
  });
});

suite('formatDescribe', () => {
  it('prints a Series describe() exactly like pandas', () => {
    expect(formatDescribe(describe([1, 2, 3, 4]))).toBe(
      [
        'count    4.000000',
        'mean     2.500000',
        'std      1.290994',
        'min      1.000000',
        '25%      1.750000',
        '50%      2.500000',
        '75%      3.250000',
        'max      4.000000',
      ].join('\n'),
    );
  });

  it('prints a named column like DataFrame.describe(), with an optional sem row', () => {
    const text = formatDescribe(describe([1, 2, 3, 4]), { name: 'loss', sem: true });
    const lines = text.split('\n');
    expect(lines[0]).toBe('           loss');
    expect(lines[1]).toBe('count  4.000000');
    expect(lines[9]).toBe('sem    0.645497');
  });

  it('prints several tables side by side', () => {
    const text = formatDescribe({ '1': describe([0.2, 0.3]), '10': describe([0.01, 0.03]) }, { digits: 3 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('           1     10');
    expect(lines[2]).toBe('mean   0.250  0.020');
    expect(() => formatDescribe({})).toThrow(EvaluationError);
  });
});
