import { describe, expect, it } from 'vitest';
import {
  ShapeError,
  ValueError,
  assertFinite,
  assertShape,
  concatRows,
  fromNested,
  ndarray,
  reshape,
  shapeOf,
  sizeOf,
  sliceRows,
  takeRows,
  toNested,
  zeros,
} from './index';

describe('nd-array', () => {
  it('builds from nested arrays and back', () => {
    const a = fromNested([[[1], [2], [3]], [[4], [5], [6]]]);
    expect(a.shape).toEqual([2, 3, 1]);
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toNested(a)).toEqual([[[1], [2], [3]], [[4], [5], [6]]]);
    expect(sizeOf([5, 3, 1])).toBe(15);
    expect(sizeOf([])).toBe(1);
  });

  it('rejects ragged input and names the position', () => {
    expect(() => shapeOf([[1, 2, 3], [4, 5]])).toThrow(ShapeError);
    expect(() => fromNested([[1, 2, 3], [4, 5]])).toThrow(/expected length 3 at \[1\].*padSequences/);
    expect(() => fromNested([[1, 2], [3, [4]]] as never)).toThrow(/ragged/);
  });

  it('checks data length against the shape', () => {
    expect(ndarray([1, 2, 3, 4, 5, 6], [1, 3, 2]).shape).toEqual([1, 3, 2]);
    expect(() => ndarray([1, 2, 3], [2, 2])).toThrow(/expected 4 values for shape \[2, 2\], got 3/);
    expect(() => sizeOf([2, -1])).toThrow(ShapeError);
  });

  it('reshapes with -1 inference and rejects sizes that do not divide', () => {
    const a = ndarray([10, 20, 30, 40, 50, 60], [6]);
    expect(reshape(a, [2, -1, 1]).shape).toEqual([2, 3, 1]);
    expect(reshape(a, [-1]).shape).toEqual([6]);
    expect(() => reshape(a, [4, -1])).toThrow(/6 is not divisible by 4/);
    expect(() => reshape(a, [4, 2])).toThrow(/cannot reshape 6 values/);
    expect(() => reshape(a, [-1, -1])).toThrow(/at most one -1/);
  });

  it('asserts shapes and finiteness with a named expected form', () => {
    const x = zeros([4, 5, 10]);
    expect(() => assertShape(x, [null, 5, 10], 'x', '[samples, timesteps, features]')).not.toThrow();
    expect(() => assertShape(zeros([20, 1]), [null, 5, 10], 'x', '[samples, timesteps, features]')).toThrow(
      /expected x with 3 dimensions \[samples, timesteps, features\] \[\?, 5, 10\], got shape \[20, 1\]/,
    );
    expect(() => assertShape(x, [null, 6, 10], 'x')).toThrow(/dimension 1 to be 6/);
    expect(() => assertFinite(ndarray([1, NaN], [2]), 'y')).toThrow(ValueError);
  });

  it('takes, slices and concatenates rows', () => {
    const a = fromNested([[1, 2], [3, 4], [5, 6]]);
    expect(toNested(takeRows(a, [2, 0]))).toEqual([[5, 6], [1, 2]]);
    expect(toNested(sliceRows(a, 1))).toEqual([[3, 4], [5, 6]]);
    expect(toNested(concatRows([a, sliceRows(a, 0, 1)]))).toEqual([[1, 2], [3, 4], [5, 6], [1, 2]]);
    expect(() => takeRows(a, [3])).toThrow(/out of range/);
    expect(() => concatRows([a, zeros([1, 3])])).toThrow(ShapeError);
    expect(() => concatRows([])).toThrow(ShapeError);
  });
});
