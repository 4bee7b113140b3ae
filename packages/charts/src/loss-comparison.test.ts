import { describe, expect, it } from 'vitest';
import { lossComparison } from './loss-comparison';

describe('lossComparison', () => {
  const models = [
    { name: 'SimpleRNN', history: { loss: [900, 400], val_loss: [950, 500] } },
    { name: 'LSTM', history: { loss: [800, 3], val_loss: [850, 5] } },
  ];

  it('draws one line per model for the chosen metric', () => {
    const spec = lossComparison({ models, metric: 'val_loss' }) as Record<string, any>;
    expect(spec.title).toBe('val_loss of 2 models');
    expect(spec.data.values).toEqual([
      { series: 'SimpleRNN', epoch: 1, value: 950 },
      { series: 'SimpleRNN', epoch: 2, value: 500 },
      { series: 'LSTM', epoch: 1, value: 850 },
      { series: 'LSTM', epoch: 2, value: 5 },
    ]);
    expect(spec.encoding.color).toMatchObject({ title: 'model', scale: { domain: ['SimpleRNN', 'LSTM'] } });
    expect(spec.encoding.y).toMatchObject({ title: 'val_loss', scale: { type: 'linear' } });
  });

  it('uses a log scale on request and refuses values it cannot show there', () => {
    expect((lossComparison({ models, yScale: 'log' }) as Record<string, any>).encoding.y.scale.type).toBe('log');
    expect(() => lossComparison({ models: [{ name: 'a', history: { loss: [1, 0] } }], yScale: 'log' })).toThrow(/above zero .* got 0 for "a" at epoch 2/);
    expect(() => lossComparison({ models: [{ name: 'a', history: { mse: [1] } }] })).toThrow(/"a"\) to have the metric "loss"/);
    expect(() => lossComparison({ models, yScale: 'Log' as 'log' })).toThrow(/expected yScale to be 'linear' or 'log', got "Log"/);
  });
});
