import { ShapeError, ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type Matrix, type SeriesInput, assertNotEmpty, toMatrix } from './internal/matrix';

/** Window options shared by the split functions. */
export interface WindowOptions {
  /** Input time steps per sample (the window length). Required. */
  steps: number;
  /** Output time steps per sample (multi-step forecasting). Default 1. */
  horizon?: number;
  /** Steps between the starts of consecutive windows. Default 1 (every window). */
  stride?: number;
}

/** Samples ready for a recurrent model. */
export interface WindowedSamples {
  /** Inputs, `[samples, steps, features]`. */
  x: NdArray;
  /** Targets: `[samples, horizon]` for one output series (see each function for parallel series). */
  y: NdArray;
}

function readWindow(options: WindowOptions): { steps: number; horizon: number; stride: number } {
  const { steps, horizon = 1, stride = 1 } = options ?? ({} as WindowOptions);
  for (const [name, v] of [['steps', steps], ['horizon', horizon], ['stride', stride]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new ValueError(`expected ${name} to be an integer >= 1, got ${v}`);
  }
  return { steps, horizon, stride };
}

function sampleCount(n: number, span: number, stride: number, what: string, steps: number, horizon: number): number {
  if (span > n) {
    throw new ShapeError(
      `a window of ${steps} input step(s) and ${horizon} output step(s) needs at least ${span} time steps, but the ${what} has ${n}; use fewer steps or a longer series`,
    );
  }
  return Math.floor((n - span) / stride) + 1;
}

function copyWindows(m: Matrix, count: number, steps: number, stride: number, columns: readonly number[]): NdArray {
  const k = columns.length;
  const out = new Float32Array(count * steps * k);
  for (let s = 0; s < count; s++) {
    for (let t = 0; t < steps; t++) {
      const r = s * stride + t;
      for (let j = 0; j < k; j++) out[(s * steps + t) * k + j] = m.data[r * m.cols + columns[j]];
    }
  }
  return { shape: Object.freeze([count, steps, k]), data: out };
}

function allColumns(m: Matrix): number[] {
  return Array.from({ length: m.cols }, (_, i) => i);
}

/**
 * Split a univariate series into overlapping samples: `steps` inputs followed by the next
 * `horizon` values as outputs, the univariate multi-step framing.
 *
 * @param series one series (numbers, `[n]` or `[n, 1]`)
 * @param options `steps` (required), `horizon` (default 1), `stride` (default 1)
 * @returns x `[samples, steps, 1]` and y `[samples, horizon]`
 * @throws ShapeError when the series is shorter than steps + horizon or has several features; ValueError for bad options
 * @example
 * const { x, y } = splitSequence([10, 20, 30, 40, 50, 60, 70, 80, 90], { steps: 3, horizon: 2 });
 * x.shape; // [5, 3, 1]; first window [10, 20, 30] → y [40, 50]
 */
export function splitSequence(series: SeriesInput, options: WindowOptions): WindowedSamples {
  const { steps, horizon, stride } = readWindow(options);
  const m = toMatrix(series, 'series');
  assertNotEmpty(m, 'series');
  if (m.cols !== 1) {
    throw new ShapeError(
      `expected one series ([n] or [n, 1]) for splitSequence, got shape [${m.shape.join(', ')}]; use splitParallelSeries or splitMultipleInputs for several series`,
    );
  }
  const count = sampleCount(m.rows, steps + horizon, stride, 'series', steps, horizon);
  const x = copyWindows(m, count, steps, stride, [0]);
  const y = new Float32Array(count * horizon);
  for (let s = 0; s < count; s++) for (let h = 0; h < horizon; h++) y[s * horizon + h] = m.data[s * stride + steps + h];
  return { x, y: { shape: Object.freeze([count, horizon]), data: y } };
}

/** Options of {@link splitMultipleInputs}. */
export interface MultipleInputsOptions extends WindowOptions {
  /**
   * Which output values a window predicts: `'concurrent'` (default) starts at the window's
   * last time step (the output at time t from inputs up to t); `'next'` starts right after it.
   */
  target?: 'concurrent' | 'next';
}

/**
 * Split several input series and one output series into samples: each sample's inputs are
 * `steps` rows of all input series, its output the `horizon` output values from the last
 * input step on (or after it with `target: 'next'`).
 *
 * @param inputs rows `[n][inputSeries]` or an NdArray `[n, inputSeries]`
 * @param output the output series, `[n]`
 * @param options `steps`, `horizon` (1), `stride` (1), `target` (`'concurrent'`)
 * @returns x `[samples, steps, inputSeries]` and y `[samples, horizon]`
 * @throws ShapeError when lengths differ or the series is too short for one window
 * @example
 * const inputs = [[10, 15], [20, 25], [30, 35], [40, 45]];
 * const { x, y } = splitMultipleInputs(inputs, [25, 45, 65, 85], { steps: 3 });
 * // x[0] = [[10,15],[20,25],[30,35]] → y[0] = [65]
 */
export function splitMultipleInputs(inputs: SeriesInput, output: SeriesInput, options: MultipleInputsOptions): WindowedSamples {
  const { steps, horizon, stride } = readWindow(options);
  const target = options.target ?? 'concurrent';
  if (target !== 'concurrent' && target !== 'next') throw new ValueError(`expected target 'concurrent' or 'next', got ${JSON.stringify(target)}`);
  const m = toMatrix(inputs, 'inputs');
  const o = toMatrix(output, 'output');
  assertNotEmpty(m, 'inputs');
  if (o.cols !== 1) throw new ShapeError(`expected one output series ([n]), got shape [${o.shape.join(', ')}]; pass one column, or use splitParallelSeries to predict several series`);
  if (o.rows !== m.rows) {
    throw new ShapeError(`expected the output series to have as many time steps as the inputs (${m.rows}), got ${o.rows}; align the series first (trim them, or resample both to the same time steps)`);
  }
  const lead = target === 'concurrent' ? steps - 1 : steps;
  const count = sampleCount(m.rows, lead + horizon, stride, 'series', steps, horizon);
  const x = copyWindows(m, count, steps, stride, allColumns(m));
  const y = new Float32Array(count * horizon);
  for (let s = 0; s < count; s++) for (let h = 0; h < horizon; h++) y[s * horizon + h] = o.data[s * stride + lead + h];
  return { x, y: { shape: Object.freeze([count, horizon]), data: y } };
}

/**
 * Split parallel series into samples that predict the next step of every series: inputs are
 * `steps` rows of all series, outputs the following `horizon` rows.
 *
 * @param series rows `[n][series]` or an NdArray `[n, series]`
 * @param options `steps`, `horizon` (1), `stride` (1)
 * @returns x `[samples, steps, series]`; y `[samples, series]` when horizon is 1, else `[samples, horizon, series]`
 * @throws ShapeError when the series is too short for one window
 * @example
 * const { x, y } = splitParallelSeries([[10, 15], [20, 25], [30, 35], [40, 45]], { steps: 3 });
 * // x[0] = [[10,15],[20,25],[30,35]] → y[0] = [40, 45]
 */
export function splitParallelSeries(series: SeriesInput, options: WindowOptions): WindowedSamples {
  const { steps, horizon, stride } = readWindow(options);
  const m = toMatrix(series, 'series');
  assertNotEmpty(m, 'series');
  const count = sampleCount(m.rows, steps + horizon, stride, 'series', steps, horizon);
  const x = copyWindows(m, count, steps, stride, allColumns(m));
  const f = m.cols;
  const y = new Float32Array(count * horizon * f);
  for (let s = 0; s < count; s++) {
    const start = (s * stride + steps) * f;
    y.set(m.data.subarray(start, start + horizon * f), s * horizon * f);
  }
  const shape = horizon === 1 ? [count, f] : [count, horizon, f];
  return { x, y: { shape: Object.freeze(shape), data: y } };
}

/**
 * Cut a series into every window of `steps` rows, without targets: the inputs for
 * prediction (the last window ends at the last observation).
 *
 * @param series a flat series, rows `[n][features]` or an NdArray `[n, features]`
 * @param options `steps` (required), `stride` (default 1)
 * @returns x `[samples, steps, features]`
 * @throws ShapeError when the series is shorter than steps
 * @example
 * slidingWindows([70, 80, 90], { steps: 3 }).shape; // [1, 3, 1]
 */
export function slidingWindows(series: SeriesInput, options: Omit<WindowOptions, 'horizon'>): NdArray {
  const { steps, stride } = readWindow({ ...options, horizon: 1 });
  const m = toMatrix(series, 'series');
  assertNotEmpty(m, 'series');
  const count = sampleCount(m.rows, steps, stride, 'series', steps, 0);
  return copyWindows(m, count, steps, stride, allColumns(m));
}
