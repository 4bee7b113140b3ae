import type { VegaLiteSpec } from '../../vega-lite-spec';
import { learningCurves } from '../../learning-curves';
import { multiRunCurves } from '../../multi-run-curves';
import { boxPlot } from '../../box-plot';
import { seriesChart } from '../../series-chart';
import { framesChart } from '../../frames-chart';
import { rectanglesChart } from '../../rectangles-chart';
import { lossComparison } from '../../loss-comparison';

// Test support: one chart of every kind with the texts its picture must show, shaped like the
// seed systems' data (B12a curves, B12b box plots, B7 damped sine, B8 frames, B11 shapes, L3).

/** A sample chart and the texts (title, axis titles, legend labels) its SVG must contain. */
export interface SampleChart {
  spec: VegaLiteSpec;
  texts: string[];
}

/** A learning curve falling like exp(-epoch/20) whose validation twin turns up after epoch 70. */
export function overfitHistory(epochs = 120): { loss: number[]; val_loss: number[] } {
  const loss: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < epochs; i++) {
    loss.push(0.3 * Math.exp(-i / 20) + 0.01);
    val.push(0.32 * Math.exp(-i / 20) + 0.02 + (i > 70 ? (i - 70) * 0.001 : 0));
  }
  return { loss, val_loss: val };
}

/** `0.5 + 0.5·sin(2π·i/period)·exp(-decay·i)`, the damped sine of the spec. */
export function dampedSine(length: number, period = 15, decay = 0.05): number[] {
  return Array.from({ length }, (_, i) => 0.5 + 0.5 * Math.sin((2 * Math.PI * i) / period) * Math.exp(-decay * i));
}

/** A `[1, size, size, size, 1]` moving line: frame t marks column t at a row moving up and down. */
export function movingLineSample(size: number): { shape: number[]; data: Float32Array } {
  const data = new Float32Array(size * size * size);
  let row = Math.floor(size / 2);
  for (let t = 0; t < size; t++) {
    for (let later = t; later < size; later++) data[(later * size + row) * size + t] = 1;
    row = Math.min(size - 1, Math.max(0, row + (t % 3 === 0 ? 1 : -1)));
  }
  return { shape: [1, size, size, size, 1], data };
}

/** Every chart kind once. */
export function sampleCharts(): Record<string, SampleChart> {
  const history = overfitHistory();
  const sine = dampedSine(55);
  return {
    learningCurves: {
      spec: learningCurves({ title: 'B12a over-fit', history, markEpoch: { epoch: 71, label: 'val_loss turns up' } }),
      texts: ['B12a over-fit', 'epoch', 'loss', 'val_loss', 'metric', 'val_loss turns up'],
    },
    multiRunCurves: {
      spec: multiRunCurves({
        runs: [0, 1, 2, 3, 4].map((k) => ({ loss: history.loss.map((v) => v * (1 + k * 0.1)), val_loss: history.val_loss.map((v) => v * (1 + k * 0.12)) })),
      }),
      texts: ['Learning curves of 5 runs', 'epoch', 'loss', 'val_loss', 'metric'],
    },
    boxPlot: {
      spec: boxPlot({
        groups: [
          { name: '1 cell', values: [0.2, 0.21, 0.19, 0.23, 0.2] },
          { name: '5 cells', values: [0.1, 0.09, 0.095, 0.11, 0.08] },
          { name: '10 cells', values: [0.03, 0.025, 0.028, 0.04, 0.02] },
        ],
        yTitle: 'test loss (MSE)',
        xTitle: 'cells',
      }),
      texts: ['Distribution of test loss (MSE) per cells', 'test loss (MSE)', 'cells', '1 cell', '5 cells', '10 cells'],
    },
    seriesChart: {
      spec: seriesChart({
        title: 'Damped sine: truth vs prediction',
        series: [
          { name: 'truth', values: sine },
          { name: 'prediction', values: [50, 51, 52, 53, 54].map((x) => ({ x, y: sine[x] + 0.02 })), dashed: true },
        ],
      }),
      texts: ['Damped sine: truth vs prediction', 'time step', 'value', 'truth', 'prediction', 'series'],
    },
    framesChart: {
      spec: framesChart({ title: 'Moving line', frames: movingLineSample(10), columns: 5 }),
      texts: ['Moving line', 'frame (time step)', 'row', 'column', 'pixel value', '1', '10'],
    },
    rectanglesChart: {
      spec: rectanglesChart({
        panels: [100, 1000, 10000].map((n, k) => ({
          title: `${n} examples`,
          shapes: [0, 1, 2].map((j) => {
            const [w, h, e] = [0.3 + j * 0.2, 0.6 - j * 0.15, 0.15 / (k + 1)];
            return [{ x: 0, y: 0 }, { x: w, y: e * j }, { x: w - e, y: h }, { x: e, y: h + e }];
          }),
        })),
      }),
      texts: ['Generated shapes', '100 examples', '1000 examples', '10000 examples', 'shape 1', 'shape 3', 'x', 'y'],
    },
    lossComparison: {
      spec: lossComparison({
        models: [
          { name: 'SimpleRNN', history: { loss: history.loss.map((v) => v * 9000) } },
          { name: 'RNN + BatchNorm', history: { loss: history.loss.map((v) => v * 300) } },
          { name: 'LSTM', history: { loss: history.loss.map((v, i) => v * 1000 * Math.exp(-i / 15)) } },
        ],
        yScale: 'log',
      }),
      texts: ['loss of 3 models', 'epoch', 'loss', 'model', 'SimpleRNN', 'RNN + BatchNorm', 'LSTM'],
    },
  };
}
