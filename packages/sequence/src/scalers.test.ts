import { describe, expect, it } from 'vitest';
import { MinMaxScaler, ShapeError, StandardScaler, ValueError, fromNested, toNested } from './index';

describe('MinMaxScaler', () => {
  it('scales each feature to the feature range', () => {
    const s = new MinMaxScaler({ featureRange: [-1, 1] });
    const y = s.fitTransform([[0, 100], [5, 200], [10, 300]]);
    expect(toNested(y)).toEqual([[-1, -1], [0, 0], [1, 1]]);
    expect(s.dataMin).toEqual([0, 100]);
    expect(Array.from(s.transform([[20, 100]]).data)).toEqual([3, -1]);
  });

  it('treats the last dimension of 3-D data as features', () => {
    const x = fromNested([[[1, 10], [2, 20]], [[3, 30], [4, 40]]]);
    const y = new MinMaxScaler().fitTransform(x);
    expect(y.shape).toEqual([2, 2, 2]);
    expect(Array.from(y.data).map((v) => +v.toFixed(4))).toEqual([0, 0, 0.3333, 0.3333, 0.6667, 0.6667, 1, 1]);
  });

  it('maps a constant column to the range minimum, never NaN, and inverts it', () => {
    const s = new MinMaxScaler();
    const y = s.fitTransform([[5, 1], [5, 2], [5, 3]]);
    expect(toNested(y)).toEqual([[0, 0], [0, 0.5], [0, 1]]);
    expect(toNested(s.inverseTransform(y))).toEqual([[5, 1], [5, 2], [5, 3]]);
  });

  it('applies a one-feature scaler to every value of any shape', () => {
    const s = new MinMaxScaler().fit([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const y = s.inverseTransform({ shape: [2, 2], data: Float32Array.of(0, 0.5, 0.75, 1) });
    expect(toNested(y)).toEqual([[10, 50], [70, 90]]);
  });

  it('saves and restores its coefficients as JSON', () => {
    const s = new MinMaxScaler({ featureRange: [0, 2] }).fit([1, 3]);
    const r = MinMaxScaler.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect(r.featureRange).toEqual([0, 2]);
    expect(Array.from(r.transform([2]).data)).toEqual([1]);
    expect(() => MinMaxScaler.fromJSON({ type: 'standard-scaler' } as never)).toThrow(ValueError);
  });

  it('reports misuse clearly', () => {
    expect(() => new MinMaxScaler().transform([1])).toThrow(/not fitted yet; call fit/);
    expect(() => new MinMaxScaler().fit([])).toThrow(ShapeError);
    expect(() => new MinMaxScaler().fit([1, NaN])).toThrow(/expected finite values.*row 1/);
    expect(() => new MinMaxScaler().fit([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(/min < max/);
    expect(() => new MinMaxScaler().fit([[1, 2]]).transform([1, 2, 3])).toThrow(/expected 2 feature\(s\)/);
  });
});

describe('StandardScaler', () => {
  it('standardises each feature on its own', () => {
    const s = new StandardScaler();
    const z = s.fitTransform([[1, 10], [3, 30]]);
    expect(s.mean).toEqual([2, 20]);
    expect(s.std).toEqual([1, 10]);
    expect(toNested(z)).toEqual([[-1, -1], [1, 1]]);
  });

  it('maps a constant column to 0, never NaN', () => {
    const s = new StandardScaler();
    const z = s.fitTransform([[7, 1], [7, 3]]);
    expect(toNested(z)).toEqual([[0, -1], [0, 1]]);
    expect(toNested(s.inverseTransform(z))).toEqual([[7, 1], [7, 3]]);
  });

  it('treats a spread of rounding noise as constant instead of dividing by it', () => {
    for (const scaler of [new MinMaxScaler(), new StandardScaler()]) {
      const y = scaler.fitTransform([0, 5e-324]);
      expect(Array.from(y.data).every(Number.isFinite)).toBe(true);
    }
  });

  it('saves and restores its coefficients as JSON', () => {
    const s = new StandardScaler().fit([1.0, 5.5, 9.0, 2.6, 8.8, 3.0, 4.1, 7.9, 6.3]);
    const r = StandardScaler.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect(r.transform([1.0]).data[0]).toBeCloseTo(-1.60569456, 6);
    expect(() => StandardScaler.fromJSON({ type: 'standard-scaler', mean: [1], std: ['x'] } as never)).toThrow(/finite numbers/);
  });
});
