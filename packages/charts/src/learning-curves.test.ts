import { describe, expect, it } from 'vitest';
import { learningCurves } from './learning-curves';
import { ChartDataError } from './errors';
import { renderSvg } from './render-svg';
import { checkWellFormedXml } from './internal/testing/well-formed-xml';

type Row = { series: string; epoch: number; value: number | null };
const rowsOf = (spec: Record<string, unknown>) => (spec.data as { values: Row[] }).values;
const layer = (spec: Record<string, unknown>, i: number) => (spec.layer as Record<string, any>[])[i];

describe('learningCurves', () => {
  it('draws loss and val_loss from a Keras history, epochs from 1, train blue then validation orange', () => {
    const spec = learningCurves({ history: { loss: [0.9, 0.5, 0.3], val_loss: [1, 0.6, 0.45], acc: [0.1, 0.5, 0.7] } });
    expect(spec.title).toBe('Learning curves');
    expect(rowsOf(spec)).toEqual([
      { series: 'loss', epoch: 1, value: 0.9 },
      { series: 'loss', epoch: 2, value: 0.5 },
      { series: 'loss', epoch: 3, value: 0.3 },
      { series: 'val_loss', epoch: 1, value: 1 },
      { series: 'val_loss', epoch: 2, value: 0.6 },
      { series: 'val_loss', epoch: 3, value: 0.45 },
    ]);
    const enc = layer(spec, 0).encoding;
    expect(enc.color.scale).toEqual({ domain: ['loss', 'val_loss'], range: ['#1f77b4', '#ff7f0e'] });
    expect(enc.x.title).toBe('epoch');
    expect(enc.y.title).toBe('loss');
    expect(enc.color.title).toBe('metric');
  });

  it('orders every metric next to its validation twin when there is no loss', () => {
    const spec = learningCurves({ history: { val_acc: [0.5], acc: [0.6], mae: [1], val_mae: [2] } });
    expect(layer(spec, 0).encoding.color.scale.domain).toEqual(['acc', 'val_acc', 'mae', 'val_mae']);
    expect(layer(spec, 0).encoding.y.title).toBe('value');
  });

  it('takes named series and an explicit metric list, and turns NaN into a gap (null)', () => {
    const spec = learningCurves({ series: [{ name: 'train', values: [1, Number.NaN, 0.5] }], firstEpoch: 0, yTitle: 'MSE' });
    expect(rowsOf(spec).map((r) => [r.epoch, r.value])).toEqual([[0, 1], [1, null], [2, 0.5]]);
    expect(layer(spec, 0).encoding.y.title).toBe('MSE');
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const picked = learningCurves({ history: { loss: [1], val_loss: [2], acc: [0.3] }, metrics: ['acc'] });
    expect(rowsOf(picked)).toEqual([{ series: 'acc', epoch: 1, value: 0.3 }]);
  });

  it('marks an epoch with a dashed rule and a label of its own data', () => {
    const spec = learningCurves({ history: { loss: [3, 2, 1, 1.5] }, markEpoch: { epoch: 3, label: 'turn-up' } });
    expect(layer(spec, 1).mark).toMatchObject({ type: 'rule', strokeDash: [6, 4] });
    expect(layer(spec, 1).data.values).toEqual([{ epoch: 3, label: 'turn-up' }]);
    expect(layer(spec, 2).encoding.text.field).toBe('label');
    expect(layer(learningCurves({ history: { loss: [3, 2] }, markEpoch: 2 }), 2).data.values).toEqual([{ epoch: 2, label: 'epoch 2' }]);
  });

  it('rejects missing, doubled or unusable input with a message that says how to fix it', () => {
    expect(() => learningCurves({})).toThrow(/exactly one of history and series, got neither/);
    expect(() => learningCurves({ history: { loss: [1] }, series: [{ name: 'a', values: [1] }] })).toThrow(/got both/);
    expect(() => learningCurves({ history: { loss: [1] }, metrics: ['val_loss'] })).toThrow(/metric "val_loss".*validationSplit/);
    expect(() => learningCurves({ series: [{ name: 'a', values: [1] }, { name: 'a', values: [2] }] })).toThrow(/"a" twice/);
    expect(() => learningCurves({ series: [{ name: 'a', values: [] }] })).toThrow(/at least one value/);
    expect(() => learningCurves({ history: { loss: ['x' as unknown as number] } })).toThrow(ChartDataError);
    expect(() => learningCurves({ history: { loss: [1, 2] }, markEpoch: 5 })).toThrow(/between 1 and 2, got number 5/);
  });

  it('renders to an SVG that holds the title, axis titles, legend labels and the mark label', async () => {
    const spec = learningCurves({ title: 'B12a good fit', history: { loss: [0.9, 0.5, 0.3], val_loss: [1, 0.6, 0.45] }, markEpoch: 3 });
    const xml = checkWellFormedXml(await renderSvg(spec));
    expect(xml.root).toBe('svg');
    for (const text of ['B12a good fit', 'epoch', 'loss', 'val_loss', 'metric', 'epoch 3']) expect(xml.texts).toContain(text);
  });

  describe('yScale', () => {
    const spanning = { loss: [0.7, 0.01, 1e-4, 1e-5], val_loss: [0.8, 0.02, 1e-3, 2e-3] };

    it('puts a log scale on the curves on request and leaves the default spec as it was', () => {
      expect(layer(learningCurves({ history: spanning, yScale: 'log' }), 0).encoding.y.scale).toEqual({ type: 'log' });
      expect(layer(learningCurves({ history: spanning }), 0).encoding.y).toEqual({ field: 'value', type: 'quantitative', title: 'loss' });
      expect(learningCurves({ history: spanning, yScale: 'linear' })).toEqual(learningCurves({ history: spanning }));
    });

    it('renders a log axis with a tick per decade, beside an epoch mark', async () => {
      const { texts } = checkWellFormedXml(await renderSvg(learningCurves({ history: spanning, yScale: 'log', markEpoch: 3 })));
      for (const tick of ['0.00001', '0.0001', '0.001', '0.01', '0.1', '1', 'epoch 3']) expect(texts).toContain(tick);
    });

    it('refuses a value a log axis cannot place, naming it and where it is, and an unknown scale', () => {
      expect(() => learningCurves({ history: { loss: [1, 0.5], val_loss: [1, 0] }, yScale: 'log' })).toThrow(
        /expected every loss value to be above zero for yScale 'log', got 0 for "val_loss" at epoch 2; use yScale 'linear'/,
      );
      expect(() => learningCurves({ series: [{ name: 'r2', values: [0.5, -0.1] }], yScale: 'log' })).toThrow(/every curve value .* got -0.1 for "r2" at epoch 2/);
      expect(() => learningCurves({ history: { loss: [1, Number.NaN, 0.1] }, yScale: 'log' })).not.toThrow();
      expect(() => learningCurves({ history: { loss: [1] }, yScale: 'logarithmic' as 'log' })).toThrow(
        /expected yScale to be 'linear' or 'log', got "logarithmic"/,
      );
    });
  });
});
