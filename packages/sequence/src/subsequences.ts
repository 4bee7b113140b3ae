import { ShapeError, ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type SeriesInput, assertNotEmpty, toMatrix } from './internal/matrix';

/** Options of {@link splitSubsequences}. */
export interface SubsequenceOptions {
  /** Time steps per sub-sequence. Required. */
  length: number;
  /**
   * What to do when the sequence length is not a multiple of `length`: `'error'` (default)
   * throws, `'drop'` discards the leftover steps at the end, `'pad'` pads the last
   * sub-sequence at its end with `value`.
   */
  remainder?: 'error' | 'drop' | 'pad';
  /** The padding value for `remainder: 'pad'` (choose your masking value). Default 0. */
  value?: number;
}

/**
 * Split long sequences into consecutive sub-sequences of a fixed length, keeping their order,
 * for truncated backpropagation through time (feed them in order to a stateful LSTM).
 *
 * @param sequences one sequence (`[T]` or `[T, features]`) or a batch `[samples, T, features]`
 * @param options `length` (required), `remainder` (`'error'`), `value` (0)
 * @returns `[samples · chunks, length, features]`, ordered sample by sample, chunk by chunk in time order
 * @throws ShapeError when T is not a multiple of length and remainder is `'error'`, or T < length with `'drop'`
 * @example
 * splitSubsequences(Array.from({ length: 1000 }, (_, i) => i), { length: 250 }).shape; // [4, 250, 1]
 */
export function splitSubsequences(sequences: SeriesInput, options: SubsequenceOptions): NdArray {
  const { length, remainder = 'error', value = 0 } = options ?? ({} as SubsequenceOptions);
  if (!Number.isInteger(length) || length < 1) throw new ValueError(`expected length to be an integer >= 1, got ${length}`);
  if (remainder !== 'error' && remainder !== 'drop' && remainder !== 'pad') {
    throw new ValueError(`expected remainder 'error', 'drop' or 'pad', got ${JSON.stringify(remainder)}`);
  }
  const m = toMatrix(sequences, 'sequences');
  assertNotEmpty(m, 'sequences');
  if (m.shape.length > 3) throw new ShapeError(`expected [T], [T, features] or [samples, T, features], got [${m.shape.join(', ')}]`);
  const samples = m.shape.length === 3 ? m.shape[0] : 1;
  const T = m.shape.length === 3 ? m.shape[1] : m.rows;
  const f = m.cols;
  const rest = T % length;
  if (rest !== 0 && remainder === 'error') {
    throw new ShapeError(
      `cannot split ${T} time steps into sub-sequences of ${length}: ${T} is not divisible by ${length}; pass remainder: 'drop' or 'pad', or pick a length that divides ${T}`,
    );
  }
  const chunks = remainder === 'pad' ? Math.ceil(T / length) : Math.floor(T / length);
  if (chunks === 0) throw new ShapeError(`expected sequences of at least ${length} time steps to split, got ${T}; use a length <= ${T} or remainder: 'pad'`);
  const out = new Float32Array(samples * chunks * length * f).fill(value);
  for (let s = 0; s < samples; s++) {
    for (let c = 0; c < chunks; c++) {
      const from = c * length;
      const n = Math.min(length, T - from);
      const src = (s * T + from) * f;
      const dst = (s * chunks + c) * length * f;
      for (let i = 0; i < n * f; i++) out[dst + i] = m.data[src + i];
    }
  }
  return { shape: Object.freeze([samples * chunks, length, f]), data: out };
}
