import { describe, expect, it } from 'vitest';
import { ShapeError, ValueError, padSequences, toNested } from './index';

describe('padSequences', () => {
  it('truncates floats by default (Keras dtype int32) and keeps them with float32', () => {
    expect(Array.from(padSequences([[1.7, -2.5]]).data)).toEqual([1, -2]);
    expect(Array.from(padSequences([[1.5, 2.25]], { dtype: 'float32' }).data)).toEqual([1.5, 2.25]);
  });

  it('pads with a chosen value, including NaN as float32', () => {
    expect(toNested(padSequences([[1], [1, 2]], { value: -1 }))).toEqual([[-1, 1], [1, 2]]);
    const nan = padSequences([[1], [1, 2]], { value: NaN, dtype: 'float32' });
    expect(Number.isNaN(nan.data[0])).toBe(true);
    expect(() => padSequences([[1]], { value: NaN })).toThrow(/cannot be stored as int32/);
  });

  it('pads sequences of feature rows to [samples, maxlen, features]', () => {
    const x = padSequences([[[1, 2], [3, 4]], [[5, 6]]], { padding: 'post', dtype: 'float32' });
    expect(x.shape).toEqual([2, 2, 2]);
    expect(toNested(x)).toEqual([[[1, 2], [3, 4]], [[5, 6], [0, 0]]]);
    expect(() => padSequences([[[1, 2]], [[1]]])).toThrow(ShapeError);
  });

  it('handles empty sequences and maxlen longer than all', () => {
    expect(toNested(padSequences([[], [1]], { maxlen: 3 }))).toEqual([[0, 0, 0], [0, 0, 1]]);
  });

  it('rejects unknown modes and bad maxlen', () => {
    expect(() => padSequences([[1]], { padding: 'middle' as never })).toThrow(ValueError);
    expect(() => padSequences([[1]], { truncating: 'x' as never })).toThrow(/truncating 'pre' or 'post'/);
    expect(() => padSequences([[1]], { maxlen: -1 })).toThrow(/maxlen/);
  });
});
