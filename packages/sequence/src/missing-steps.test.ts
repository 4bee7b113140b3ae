import { describe, expect, it } from 'vitest';
import { ValueError, fillSeasonalMean, fromNested, interpolateLinear, maskMissing, resample, timestepMask, toNested } from './index';

describe('resample', () => {
  it('puts observations on a fixed step with NaN for missing steps', () => {
    const r = resample([0, 60, 180], [1, 2, 4], { step: 60 });
    expect(r.times).toEqual([0, 60, 120, 180]);
    expect(Array.from(r.values.data)).toEqual([1, 2, NaN, 4]);
  });

  it('averages observations within a step, per feature, over a given range', () => {
    const r = resample([0, 30, 65], [[1, 10], [3, 30], [5, 50]], { step: 60, start: 0, end: 180 });
    expect(r.times).toEqual([0, 60, 120, 180]);
    expect(toNested(r.values)).toEqual([[2, 20], [5, 50], [NaN, NaN], [NaN, NaN]]);
    const last = resample([0, 30], [1, 3], { step: 60, aggregate: 'last' });
    expect(Array.from(last.values.data)).toEqual([3]);
  });

  it('rejects mismatched lengths and bad steps', () => {
    expect(() => resample([0, 1], [1], { step: 1 })).toThrow(/one time per row of values \(1\), got 2/);
    expect(() => resample([0], [1], { step: 0 })).toThrow(ValueError);
  });
});

describe('interpolateLinear', () => {
  it('fills gaps on a straight line, keeps leading NaN and repeats the last value at the end', () => {
    expect(Array.from(interpolateLinear([NaN, 1, NaN, NaN, 4, NaN]).data)).toEqual([NaN, 1, 2, 3, 4, 4]);
  });

  it('fills at most limit steps forward per gap, per feature', () => {
    expect(Array.from(interpolateLinear([0, NaN, NaN, NaN, 8], { limit: 2 }).data)).toEqual([0, 2, 4, NaN, 8]);
    expect(toNested(interpolateLinear([[0, 10], [NaN, 20], [2, NaN], [3, 40]]))).toEqual([[0, 10], [1, 20], [2, 30], [3, 40]]);
    expect(() => interpolateLinear([1], { limit: 0 })).toThrow(/limit/);
  });
});

describe('fillSeasonalMean', () => {
  it('uses the mean of the same step 1, 2 and 3 periods before', () => {
    const series = [1, 0, 2, 0, 3, 0, 4, 0, NaN, 0];
    expect(fillSeasonalMean(series, { period: 2 }).data[8]).toBe(3);
  });

  it('falls back to the periods after when none before is observed', () => {
    const series = [NaN, 5, 2, 5, 4, 5, 9, 5];
    expect(fillSeasonalMean(series, { period: 2 }).data[0]).toBe(5);
    const none = fillSeasonalMean([NaN, 1], { period: 2 });
    expect(Number.isNaN(none.data[0])).toBe(true);
  });
});

describe('masking', () => {
  it('sets whole missing steps to the mask value and reports which steps a Masking layer keeps', () => {
    const masked = maskMissing(fromNested([[[1, 2], [NaN, 3], [4, 5]]]), { maskValue: -1 });
    expect(toNested(masked)).toEqual([[[1, 2], [-1, -1], [4, 5]]]);
    const keep = timestepMask(masked, { maskValue: -1 });
    expect(keep.shape).toEqual([1, 3]);
    expect(Array.from(keep.data)).toEqual([1, 0, 1]);
  });

  it('refuses an observed step that would be masked by accident', () => {
    expect(() => maskMissing([[0, 0], [NaN, 1]])).toThrow(/observed time step 0 already equals the mask value 0/);
    expect(toNested(maskMissing([[0, 0], [NaN, 1]], { checkCollisions: false }))).toEqual([[0, 0], [0, 0]]);
  });
});
