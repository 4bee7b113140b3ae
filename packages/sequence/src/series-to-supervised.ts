import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type SeriesInput, assertNotEmpty, toMatrix } from './internal/matrix';

/** Options of {@link seriesToSupervised}. */
export interface SeriesToSupervisedOptions {
  /** Number of lag observations used as input: columns t-nIn … t-1. Default 1. */
  nIn?: number;
  /** Number of observations to predict: columns t … t+nOut-1. Default 1. */
  nOut?: number;
  /** Drop rows that contain NaN (the edges created by shifting). Default true. */
  dropNaN?: boolean;
}

/** A framed data set: one row per time step, one column per (variable, shift). */
export interface SupervisedFrame {
  /** `[rows, (nIn + nOut) · features]`: inputs first (oldest lag first), then outputs. */
  data: NdArray;
  /** Column names in the usual form `var1(t-1)`, `var1(t)`, `var1(t+1)`. */
  columns: string[];
  /** How many leading columns are inputs (`nIn · features`); the rest are outputs. */
  inputColumns: number;
}

const DEFAULTS: Required<SeriesToSupervisedOptions> = { nIn: 1, nOut: 1, dropNaN: true };

/**
 * Frame a time series as a supervised learning problem by lag framing: each row holds the
 * previous `nIn` observations of every variable as inputs and the next `nOut` as outputs.
 *
 * @param data a flat series (one variable) or rows `[n][variables]` / an NdArray `[n, variables]`
 * @param options `nIn` (default 1), `nOut` (default 1), `dropNaN` (default true)
 * @returns the framed data, its column names and the input column count
 * @throws ValueError when nIn is negative or nOut is below 1; ShapeError when data is empty
 * @example
 * const { data, columns } = seriesToSupervised([0, 1, 2, 3], { nIn: 1, nOut: 1 });
 * columns; // ['var1(t-1)', 'var1(t)']
 * data.data; // [0, 1, 1, 2, 2, 3], shape [3, 2]
 */
export function seriesToSupervised(data: SeriesInput, options: SeriesToSupervisedOptions = {}): SupervisedFrame {
  const { nIn, nOut, dropNaN } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(nIn) || nIn < 0) throw new ValueError(`expected nIn to be an integer >= 0, got ${nIn}`);
  if (!Number.isInteger(nOut) || nOut < 1) throw new ValueError(`expected nOut to be an integer >= 1, got ${nOut}`);
  const m = toMatrix(data, 'data');
  assertNotEmpty(m, 'data');
  const f = m.cols;
  const shifts: number[] = [];
  const columns: string[] = [];
  for (let i = nIn; i > 0; i--) shifts.push(-i);
  for (let i = 0; i < nOut; i++) shifts.push(i);
  for (const s of shifts) {
    for (let v = 1; v <= f; v++) columns.push(`var${v}(t${s === 0 ? '' : s > 0 ? `+${s}` : s})`);
  }
  const width = shifts.length * f;
  const rows: number[][] = [];
  for (let t = 0; t < m.rows; t++) {
    const row = new Array<number>(width);
    let hasNaN = false;
    shifts.forEach((s, j) => {
      const src = t + s;
      for (let v = 0; v < f; v++) {
        const x = src >= 0 && src < m.rows ? m.data[src * f + v] : NaN;
        if (Number.isNaN(x)) hasNaN = true;
        row[j * f + v] = x;
      }
    });
    if (!(dropNaN && hasNaN)) rows.push(row);
  }
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set(row, i * width));
  return { data: { shape: Object.freeze([rows.length, width]), data: out }, columns, inputColumns: nIn * f };
}
