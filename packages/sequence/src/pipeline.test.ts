import { describe, expect, it } from 'vitest';
import {
  BoxCoxTransformer,
  Differencer,
  LogTransformer,
  MinMaxScaler,
  type NdArray,
  Pipeline,
  ShapeError,
  SlidingWindow,
  StandardScaler,
  ValueError,
  toNested,
} from './index';

const series = [10, 20, 30, 40, 50, 60, 70, 80, 90];
const roundTrip = (p: Pipeline): Pipeline => Pipeline.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
/** A perfect "model": the true next values, in model units. */
const truth = (p: Pipeline, raw: number[] | number[][]): NdArray => p.transformSupervised(raw).y;

describe('Pipeline', () => {
  it('scales, windows and shapes a univariate series for a model', () => {
    const p = new Pipeline([new MinMaxScaler(), new SlidingWindow({ steps: 3 })]).fit(series);
    const x = p.transformInput([70, 80, 90]);
    expect(x.shape).toEqual([1, 3, 1]);
    expect(Array.from(x.data).map((v) => +v.toFixed(4))).toEqual([0.75, 0.875, 1]);
    const { x: xs, y } = p.transformSupervised(series);
    expect(xs.shape).toEqual([6, 3, 1]);
    expect(y.shape).toEqual([6, 1]);
    // A prediction of 1.125 in model units is 100 in original units.
    expect(p.inverseTransformOutput({ shape: [1, 1], data: Float32Array.of(1.125) }).data[0]).toBeCloseTo(100, 4);
  });

  it('returns a differenced, scaled forecast to original units from the last observed values', () => {
    const raw = [5, 7, 10, 14, 19, 25, 32, 40];
    const scaler = new StandardScaler();
    const p = new Pipeline([new Differencer(), scaler, new SlidingWindow({ steps: 2, horizon: 2 })]).fit(raw);
    const { x, y } = p.transformSupervised(raw);
    expect(x.shape).toEqual([4, 2, 1]);
    // Each sample's true future, inverted from the windows transformInput made, gives the raw values back.
    p.transformInput(raw.slice(0, -2));
    expect(Array.from(p.inverseTransformOutput(y).data, (v) => Math.round(v))).toEqual([14, 19, 19, 25, 25, 32, 32, 40]);
    // With explicit history: a forecast difference of 9 (model units from the scaler) after 40 → 49.
    const scaled9 = (9 - scaler.mean![0]) / scaler.std![0];
    const forecast = p.inverseTransformOutput({ shape: [1, 2], data: Float32Array.of(scaled9, scaled9) }, { history: raw });
    expect(Array.from(forecast.data).map((v) => +v.toFixed(3))).toEqual([49, 58]);
  });

  it('restores an equivalent pipeline from JSON', () => {
    const raw = Array.from({ length: 40 }, (_, i) => 100 + 10 * Math.sin(i / 3) + i);
    const p = new Pipeline([
      new LogTransformer(),
      new Differencer({ lag: 2 }),
      new MinMaxScaler({ featureRange: [-1, 1] }),
      new SlidingWindow({ steps: 5 }),
    ]).fit(raw);
    const json = JSON.parse(JSON.stringify(p.toJSON()));
    expect(json.format).toBe('lstm-kit-pipeline');
    expect(json.version).toBe(1);
    expect(json.steps.map((s: { type: string }) => s.type)).toEqual(['log', 'difference', 'min-max-scaler', 'window']);
    const q = Pipeline.fromJSON(json);
    const recent = raw.slice(-7);
    expect(Array.from(q.transformInput(recent).data)).toEqual(Array.from(p.transformInput(recent).data));
    const pred = { shape: [1, 1], data: Float32Array.of(0.3) };
    expect(q.inverseTransformOutput(pred).data[0]).toBeCloseTo(p.inverseTransformOutput(pred).data[0], 5);
    // The true next value is recovered through log, differencing and scaling.
    const full = raw.slice(-8);
    const next = truth(q, full);
    q.transformInput(full.slice(0, -1));
    expect(q.inverseTransformOutput(next).data[0]).toBeCloseTo(raw[39], 2);
  });

  it('handles parallel series and one target among several inputs', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [i + 1, 2 * (i + 1), 100 - i]);
    const parallel = new Pipeline([new BoxCoxTransformer({ lambda: 0.5 }), new StandardScaler(), new SlidingWindow({ steps: 3 })]).fit(rows);
    const { y } = parallel.transformSupervised(rows);
    expect(y.shape).toEqual([9, 3]);
    parallel.transformInput(rows.slice(0, -1));
    const back = toNested(parallel.inverseTransformOutput(y)) as number[][];
    back.forEach((row, s) => row.forEach((v, j) => expect(v).toBeCloseTo(rows[s + 3][j], 3)));

    const single = new Pipeline([new Differencer(), new MinMaxScaler(), new SlidingWindow({ steps: 3, horizon: 2, target: 1 })]).fit(rows);
    const sup = single.transformSupervised(rows);
    expect(sup.x.shape).toEqual([7, 3, 3]);
    expect(sup.y.shape).toEqual([7, 2]);
    const forecast = single.inverseTransformOutput({ shape: [1, 2], data: sup.y.data.slice(0, 2) }, { history: rows.slice(0, 4) });
    expect(Array.from(forecast.data).map((v) => +v.toFixed(3))).toEqual([10, 12]);
  });

  it('gives clear errors', () => {
    expect(() => new Pipeline([new SlidingWindow({ steps: 2 }), new MinMaxScaler()])).toThrow(/must be the last step/);
    expect(() => new Pipeline([{} as never])).toThrow(/not a pipeline step/);
    expect(() => Pipeline.fromJSON({ format: 'other' } as never)).toThrow(/format 'lstm-kit-pipeline'/);
    expect(() => Pipeline.fromJSON({ format: 'lstm-kit-pipeline', version: 2, steps: [] } as never)).toThrow(/unsupported pipeline version 2/);
    expect(() => Pipeline.fromJSON({ format: 'lstm-kit-pipeline', version: 1, steps: [{ type: 'magic' }] } as never)).toThrow(
      /unknown pipeline step type "magic"/,
    );
    const p = new Pipeline([new Differencer(), new MinMaxScaler(), new SlidingWindow({ steps: 3 })]).fit(series);
    expect(() => p.transformInput([1, 2, 3])).toThrow(/needs at least 4 raw time steps \(3 for the window plus 1 consumed by differencing\), got 3; pass the last 4 raw values/);
    expect(() => p.transformInput([[1, 2], [3, 4], [5, 6], [7, 8]])).toThrow(ShapeError);
    expect(() => p.transformInput([1, NaN, 3, 4])).toThrow(ValueError);
    const fresh = Pipeline.fromJSON(p.toJSON());
    expect(() => fresh.inverseTransformOutput({ shape: [1, 1], data: Float32Array.of(0) })).toThrow(/pass \{ history: lastRawValues \}/);
    expect(() => new Pipeline([new MinMaxScaler()]).toJSON()).toThrow(/not fitted yet/);
  });
});
