import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { oneHotDecode, oneHotEncode } from './one-hot';

/** An alphabet: a string of distinct symbols (`'0123456789+ '`) or a list of them. */
export type Alphabet = string | readonly string[];

function symbolsOf(alphabet: Alphabet): readonly string[] {
  const symbols = typeof alphabet === 'string' ? [...alphabet] : alphabet;
  if (symbols.length === 0) throw new ValueError('expected a non-empty alphabet, got an empty one');
  const seen = new Set<string>();
  for (const s of symbols) {
    if (seen.has(s)) throw new ValueError(`expected distinct symbols in the alphabet, got ${JSON.stringify(s)} twice`);
    seen.add(s);
  }
  return symbols;
}

/**
 * Encode a string as the indices of its characters in an alphabet.
 *
 * @param s the text to encode
 * @param alphabet the symbols, in index order
 * @returns one integer per character
 * @throws ValueError naming a character that is not in the alphabet
 * @example
 * encodeString(' 3+10', '0123456789+ '); // [11, 3, 10, 1, 0]
 */
export function encodeString(s: string, alphabet: Alphabet): number[] {
  const symbols = symbolsOf(alphabet);
  const index = new Map(symbols.map((c, i) => [c, i]));
  return [...s].map((ch, i) => {
    const k = index.get(ch);
    if (k === undefined) {
      throw new ValueError(`character ${JSON.stringify(ch)} at position ${i} of ${JSON.stringify(s)} is not in the alphabet ${JSON.stringify(symbols.join(''))}; add it to the alphabet`);
    }
    return k;
  });
}

/**
 * Decode character indices back into a string.
 *
 * @param indices symbol indices (numbers or an NdArray)
 * @param alphabet the symbols, as a string or an array of single characters
 * @returns the decoded string
 * @throws ValueError when an index is not an integer inside the alphabet
 * @example
 * decodeString([11, 3, 10, 1, 0], '0123456789+ '); // ' 3+10'
 */
export function decodeString(indices: ArrayLike<number> | NdArray, alphabet: Alphabet): string {
  const symbols = symbolsOf(alphabet);
  const values = 'data' in indices && (indices as NdArray).data instanceof Float32Array ? (indices as NdArray).data : (indices as ArrayLike<number>);
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0 || v >= symbols.length) {
      throw new ValueError(`expected symbol indices that are integers in [0, ${symbols.length}), got ${v} at position ${i}`);
    }
    out += symbols[v];
  }
  return out;
}

/**
 * One-hot encode a string over an alphabet.
 *
 * @param s the string to encode
 * @param alphabet the symbols, as a string or an array of single characters
 * @returns an NdArray of shape `[characters, alphabetSize]`
 * @throws ValueError naming a character that is not in the alphabet
 * @example
 * encodeStringOneHot('13', '0123456789+ ').shape; // [2, 12]
 */
export function encodeStringOneHot(s: string, alphabet: Alphabet): NdArray {
  return oneHotEncode(encodeString(s, alphabet), symbolsOf(alphabet).length);
}

/**
 * Decode one-hot rows (or per-step softmax scores) into a string by argmax over the last
 * dimension; a `[steps, alphabetSize]` array gives one string.
 *
 * @param encoded one-hot rows or scores of shape `[characters, alphabetSize]`
 * @param alphabet the symbols, as a string or an array of single characters
 * @returns the decoded string
 * @throws ValueError when the last dimension is not the alphabet size
 * @example
 * decodeStringOneHot(encodeStringOneHot('13', alphabet), alphabet); // '13'
 */
export function decodeStringOneHot(encoded: NdArray, alphabet: Alphabet): string {
  const symbols = symbolsOf(alphabet);
  if (encoded.shape.length === 0 || encoded.shape[encoded.shape.length - 1] !== symbols.length) {
    throw new ValueError(`expected rows of ${symbols.length} columns (one per alphabet symbol), got shape [${encoded.shape.join(', ')}]`);
  }
  return decodeString(oneHotDecode(encoded), symbols);
}
