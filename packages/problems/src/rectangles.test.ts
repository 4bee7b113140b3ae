import { createRng } from '@lstm-kit/sequence';
import { describe, expect, it } from 'vitest';
import { rectangle, rectangles } from './rectangles';

describe('rectangle and rectangles', () => {
  it('chains BL→BR→TR→TL: each target is the next sample\'s input', () => {
    for (const r of rectangles({ nPatterns: 500, seed: 3 })) {
      const { width: w, height: h, x, y } = r;
      expect(x.shape).toEqual([3, 1, 2]);
      expect(y.shape).toEqual([3, 2]);
      expect(w >= 0 && w < 1 && h >= 0 && h < 1).toBe(true);
      expect(Array.from(x.data)).toEqual([0, 0, w, 0, w, h]);
      expect(Array.from(y.data)).toEqual([w, 0, w, h, 0, h]);
      expect(Array.from(x.data.subarray(2))).toEqual(Array.from(y.data.subarray(0, 4)));
      expect(r.points).toEqual([[0, 0], [w, 0], [w, h], [0, h]]);
    }
  });

  it('is reproducible; rectangles(n) equals n rectangle() calls on one stream', () => {
    const set = rectangles({ nPatterns: 4, seed: 12 });
    expect(rectangles({ nPatterns: 4, seed: 12 })).toEqual(set);
    expect(rectangle({ seed: 13 }).width).not.toBe(rectangle({ seed: 12 }).width);
    const rng = createRng(12);
    expect(Array.from({ length: 4 }, () => rectangle({ rng }))).toEqual(set);
    expect(rectangle({ seed: 12 })).toEqual(set[0]);
  });

  it('rejects bad options', () => {
    expect(() => rectangles({ nPatterns: 0 })).toThrow(/rectangles: expected nPatterns to be an integer >= 1, got 0/);
    expect(() => rectangle({ width: 1 } as never)).toThrow(/unknown option "width"/);
  });
});
