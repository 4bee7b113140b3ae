import { describe, expect, it } from 'vitest';
import { ValueError, seriesToSupervised, shift, toNested } from './index';

describe('shift', () => {
  it('shifts rows of several features by k', () => {
    expect(toNested(shift([[1, 10], [2, 20], [3, 30]], 2))).toEqual([[NaN, NaN], [NaN, NaN], [1, 10]]);
    expect(Array.from(shift([1, 2, 3], 0).data)).toEqual([1, 2, 3]);
    expect(() => shift([1, 2], 0.5)).toThrow(ValueError);
  });
});

describe('seriesToSupervised', () => {
  it('frames a multivariate series with several lags and outputs', () => {
    const data = [[1, 10], [2, 20], [3, 30], [4, 40]];
    const { data: framed, columns, inputColumns } = seriesToSupervised(data, { nIn: 2, nOut: 2 });
    expect(columns).toEqual(['var1(t-2)', 'var2(t-2)', 'var1(t-1)', 'var2(t-1)', 'var1(t)', 'var2(t)', 'var1(t+1)', 'var2(t+1)']);
    expect(inputColumns).toBe(4);
    expect(toNested(framed)).toEqual([[1, 10, 2, 20, 3, 30, 4, 40]]);
  });

  it('keeps NaN edge rows when dropNaN is false', () => {
    const { data } = seriesToSupervised([0, 1, 2], { nIn: 1, nOut: 2, dropNaN: false });
    expect(toNested(data)).toEqual([[NaN, 0, 1], [0, 1, 2], [1, 2, NaN]]);
  });

  it('rejects bad options and empty data', () => {
    expect(() => seriesToSupervised([1, 2], { nOut: 0 })).toThrow(/nOut/);
    expect(() => seriesToSupervised([])).toThrow(/at least one value/);
  });
});
