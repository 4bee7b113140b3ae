import { toNested } from '@lstm-kit/sequence';
import { describe, expect, it } from 'vitest';
import { fitDiagnosisData, labSeries, linearData, productData } from './lab-data';

describe('lab data sets', () => {
  it('linear: X = 1..20, y = 10X, shapes [20,1,1] and [20,1]', () => {
    const { x, y, inputs, targets } = linearData();
    expect(x.shape).toEqual([20, 1, 1]);
    expect(y.shape).toEqual([20, 1]);
    expect(inputs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(Array.from(y.data)).toEqual(targets);
    expect(targets[0]).toBe(10);
    expect(targets[19]).toBe(200);
  });

  it('product: X1 = 2..40 step 2, X2 = 3..60 step 3, y = X1·X2', () => {
    const { x, y, x1, x2, products } = productData();
    expect(x.shape).toEqual([20, 1, 2]);
    expect(y.shape).toEqual([20, 1]);
    expect([x1[0], x1[19], x2[0], x2[19]]).toEqual([2, 40, 3, 60]);
    expect(toNested(x)).toEqual(x1.map((v, i) => [[v, x2[i]]]));
    expect(products[0]).toBe(6);
    expect(products[19]).toBe(2400);
    expect(Array.from(y.data)).toEqual(products);
  });

  it('series 10..90 split 3 in / 2 out into 5 samples', () => {
    const { x, y, series } = labSeries();
    expect(series).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(toNested(x)).toEqual([
      [[10], [20], [30]],
      [[20], [30], [40]],
      [[30], [40], [50]],
      [[40], [50], [60]],
      [[50], [60], [70]],
    ]);
    expect(toNested(y)).toEqual([
      [40, 50],
      [50, 60],
      [60, 70],
      [70, 80],
      [80, 90],
    ]);
  });

  it('fit diagnosis: train 0.0→0.1 … 0.4→0.5, validation 0.5→0.6 … 0.9→1.0', () => {
    const { train, validation } = fitDiagnosisData();
    expect(train.x.shape).toEqual([5, 1, 1]);
    expect(train.y.shape).toEqual([5, 1]);
    expect(validation.x.shape).toEqual([5, 1, 1]);
    const f = (a: number[]) => a.map((v) => Math.fround(v));
    expect(Array.from(train.x.data)).toEqual(f([0, 0.1, 0.2, 0.3, 0.4]));
    expect(Array.from(train.y.data)).toEqual(f([0.1, 0.2, 0.3, 0.4, 0.5]));
    expect(Array.from(validation.x.data)).toEqual(f([0.5, 0.6, 0.7, 0.8, 0.9]));
    expect(Array.from(validation.y.data)).toEqual(f([0.6, 0.7, 0.8, 0.9, 1.0]));
  });

  it('returns fresh arrays on every call, so callers may scale them in place', () => {
    const a = linearData();
    a.x.data[0] = 99;
    expect(linearData().x.data[0]).toBe(1);
  });
});
