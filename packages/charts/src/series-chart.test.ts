import { describe, expect, it } from 'vitest';
import { seriesChart } from './series-chart';
import { renderSvg } from './render-svg';
import { checkWellFormedXml } from './internal/testing/well-formed-xml';

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

  describe('axis options', () => {
    const years = [{ name: 'passengers', values: [{ x: 1958, y: 340 }, { x: 1959, y: 360 }, { x: 1960, y: 430 }] }];

    it('formats the x labels and scales y on request, and leaves the default spec as it was', () => {
      const spec = seriesChart({ series: years, xFormat: 'd', yScale: 'log' }) as Record<string, any>;
      expect(spec.encoding.x.axis).toEqual({ format: 'd' });
      expect(spec.encoding.y.scale).toEqual({ type: 'log' });
      const plain = seriesChart({ series: years }) as Record<string, any>;
      expect(plain.encoding.x).toEqual({ field: 'x', type: 'quantitative', title: 'time step' });
      expect(plain.encoding.y).toEqual({ field: 'y', type: 'quantitative', title: 'value', scale: { zero: false } });
      expect(seriesChart({ series: years, yScale: 'linear' })).toEqual(plain);
    });

    it('renders years without a thousands separator and a log y axis', async () => {
      const plain = checkWellFormedXml(await renderSvg(seriesChart({ series: years }))).texts;
      expect(plain).toContain('1,959.0');
      const { texts } = checkWellFormedXml(await renderSvg(seriesChart({ series: years, xFormat: 'd', yScale: 'log' })));
      for (const text of ['1958', '1959', '1960', '100', '1,000', 'passengers']) expect(texts).toContain(text);
      expect(texts.filter((t) => t.startsWith('1,9'))).toEqual([]);
    });

    it('refuses a value a log axis cannot place and a format d3 cannot read', () => {
      expect(() => seriesChart({ series: [{ name: 'a', values: [{ x: 3, y: 1 }, { x: 4, y: 0 }] }], yScale: 'log' })).toThrow(
        /expected every y value to be above zero for yScale 'log', got 0 for "a" at x = 4; use yScale 'linear'/,
      );
      expect(() => seriesChart({ series: [{ name: 'a', values: [1, Number.NaN, 2] }], yScale: 'log' })).not.toThrow();
      expect(() => seriesChart({ series: years, xFormat: 'year' })).toThrow(/expected xFormat to be a d3-format string such as 'd', '.2f' or '~s', got "year"/);
      expect(() => seriesChart({ series: years, xFormat: '' })).toThrow(/d3-format string/);
      for (const format of ['d', ',.0f', '.2f', '~s', '+.1%', '$,d']) expect(() => seriesChart({ series: years, xFormat: format })).not.toThrow();
    });
  });
});
