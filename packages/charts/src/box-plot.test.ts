import { describe, expect, it } from 'vitest';
import { boxPlot } from './box-plot';
import { ChartDataError } from './errors';
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

  it('puts a log scale on the values on request and leaves the default spec as it was', () => {
    const spread = [{ name: 'existing', values: [0.2, 0.25, 0.3] }, { name: 'refit', values: [0.002, 0.0025, 0.003] }];
    expect((boxPlot({ groups: spread, yTitle: 'MSE', yScale: 'log' }) as Record<string, any>).encoding.y.scale).toEqual({ type: 'log' });
    expect((boxPlot({ groups: spread, yTitle: 'MSE' }) as Record<string, any>).encoding.y).toEqual({
      field: 'value',
      type: 'quantitative',
      title: 'MSE',
      scale: { zero: false },
    });
    expect(boxPlot({ groups: spread, yTitle: 'MSE', yScale: 'linear' })).toEqual(boxPlot({ groups: spread, yTitle: 'MSE' }));
  });

  it('renders boxes on a log axis with a tick per decade', async () => {
    const spread = [{ name: 'existing', values: [0.2, 0.25, 0.3] }, { name: 'refit', values: [0.002, 0.0025, 0.003] }];
    const { texts } = checkWellFormedXml(await renderSvg(boxPlot({ groups: spread, yTitle: 'MSE', yScale: 'log' })));
    for (const text of ['0.001', '0.01', '0.1', 'existing', 'refit', 'MSE']) expect(texts).toContain(text);
  });

  it('refuses a value a log axis cannot place, naming it and its group', () => {
    expect(() => boxPlot({ groups: [{ name: 'a', values: [1, 2] }, { name: 'b', values: [0.5, -1] }], yTitle: 'gain', yScale: 'log' })).toThrow(
      /expected every group value to be above zero for yScale 'log', got -1 in group "b"; use yScale 'linear'/,
    );
    expect(() => boxPlot({ groups: [{ name: 'a', values: [1, Number.NaN] }], yTitle: 'loss', yScale: 'log' })).not.toThrow();
  });

  it('slants the group names on request and refuses an angle past 90 degrees', async () => {
    const groups = [{ name: 'refit on new data', values: [1, 2] }, { name: 'new model on old and new', values: [2, 3] }];
    expect((boxPlot({ groups, yTitle: 'MSE' }) as Record<string, any>).encoding.x.axis).toEqual({ labelAngle: 0 });
    expect((boxPlot({ groups, yTitle: 'MSE', xLabelAngle: -25 }) as Record<string, any>).encoding.x.axis).toEqual({ labelAngle: -25 });
    const { texts } = checkWellFormedXml(await renderSvg(boxPlot({ groups, yTitle: 'MSE', xLabelAngle: -25 })));
    expect(texts).toContain('refit on new data');
    expect(() => boxPlot({ groups, yTitle: 'MSE', xLabelAngle: 120 })).toThrow(/expected xLabelAngle to be a number of degrees from -90 to 90, got 120/);
    expect(() => boxPlot({ groups, yTitle: 'MSE', xLabelAngle: Number.NaN })).toThrow(ChartDataError);
  });
});
