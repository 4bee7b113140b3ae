import { ShapeError, ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type Matrix, type SeriesInput, assertNotEmpty, matrixToNd, toMatrix } from './internal/matrix';

/** Options of {@link difference} and {@link inverseDifference}. */
export interface DifferenceOptions {
  /** The distance between the subtracted values: 1 removes a trend, the season length removes a seasonal cycle. Default 1. */
  lag?: number;
  /** How many times to difference (2 removes a quadratic trend). Default 1. */
  order?: number;
}

function readOptions(options: DifferenceOptions): { lag: number; order: number } {
  const { lag = 1, order = 1 } = options;
  if (!Number.isInteger(lag) || lag < 1) throw new ValueError(`expected lag to be an integer >= 1, got ${lag}`);
  if (!Number.isInteger(order) || order < 1) throw new ValueError(`expected order to be an integer >= 1, got ${order}`);
  return { lag, order };
}

/** @internal difference a matrix once per order along its rows. */
export function differenceMatrix(m: Matrix, lag: number, order: number): Matrix {
  let cur = m;
  for (let k = 0; k < order; k++) {
    const rows = cur.rows - lag;
    if (rows < 1) {
      throw new ShapeError(`differencing with lag ${lag} and order ${order} needs more than ${lag * order} time steps, got ${m.rows}`);
    }
    const f = cur.cols;
    const out = new Float64Array(rows * f);
    for (let i = 0; i < rows * f; i++) out[i] = cur.data[i + lag * f] - cur.data[i];
    cur = { rows, cols: f, data: out, shape: cur.shape.length === 1 ? [rows] : [rows, f] };
  }
  return cur;
}

/**
 * @internal undo {@link differenceMatrix}: `seed` holds at least `lag · order` raw rows that come
 * right before the first differenced row.
 */
export function inverseDifferenceMatrix(d: Matrix, seed: Matrix, lag: number, order: number): Matrix {
  const need = lag * order;
  if (seed.cols !== d.cols) {
    throw new ShapeError(`expected the last observed values to have ${d.cols} feature(s) like the differences, got ${seed.cols}`);
  }
  if (seed.rows < need) {
    throw new ShapeError(
      `inverting differences with lag ${lag} and order ${order} needs the last ${need} observed value(s) before them, got ${seed.rows}`,
    );
  }
  const f = d.cols;
  const tail: Matrix = { rows: need, cols: f, data: seed.data.slice((seed.rows - need) * f), shape: [need, f] };
  // The seed of each differencing level is the last `lag` rows of the seed differenced that many times.
  const levels: Matrix[] = [tail];
  for (let k = 1; k < order; k++) levels.push(differenceMatrix(levels[k - 1], lag, 1));
  let cur = d.data;
  for (let k = order - 1; k >= 0; k--) {
    const level = levels[k];
    const history = level.data.slice((level.rows - lag) * f);
    const out = new Float64Array(cur.length);
    for (let i = 0; i < cur.length; i++) {
      const prev = i < lag * f ? history[i] : out[i - lag * f];
      out[i] = cur[i] + prev;
    }
    cur = out;
  }
  return { ...d, data: cur };
}

/**
 * Difference a series to remove a trend or a season: `d[t] = x[t + lag] - x[t]`, repeated
 * `order` times; the result is `lag · order` steps shorter.
 *
 * @param series a flat series or rows `[n][features]` (each feature on its own)
 * @param options `lag` (default 1), `order` (default 1)
 * @returns the differences, `[n - lag·order]` or `[n - lag·order, features]`
 * @throws ShapeError when the series is not longer than lag · order
 * @example
 * difference([1, 3, 6, 10]).data; // [2, 3, 4]
 * difference([1, 3, 6, 10], { order: 2 }).data; // [1, 1]
 */
export function difference(series: SeriesInput, options: DifferenceOptions = {}): NdArray {
  const { lag, order } = readOptions(options);
  const m = toMatrix(series, 'series');
  assertNotEmpty(m, 'series');
  return matrixToNd(differenceMatrix(m, lag, order));
}

/**
 * Undo {@link difference}: rebuild values from differences and the raw values observed just
 * before them. To restore a whole series pass its first `lag · order` values; to turn
 * forecast differences into a forecast pass the last observed values.
 *
 * @param differences the differences, `[n]` or `[n, features]`
 * @param history raw values that come right before the differences (at least `lag · order` rows; only the last ones are used)
 * @param options the `lag` and `order` used to difference
 * @returns the raw values the differences describe, the same shape as `differences`
 * @throws ShapeError when history is too short or its feature count differs
 * @example
 * inverseDifference([2, 3, 4], [1]).data; // [3, 6, 10]
 * inverseDifference([5], [1, 3, 6, 10]).data; // a forecast of +5 after 10: [15]
 */
export function inverseDifference(differences: SeriesInput, history: SeriesInput, options: DifferenceOptions = {}): NdArray {
  const { lag, order } = readOptions(options);
  const d = toMatrix(differences, 'differences');
  const h = toMatrix(history, 'history');
  return matrixToNd(inverseDifferenceMatrix(d, h, lag, order));
}

/** The fitted state of a {@link Differencer}, as plain JSON. */
export interface DifferencerJSON {
  type: 'difference';
  lag: number;
  order: number;
}

/**
 * Differencing as a {@link Pipeline} step: removes a trend (or a season with `lag` = the
 * season length) before scaling; the pipeline inverts it on predictions using the last
 * observed values.
 *
 * @example
 * const pipeline = new Pipeline([new Differencer({ lag: 1 }), new MinMaxScaler(), new SlidingWindow({ steps: 3 })]);
 */
export class Differencer {
  readonly type = 'difference';
  readonly lag: number;
  readonly order: number;

  /**
   * @param options `lag` (default 1), `order` (default 1)
   * @throws ValueError when lag or order is not a positive integer
   */
  constructor(options: DifferenceOptions = {}) {
    const { lag, order } = readOptions(options);
    this.lag = lag;
    this.order = order;
  }

  /** How many raw values the first difference needs before it (`lag · order`). */
  get span(): number {
    return this.lag * this.order;
  }

  /**
   * Difference a series.
   *
   * @example
   * new Differencer().transform([1, 3, 6]).data; // [2, 3]
   */
  transform(series: SeriesInput): NdArray {
    return difference(series, this);
  }

  /**
   * Rebuild raw values from differences and the values observed before them.
   *
   * @example
   * new Differencer().inverseTransform([2, 3], [1]).data; // [3, 6]
   */
  inverseTransform(differences: SeriesInput, history: SeriesInput): NdArray {
    return inverseDifference(differences, history, this);
  }

  /** The settings as plain JSON. @example JSON.stringify(new Differencer().toJSON()) */
  toJSON(): DifferencerJSON {
    return { type: 'difference', lag: this.lag, order: this.order };
  }

  /**
   * Restore a differencer from {@link Differencer.toJSON} output.
   *
   * @throws ValueError when the JSON is not a differencer
   * @example
   * Differencer.fromJSON({ type: 'difference', lag: 12, order: 1 });
   */
  static fromJSON(json: DifferencerJSON): Differencer {
    if (!json || json.type !== 'difference') throw new ValueError(`expected JSON with type 'difference', got ${JSON.stringify(json?.type)}`);
    return new Differencer({ lag: json.lag, order: json.order });
  }
}
