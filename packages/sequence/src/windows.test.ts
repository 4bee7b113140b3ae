import { describe, expect, it } from 'vitest';
import {
  ShapeError,
  columnsTo3d,
  slidingWindows,
  splitMultipleInputs,
  splitParallelSeries,
  splitSequence,
  splitSubsequences,
  toNested,
  toSequences,
} from './index';

const inputs = [[10, 15], [20, 25], [30, 35], [40, 45], [50, 55], [60, 65], [70, 75], [80, 85], [90, 95]];
const output = inputs.map(([a, b]) => a + b);

describe('windowing', () => {
  it('strides over a univariate series', () => {
    const { x, y } = splitSequence([1, 2, 3, 4, 5, 6, 7], { steps: 2, stride: 2 });
    expect(toNested(x)).toEqual([[[1], [2]], [[3], [4]], [[5], [6]]]);
    expect(toNested(y)).toEqual([[3], [5], [7]]);
  });

  it('rejects a window longer than the series and several features', () => {
    expect(() => splitSequence([1, 2, 3], { steps: 3, horizon: 1 })).toThrow(
      /needs at least 4 time steps, but the series has 3; use fewer steps or a longer series/,
    );
    expect(() => splitSequence([[1, 2], [3, 4]], { steps: 1 })).toThrow(/splitParallelSeries/);
    expect(() => splitSequence([1, 2, 3], { steps: 0 })).toThrow(/steps to be an integer >= 1/);
    expect(() => splitSequence([], { steps: 1 })).toThrow(ShapeError);
  });

  it('maps several input series to one concurrent output', () => {
    const { x, y } = splitMultipleInputs(inputs, output, { steps: 3 });
    expect(x.shape).toEqual([7, 3, 2]);
    expect((toNested(x) as unknown[])[0]).toEqual([[10, 15], [20, 25], [30, 35]]);
    expect(Array.from(y.data)).toEqual([65, 85, 105, 125, 145, 165, 185]);
  });

  it('maps several input series to the next output steps', () => {
    const { x, y } = splitMultipleInputs(inputs, output, { steps: 3, horizon: 2, target: 'next' });
    expect(x.shape).toEqual([5, 3, 2]);
    expect((toNested(y) as unknown[])[0]).toEqual([85, 105]);
    expect(() => splitMultipleInputs(inputs, [1, 2], { steps: 3 })).toThrow(/as many time steps as the inputs \(9\), got 2; align the series first/);
    expect(() => splitMultipleInputs(inputs, inputs, { steps: 3 })).toThrow(/expected one output series.*use splitParallelSeries/);
  });

  it('predicts the next step of parallel series, single and multi-step', () => {
    const single = splitParallelSeries(inputs, { steps: 3 });
    expect(single.x.shape).toEqual([6, 3, 2]);
    expect((toNested(single.y) as unknown[])[0]).toEqual([40, 45]);
    const multi = splitParallelSeries(inputs, { steps: 3, horizon: 2, stride: 2 });
    expect(multi.y.shape).toEqual([3, 2, 2]);
    expect((toNested(multi.y) as unknown[])[1]).toEqual([[60, 65], [70, 75]]);
  });

  it('cuts prediction windows ending at the last value', () => {
    const x = slidingWindows([70, 80, 90, 100], { steps: 3 });
    expect(toNested(x)).toEqual([[[70], [80], [90]], [[80], [90], [100]]]);
  });
});

describe('reshape helpers', () => {
  it('groups rows into samples and errors when sizes do not divide', () => {
    expect(toSequences([1, 2, 3, 4, 5, 6], { timesteps: 3 }).shape).toEqual([2, 3, 1]);
    expect(columnsTo3d([[2, 3], [4, 6], [6, 9]]).shape).toEqual([3, 1, 2]);
    expect(() => toSequences([1, 2, 3, 4, 5], { timesteps: 2 })).toThrow(/5 is not divisible by 2/);
  });
});

describe('splitSubsequences', () => {
  it('splits a long sequence in order for truncated BPTT', () => {
    const long = Array.from({ length: 1000 }, (_, i) => i);
    const x = splitSubsequences(long, { length: 250 });
    expect(x.shape).toEqual([4, 250, 1]);
    expect([x.data[0], x.data[249], x.data[250], x.data[999]]).toEqual([0, 249, 250, 999]);
  });

  it('splits each sample of a batch and handles remainders', () => {
    const batch = [[[1], [2], [3], [4], [5]], [[6], [7], [8], [9], [10]]];
    expect(() => splitSubsequences(batch as never, { length: 2 })).toThrow(/5 is not divisible by 2.*remainder/);
    const dropped = splitSubsequences(batch as never, { length: 2, remainder: 'drop' });
    expect(toNested(dropped)).toEqual([[[1], [2]], [[3], [4]], [[6], [7]], [[8], [9]]]);
    const padded = splitSubsequences(batch as never, { length: 2, remainder: 'pad', value: -1 });
    expect(padded.shape).toEqual([6, 2, 1]);
    expect(() => splitSubsequences([1, 2], { length: 3, remainder: 'drop' })).toThrow(/at least 3 time steps to split, got 2; use a length <= 2 or remainder: 'pad'/);
    expect((toNested(padded) as unknown[])[2]).toEqual([[5], [-1]]);
  });
});
