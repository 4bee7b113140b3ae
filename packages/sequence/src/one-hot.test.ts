import { describe, expect, it } from 'vitest';
import { ValueError, fromNested, oneHotDecode, oneHotEncode } from './index';

describe('one-hot', () => {
  it('round-trips indices through one-hot rows', () => {
    const encoded = oneHotEncode([2, 0, 1, 2], 3);
    expect(encoded.shape).toEqual([4, 3]);
    expect(Array.from(encoded.data)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(Array.from(oneHotDecode(encoded).data)).toEqual([2, 0, 1, 2]);
  });

  it('keeps the index shape and decodes softmax scores by argmax', () => {
    const idx = fromNested([[7, 0, 2, 6, 7]]);
    expect(oneHotEncode(idx, 10).shape).toEqual([1, 5, 10]);
    expect(Array.from(oneHotDecode(fromNested([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]])).data)).toEqual([1, 0]);
  });

  it('rejects out-of-range indices and bad depths', () => {
    expect(() => oneHotEncode([3], 3)).toThrow(ValueError);
    expect(() => oneHotEncode([1.5], 3)).toThrow(/integers in \[0, 3\)/);
    expect(() => oneHotEncode([0], 0)).toThrow(/depth/);
  });
});
