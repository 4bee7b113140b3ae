import { describe, expect, it } from 'vitest';
import { rectanglesChart } from './rectangles-chart';

describe('rectanglesChart', () => {
  const square = [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }];

  it('closes each shape back to its first corner and keys panels by title in order', () => {
    const spec = rectanglesChart({ panels: [{ title: '100 examples', shapes: [square] }, { title: '500 examples', shapes: [square, square] }] }) as Record<string, any>;
    const first = spec.data.values.filter((r: { panel: string }) => r.panel === '100 examples');
    expect(first.map((r: { x: number; y: number; order: number }) => [r.order, r.x, r.y])).toEqual([[0, 0, 0], [1, 1, 0], [2, 1, 1], [3, 0, 1], [4, 0, 0]]);
    expect(spec.data.values).toHaveLength(15);
    expect(spec.facet.sort).toEqual(['100 examples', '500 examples']);
    expect(spec.spec.layer[0].encoding.color.scale.domain).toEqual(['shape 1', 'shape 2']);
    expect(spec.columns).toBe(2);
  });

  it('shares one square domain for x and y covering every corner', () => {
    const spec = rectanglesChart({ panels: [{ title: 'a', shapes: [[{ x: -0.2, y: 0 }, { x: 1.5, y: 0.3 }]] }], closed: false }) as Record<string, any>;
    expect(spec.spec.layer[0].encoding.x.scale.domain).toEqual([-0.2, 1.5]);
    expect(spec.spec.layer[0].encoding.y.scale.domain).toEqual([-0.2, 1.5]);
    expect(spec.data.values).toHaveLength(2);
  });

  it('names the bad corner', () => {
    expect(() => rectanglesChart({ panels: [{ title: 'a', shapes: [[{ x: 0, y: 0 }, { x: Number.NaN, y: 1 }, { x: 1, y: 1 }]] }] })).toThrow(/panels\[0\]\.shapes\[0\]\[1\]/);
    expect(() => rectanglesChart({ panels: [{ title: 'a', shapes: [] }] })).toThrow(/panels\[0\]\.shapes to be a non-empty array/);
    expect(() => rectanglesChart({ panels: [{ title: 'a', shapes: [square] }, { title: 'a', shapes: [square] }] })).toThrow(/unique/);
  });
});
