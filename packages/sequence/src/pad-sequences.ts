import { ShapeError, ValueError } from './errors';
import type { NdArray } from './nd-array';

/** Options of {@link padSequences}; the defaults are Keras's `pad_sequences`. */
export interface PadSequencesOptions {
  /** The length of every output sequence. Default: the longest input sequence. */
  maxlen?: number;
  /** Where to add padding: `'pre'` (default, before) or `'post'` (after). */
  padding?: 'pre' | 'post';
  /** Where to cut sequences longer than maxlen: `'pre'` (default, drop the start) or `'post'` (drop the end). */
  truncating?: 'pre' | 'post';
  /** The padding value. Default 0. */
  value?: number;
  /**
   * Value type: `'int32'` (Keras's default) truncates values toward zero like numpy's
   * `astype('int32')`; `'float32'` keeps them. Either way the result is stored as float32.
   */
  dtype?: 'int32' | 'float32';
}

const DEFAULTS: Required<Omit<PadSequencesOptions, 'maxlen'>> = {
  padding: 'pre',
  truncating: 'pre',
  value: 0,
  dtype: 'int32',
};

/** One sequence: numbers (one feature per step) or rows of features (one row per step). */
export type PadInput = ArrayLike<number> | readonly (readonly number[])[];

/**
 * Pad (and truncate) sequences of different lengths to one length, with the semantics of
 * Keras's `pad_sequences`.
 *
 * @param sequences the sequences; each step is a number, or a row of features of the same width in every sequence
 * @param options `maxlen`, `padding`, `truncating`, `value`, `dtype` (Keras defaults: longest, `'pre'`, `'pre'`, 0, `'int32'`)
 * @returns an NdArray of shape `[sequences, maxlen]`, or `[sequences, maxlen, features]` when steps are rows
 * @throws ValueError for an unknown padding or truncating mode or a bad maxlen; ShapeError when step widths differ
 * @example
 * padSequences([[1, 2, 3, 4], [1, 2, 3], [1]]).data;
 * // [1,2,3,4, 0,1,2,3, 0,0,0,1], shape [3, 4]
 * padSequences([[1, 2, 3, 4], [1]], { maxlen: 2, truncating: 'post', padding: 'post' });
 */
export function padSequences(sequences: readonly PadInput[], options: PadSequencesOptions = {}): NdArray {
  const { padding, truncating, value, dtype } = { ...DEFAULTS, ...options };
  if (padding !== 'pre' && padding !== 'post') throw new ValueError(`expected padding 'pre' or 'post', got ${JSON.stringify(padding)}`);
  if (truncating !== 'pre' && truncating !== 'post') {
    throw new ValueError(`expected truncating 'pre' or 'post', got ${JSON.stringify(truncating)}`);
  }
  if (dtype !== 'int32' && dtype !== 'float32') throw new ValueError(`expected dtype 'int32' or 'float32', got ${JSON.stringify(dtype)}`);
  if (dtype === 'int32' && !Number.isFinite(value)) {
    throw new ValueError(`padding value ${value} cannot be stored as int32; use { dtype: 'float32' } for a NaN or infinite padding value`);
  }
  if (!Array.isArray(sequences)) throw new ShapeError(`expected a list of sequences, got ${typeof sequences}`);
  if (options.maxlen !== undefined && (!Number.isInteger(options.maxlen) || options.maxlen < 0)) {
    throw new ValueError(`expected maxlen to be a non-negative integer, got ${options.maxlen}`);
  }
  const maxlen = options.maxlen ?? sequences.reduce((m, s) => Math.max(m, s.length), 0);

  // The width of one step: 1 for numbers, the row length for rows; it must agree everywhere.
  let width: number | null = null;
  sequences.forEach((seq, i) => {
    for (let t = 0; t < seq.length; t++) {
      const step = (seq as ArrayLike<unknown>)[t];
      const w = Array.isArray(step) ? step.length : typeof step === 'number' ? 0 : -1;
      if (w < 0) throw new ShapeError(`expected numbers or rows of numbers in sequence ${i}, got ${typeof step} at step ${t}`);
      if (width === null) width = w;
      else if (w !== width) {
        throw new ShapeError(
          `expected every step to have ${width === 0 ? 'one number' : `${width} features`} like the first one, got ${w === 0 ? 'a number' : `${w} features`} at sequence ${i}, step ${t}`,
        );
      }
    }
  });
  const rowWidth = width === null || width === 0 ? 1 : width;
  const convert = dtype === 'int32' ? (v: number): number => Math.trunc(v) | 0 : (v: number): number => v;
  const out = new Float32Array(sequences.length * maxlen * rowWidth).fill(convert(value));
  sequences.forEach((seq, i) => {
    const n = Math.min(seq.length, maxlen);
    const from = truncating === 'pre' ? seq.length - n : 0;
    const to = padding === 'pre' ? maxlen - n : 0;
    for (let t = 0; t < n; t++) {
      const step = (seq as ArrayLike<number | readonly number[]>)[from + t];
      const base = (i * maxlen + to + t) * rowWidth;
      if (typeof step === 'number') out[base] = convert(step);
      else for (let f = 0; f < rowWidth; f++) out[base + f] = convert(step[f]);
    }
  });
  const shape = width !== null && width > 0 ? [sequences.length, maxlen, width] : [sequences.length, maxlen];
  return { shape: Object.freeze(shape), data: out };
}
