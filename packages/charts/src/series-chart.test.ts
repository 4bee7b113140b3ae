import { describe, expect, it } from 'vitest';
import { seriesChart } from './series-chart';

describe('seriesChart', () => {
  it('puts plain values at x = 0, 1, 2 … and keeps explicit points', () => {
    const spec = seriesChart({
      series: [{ name: 'truth', values: [0.5, 0.9, 0.6] }, { name: 'forecast', values: [{ x: 3, y: 0.4 }, { x: 4, y: Number.NaN }] }],
    }) as Record<string, any>;
    expect(spec.data.values).toEqual([
      { series: 'truth', x: 0, y: 0.5 },
      { series: 'truth', x: 1, y: 0.9 },
      { series: 'truth', x: 2, y: 0.6 },
      { series: 'forecast', x: 3, y: 0.4 },
      { series: 'forecast', x: 4, y: null },
    ]);
    expect(spec.encoding.x.title).toBe('time step');
    expect(spec.encoding.color.scale.domain).toEqual(['truth', 'forecast']);
    expect(spec.encoding.strokeDash).toBeUndefined();
    expect(spec.mark.point).toBe(true);
  });

  it('dashes the series asked for, in the same legend as the colours', () => {
    const spec = seriesChart({ series: [{ name: 'truth', values: [1, 2] }, { name: 'prediction', values: [1, 3], dashed: true }] }) as Record<string, any>;
    expect(spec.encoding.strokeDash.scale).toEqual({ domain: ['truth', 'prediction'], range: [[1, 0], [6, 4]] });
    expect(spec.encoding.strokeDash.title).toBe(spec.encoding.color.title);
  });

  it('rejects values that are neither numbers nor points', () => {
    expect(() => seriesChart({ series: [{ name: 'a', values: [1, 'x' as unknown as number] }] })).toThrow(/"a"\) value 1 to be a number or an \{x, y\} point/);
    expect(() => seriesChart({ series: [{ name: 'a', values: [] }] })).toThrow(/non-empty array/);
    expect(() => seriesChart({ series: [{ name: 'a', values: [{ x: Number.NaN, y: 1 }] }] })).toThrow(/finite x/);
  });
});
