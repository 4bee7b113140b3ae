import { describe, expect, it } from 'vitest';
import {
  BoxCoxTransformer,
  Differencer,
  LogTransformer,
  ShapeError,
  boxCox,
  boxCoxLambda,
  difference,
  inverseBoxCox,
  inverseDifference,
  inverseLogTransform,
  logTransform,
  toNested,
} from './index';

const airline = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140];

describe('differencing', () => {
  it('differences with lag and order and inverts from the first values', () => {
    expect(Array.from(difference([1, 3, 6, 10]).data)).toEqual([2, 3, 4]);
    expect(Array.from(difference([1, 3, 6, 10], { order: 2 }).data)).toEqual([1, 1]);
    const seasonal = difference(airline, { lag: 12 });
    expect(seasonal.shape).toEqual([12]);
    expect(seasonal.data[0]).toBe(3);
    expect(Array.from(inverseDifference(seasonal, airline.slice(0, 12), { lag: 12 }).data)).toEqual(airline.slice(12));
    const second = difference(airline, { lag: 2, order: 2 });
    expect(Array.from(inverseDifference(second, airline.slice(0, 4), { lag: 2, order: 2 }).data)).toEqual(airline.slice(4));
  });

  it('turns forecast differences into a forecast from the last observed values', () => {
    expect(Array.from(inverseDifference([5, -2], [1, 3, 6, 10]).data)).toEqual([15, 13]);
    // Second order: the last slope (10 - 6 = 4) plus 1 gives 5, so the next value is 15.
    expect(Array.from(inverseDifference([1], [1, 3, 6, 10], { order: 2 }).data)).toEqual([15]);
  });

  it('works per feature and names missing history', () => {
    expect(toNested(difference([[1, 10], [2, 30]]))).toEqual([[1, 20]]);
    expect(() => inverseDifference([1, 2], [1], { lag: 2 })).toThrow(/needs the last 2 observed value\(s\)/);
    expect(() => difference([1], { lag: 1 })).toThrow(ShapeError);
    expect(new Differencer({ lag: 12 }).toJSON()).toEqual({ type: 'difference', lag: 12, order: 1 });
  });
});

describe('log and Box-Cox', () => {
  it('log-transforms with an offset and inverts', () => {
    expect(Array.from(logTransform([1, Math.E]).data)).toEqual([0, 1]);
    expect(inverseLogTransform(logTransform([0, 9], { offset: 1 }), { offset: 1 }).data[1]).toBeCloseTo(9, 4);
    expect(() => logTransform([0, 1])).toThrow(/values > 0.*offset/);
    expect(Array.from(new LogTransformer().inverseTransform([0]).data)).toEqual([1]);
  });

  it('matches scipy boxcox for a given lambda and inverts', () => {
    expect(Array.from(boxCox([1, 4, 9], 0.5).data)).toEqual([0, 2, 4]);
    expect(Array.from(inverseBoxCox([0, 2, 4], 0.5).data)).toEqual([1, 4, 9]);
    expect(boxCox([Math.E], 0).data[0]).toBeCloseTo(1, 6);
    expect(() => boxCox([-1], 1)).toThrow(/boxCox needs values > 0/);
  });

  it('estimates lambda like scipy.stats.boxcox', () => {
    // scipy 1.17: stats.boxcox(airline) → lmbda = -1.0110515, first value 0.98068702
    const lambda = boxCoxLambda(airline);
    expect(lambda).toBeCloseTo(-1.0110515, 4);
    const bc = new BoxCoxTransformer().fit(airline);
    expect(bc.lambdas![0]).toBeCloseTo(-1.0110515, 4);
    expect(bc.transform([112]).data[0]).toBeCloseTo(0.98068702, 5);
    const back = bc.inverseTransform(bc.transform(airline));
    airline.forEach((v, i) => expect(back.data[i]).toBeCloseTo(v, 2));
    expect(() => boxCoxLambda([3, 3, 3])).toThrow(/constant/);
  });
});
