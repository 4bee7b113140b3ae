import { describe, expect, it } from 'vitest';
import { boxPlot } from './box-plot';
import { renderSvg } from './render-svg';
import { checkWellFormedXml } from './internal/testing/well-formed-xml';

describe('boxPlot', () => {
  const groups = [
    { name: 'batch 1', values: [0.0008, 0.0007, 0.0009] },
    { name: 'batch 2', values: [0.0014, 0.0013] },
    { name: 'batch 3', values: [0.0056, Number.NaN, 0.006] },
  ];

  it('makes one box per group in the given order, with 1.5·IQR whiskers and non-finite runs left out', () => {
    const spec = boxPlot({ groups, yTitle: 'test loss', xTitle: 'batch size' }) as Record<string, any>;
    expect(spec.title).toBe('Distribution of test loss per batch size');
    expect(spec.mark).toMatchObject({ type: 'boxplot', extent: 1.5 });
    expect(spec.encoding.x).toMatchObject({ field: 'group', title: 'batch size', sort: ['batch 1', 'batch 2', 'batch 3'] });
    expect(spec.encoding.y.title).toBe('test loss');
    expect(spec.encoding.color.scale.range).toEqual(['#1f77b4', '#ff7f0e', '#2ca02c']);
    expect(spec.data.values.filter((r: { group: string }) => r.group === 'batch 3')).toEqual([
      { group: 'batch 3', value: 0.0056 },
      { group: 'batch 3', value: 0.006 },
    ]);
    expect(spec.data.values).toHaveLength(7);
    expect(spec.width).toBe(240);
  });

  it('rejects groups it cannot draw', () => {
    expect(() => boxPlot({ groups: [], yTitle: 'loss' })).toThrow(/groups to be a non-empty array/);
    expect(() => boxPlot({ groups: [{ name: 'a', values: [Number.NaN] }], yTitle: 'loss' })).toThrow(/"a" to have at least one finite value/);
    expect(() => boxPlot({ groups: [{ name: 'a', values: [1] }], yTitle: 'loss', whisker: 0 })).toThrow(/positive number/);
  });

  it('renders boxes whose legend and axis name every group', async () => {
    const { texts } = checkWellFormedXml(await renderSvg(boxPlot({ groups, yTitle: 'test loss' })));
    for (const name of ['batch 1', 'batch 2', 'batch 3', 'test loss', 'configuration']) expect(texts).toContain(name);
    expect(texts.filter((t) => t === 'batch 2')).toHaveLength(2); // x-axis label and legend label
  });
});
