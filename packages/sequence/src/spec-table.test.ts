// Every row of the preprocessing table in the seed-systems spec (part 1), with its exact figures.
import { describe, expect, it } from 'vitest';
import {
  LabelEncoder,
  MinMaxScaler,
  OneHotEncoder,
  StandardScaler,
  padSequences,
  parallelTo3d,
  seriesTo3d,
  seriesToSupervised,
  shift,
  splitSequence,
  toNested,
} from './index';

const close = (actual: ArrayLike<number>, expected: number[], digits = 6): void => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, digits));
};

describe('spec part 1: preprocessing facts', () => {
  it('min-max normalises 10..100 to [0, 1] and inverts', () => {
    const series = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const scaler = new MinMaxScaler({ featureRange: [0, 1] });
    const scaled = scaler.fitTransform(series);
    expect(scaler.dataMin).toEqual([10]);
    expect(scaler.dataMax).toEqual([100]);
    close(scaled.data, [0, 0.1111111, 0.2222222, 0.3333333, 0.4444444, 0.5555556, 0.6666667, 0.7777778, 0.8888889, 1]);
    close(scaler.inverseTransform(scaled).data, series, 4);
  });

  it('standardises with the population std', () => {
    const series = [1.0, 5.5, 9.0, 2.6, 8.8, 3.0, 4.1, 7.9, 6.3];
    const scaler = new StandardScaler();
    const z = scaler.fitTransform(series);
    expect(scaler.mean![0]).toBeCloseTo(5.355556, 6);
    expect(scaler.std![0]).toBeCloseTo(2.712568, 6);
    expect(z.data[0]).toBeCloseTo(-1.60569456, 6);
    expect(z.data[8]).toBeCloseTo(0.34817357, 6);
    close(scaler.inverseTransform(z).data, series, 5);
  });

  const weather = ['cold', 'cold', 'warm', 'cold', 'hot', 'hot', 'warm', 'cold', 'warm', 'hot'];

  it('label-encodes with sorted classes', () => {
    const enc = new LabelEncoder();
    expect(enc.fitTransform(weather)).toEqual([0, 0, 2, 0, 1, 1, 2, 0, 2, 1]);
    expect(enc.classes).toEqual(['cold', 'hot', 'warm']);
    expect(enc.inverseTransform([0, 0, 2, 0, 1, 1, 2, 0, 2, 1])).toEqual(weather);
  });

  it('one-hot encodes in rows of 3 and the argmax of row 0 inverts to cold', () => {
    const enc = new OneHotEncoder();
    const y = enc.fitTransform(weather);
    expect(y.shape).toEqual([10, 3]);
    expect(Array.from(y.data.subarray(0, 9))).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(enc.inverseTransform({ shape: [1, 3], data: y.data.slice(0, 3) })).toEqual(['cold']);
    expect(enc.inverseTransform(y)).toEqual(weather);
  });

  const seqs = [[1, 2, 3, 4], [1, 2, 3], [1]];

  it('pads pre by default', () => {
    expect(toNested(padSequences(seqs))).toEqual([[1, 2, 3, 4], [0, 1, 2, 3], [0, 0, 0, 1]]);
  });

  it('pads post', () => {
    expect(toNested(padSequences(seqs, { padding: 'post' }))).toEqual([[1, 2, 3, 4], [1, 2, 3, 0], [1, 0, 0, 0]]);
  });

  it('truncates pre with maxlen 2', () => {
    expect(toNested(padSequences(seqs, { maxlen: 2 }))).toEqual([[3, 4], [2, 3], [0, 1]]);
  });

  it('truncates post with maxlen 2', () => {
    expect(toNested(padSequences(seqs, { maxlen: 2, truncating: 'post' }))).toEqual([[1, 2], [1, 2], [0, 1]]);
  });

  it('shifts +1 and -1 for lag framing and drops NaN rows when framing X → y', () => {
    const t = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(Array.from(shift(t, 1).data)).toEqual([NaN, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(shift(t, -1).data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, NaN]);
    const framed = seriesToSupervised(t, { nIn: 1, nOut: 1 });
    expect(framed.columns).toEqual(['var1(t-1)', 'var1(t)']);
    expect(toNested(framed.data)).toEqual([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [7, 8], [8, 9]]);
  });

  it('splits 10..90 into 5 samples of 3 in → 2 out, X shaped (5, 3, 1)', () => {
    const { x, y } = splitSequence([10, 20, 30, 40, 50, 60, 70, 80, 90], { steps: 3, horizon: 2 });
    expect(x.shape).toEqual([5, 3, 1]);
    expect(toNested(x)).toEqual([
      [[10], [20], [30]],
      [[20], [30], [40]],
      [[30], [40], [50]],
      [[40], [50], [60]],
      [[50], [60], [70]],
    ]);
    expect(toNested(y)).toEqual([[40, 50], [50, 60], [60, 70], [70, 80], [80, 90]]);
  });

  const s1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

  it('reshapes one series to (1, 10, 1)', () => {
    const x = seriesTo3d(s1);
    expect(x.shape).toEqual([1, 10, 1]);
    close(x.data, s1);
  });

  it('reshapes two parallel series to (1, 10, 2)', () => {
    const s2 = [...s1].reverse();
    const x = parallelTo3d([s1, s2]);
    expect(x.shape).toEqual([1, 10, 2]);
    close(x.data.subarray(0, 4), [0.1, 1.0, 0.2, 0.9]);
    close(x.data.subarray(18), [1.0, 0.1]);
  });
});
