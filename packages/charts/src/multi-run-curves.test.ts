import { describe, expect, it } from 'vitest';
import { multiRunCurves } from './multi-run-curves';
import { renderSvg } from './render-svg';
import { checkWellFormedXml } from './internal/testing/well-formed-xml';

describe('multiRunCurves', () => {
  const runs = [
    { loss: [0.9, 0.4], val_loss: [1, 0.5] },
    { loss: [0.8, 0.5], val_loss: [0.9, 0.6] },
    { loss: [0.7, 0.3], val_loss: [0.8, 0.4] },
  ];

  it('keeps every run as its own line, coloured by metric (train blue, validation orange)', () => {
    const spec = multiRunCurves({ runs, metrics: ['loss', 'val_loss'] }) as Record<string, any>;
    expect(spec.title).toBe('Learning curves of 3 runs');
    expect(spec.data.values).toHaveLength(3 * 2 * 2);
    expect(spec.data.values[4]).toEqual({ series: 'loss', epoch: 1, value: 0.8, run: 2 });
    expect(spec.encoding.detail).toEqual({ field: 'run', type: 'nominal' });
    expect(spec.encoding.color.scale).toEqual({ domain: ['loss', 'val_loss'], range: ['#1f77b4', '#ff7f0e'] });
    expect(spec.encoding.x.title).toBe('epoch');
    expect(spec.mark.opacity).toBe(0.6);
  });

  it('draws only the metrics asked for', () => {
    const spec = multiRunCurves({ runs, metrics: ['val_loss'], title: 'validation' }) as Record<string, any>;
    expect(spec.data.values.map((r: { value: number }) => r.value)).toEqual([1, 0.5, 0.9, 0.6, 0.8, 0.4]);
    expect(spec.title).toBe('validation');
  });

  it('names the run that lacks a metric', () => {
    expect(() => multiRunCurves({ runs: [...runs, { loss: [1] }] })).toThrow(/runs\[3\] to have the metric "val_loss"/);
    expect(() => multiRunCurves({ runs: [] })).toThrow(/non-empty array/);
    expect(() => multiRunCurves({ runs: [{ loss: [] }], metrics: ['loss'] })).toThrow(/at least one epoch/);
  });

  it('puts a log scale on the curves on request and leaves the default spec as it was', () => {
    expect((multiRunCurves({ runs, yScale: 'log' }) as Record<string, any>).encoding.y.scale).toEqual({ type: 'log' });
    expect((multiRunCurves({ runs }) as Record<string, any>).encoding.y).toEqual({ field: 'value', type: 'quantitative', title: 'loss' });
    expect(multiRunCurves({ runs, yScale: 'linear' })).toEqual(multiRunCurves({ runs }));
  });

  it('renders the runs on a log axis', async () => {
    const spanning = [{ loss: [1, 0.01], val_loss: [2, 0.1] }, { loss: [0.9, 0.02], val_loss: [1.5, 0.2] }];
    const { texts } = checkWellFormedXml(await renderSvg(multiRunCurves({ runs: spanning, yScale: 'log' })));
    for (const text of ['0.01', '0.1', '1', 'loss', 'val_loss']) expect(texts).toContain(text);
  });

  it('refuses a value a log axis cannot place, naming the run and the epoch', () => {
    expect(() => multiRunCurves({ runs: [...runs, { loss: [0.5, 0], val_loss: [1, 0.5] }], yScale: 'log' })).toThrow(
      /expected every metric value to be above zero for yScale 'log', got 0 for "loss" of run 4 at epoch 2/,
    );
  });
});
