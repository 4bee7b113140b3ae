import { type NdArray, ShapeError, ValueError } from '@lstm-kit/sequence';
import { checkKeys, intOption, resolveRng, withDefaults } from './internal/options';
import type { SeedOptions } from './seeding';

/** The 12 symbols of the addition problem, in encoding order: digit `d` is `d`, `'+'` is 10, space is 11. */
export const additionAlphabet = '0123456789+ ';

const DEPTH = additionAlphabet.length;
const PLUS = 10;
const SPACE = 11;

/** Options of {@link addition}. */
export interface AdditionOptions extends SeedOptions {
  /** Numbers added in each question (default 3, as the course's encoder-decoder system B9). */
  readonly nTerms?: number;
  /** Largest term; terms are uniform integers in `[1, largest]` (default 10). */
  readonly largest?: number;
  /** Number of question/answer pairs (default 1). */
  readonly nPatterns?: number;
}

/** What {@link addition} returns: every stage of the encoding, for a model and for display. */
export interface AdditionData {
  /** One-hot questions, shape `[nPatterns, inputLength, 12]`. */
  readonly x: NdArray;
  /** One-hot answers, shape `[nPatterns, outputLength, 12]`. */
  readonly y: NdArray;
  /** The terms of each question. */
  readonly terms: number[][];
  /** The sum of each question. */
  readonly sums: number[];
  /** The questions as left-padded strings, e.g. `' 3+10'`. */
  readonly inputs: string[];
  /** The answers as left-padded strings, e.g. `'13'`. */
  readonly outputs: string[];
  /** Integer-encoded questions (indices into {@link additionAlphabet}), shape `[nPatterns, inputLength]`. */
  readonly xInt: NdArray;
  /** Integer-encoded answers, shape `[nPatterns, outputLength]`. */
  readonly yInt: NdArray;
}

/** Defaults of {@link addition}: the course's encoder-decoder problem (system B9). */
export const additionDefaults = Object.freeze({ nTerms: 3, largest: 10, nPatterns: 1 });

/** The number of decimal digits of a positive integer (exact, unlike `Math.log10` near powers of ten). */
const digits = (n: number): number => String(n).length;

function checkSizes(problem: string, nTerms: unknown, largest: unknown): { nTerms: number; largest: number } {
  const terms = intOption(problem, 'nTerms', nTerms, { min: 1, hint: 'nTerms is how many numbers each question adds, e.g. 2 or 3' });
  const big = intOption(problem, 'largest', largest, {
    min: 1,
    max: Math.floor(Number.MAX_SAFE_INTEGER / terms),
    hint: 'terms are drawn from [1, largest], so largest must be a positive integer such as 10',
  });
  return { nTerms: terms, largest: big };
}

/**
 * The fixed string lengths of an addition problem: the question holds `nTerms` numbers of
 * up to `ceil(log10(largest+1))` digits joined by `nTerms−1` plus signs; the answer holds
 * `ceil(log10(nTerms·(largest+1)))` characters.
 *
 * @param nTerms numbers per question, at least 1
 * @param largest largest term, at least 1
 * @returns `{ inputLength, outputLength }`
 * @throws ProblemOptionsError when `nTerms` or `largest` is not a positive integer
 * @example
 * additionLengths(2, 10); // { inputLength: 5, outputLength: 2 } — ' 3+10' and '13'
 * additionLengths(3, 10); // { inputLength: 8, outputLength: 2 }
 */
export function additionLengths(nTerms: number, largest: number): { inputLength: number; outputLength: number } {
  const s = checkSizes('additionLengths', nTerms, largest);
  // ceil(log10(m)) for an integer m >= 2 is the digit count of m - 1; integers avoid log10 rounding.
  const m = s.nTerms * (s.largest + 1);
  return {
    inputLength: s.nTerms * digits(s.largest) + s.nTerms - 1,
    outputLength: m <= 1 ? 0 : digits(m - 1),
  };
}

/**
 * Generate addition questions and answers as strings for a sequence-to-sequence model:
 * random terms in `[1, largest]` joined by `'+'` and left-padded with spaces
 * (`' 3+10'`), their sum left-padded (`'13'`), integer-encoded over
 * {@link additionAlphabet} and one-hot encoded (many-to-many with different lengths).
 *
 * @param options `nTerms`, `largest`, `nPatterns` (defaults in {@link additionDefaults}) and `seed` or `rng`
 * @returns one-hot `x` `[n, inputLength, 12]` and `y` `[n, outputLength, 12]`, the integer
 *   encodings, the strings and the raw terms and sums
 * @throws ProblemOptionsError when `nTerms` or `largest` is below 1, `nPatterns` below 1, or both `seed` and `rng` are given
 * @example
 * const { x, y, inputs, outputs } = addition({ nTerms: 2, largest: 10, nPatterns: 75_000, seed: 1 });
 * x.shape; // [75000, 5, 12]
 * inputs[0]; // e.g. ' 3+10', with outputs[0] === '13'
 */
export function addition(options: AdditionOptions = {}): AdditionData {
  checkKeys('addition', options, ['nTerms', 'largest', 'nPatterns', 'seed', 'rng']);
  const o = withDefaults(additionDefaults, options);
  const { nTerms, largest } = checkSizes('addition', o.nTerms, o.largest);
  const nPatterns = intOption('addition', 'nPatterns', o.nPatterns, { min: 1, hint: 'nPatterns is the number of question/answer pairs' });
  const rng = resolveRng('addition', options);
  const { inputLength, outputLength } = additionLengths(nTerms, largest);

  const terms: number[][] = [];
  const sums: number[] = [];
  const inputs: string[] = [];
  const outputs: string[] = [];
  for (let p = 0; p < nPatterns; p++) {
    const pattern: number[] = new Array(nTerms);
    let sum = 0;
    for (let k = 0; k < nTerms; k++) {
      pattern[k] = rng.int(1, largest + 1);
      sum += pattern[k];
    }
    terms.push(pattern);
    sums.push(sum);
    inputs.push(pattern.join('+').padStart(inputLength, ' '));
    outputs.push(String(sum).padStart(outputLength, ' '));
  }
  const xEnc = encodeStrings(inputs, inputLength);
  const yEnc = encodeStrings(outputs, outputLength);
  return { x: xEnc.oneHot, y: yEnc.oneHot, terms, sums, inputs, outputs, xInt: xEnc.integers, yInt: yEnc.integers };
}

function charIndex(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code === 43) return PLUS;
  if (code === 32) return SPACE;
  return -1;
}

function encodeStrings(strings: readonly string[], length: number): { integers: NdArray; oneHot: NdArray } {
  const n = strings.length;
  const integers = new Float32Array(n * length);
  const oneHot = new Float32Array(n * length * DEPTH);
  for (let i = 0; i < n; i++) {
    const s = strings[i];
    for (let t = 0; t < length; t++) {
      const code = charIndex(s.charCodeAt(t));
      if (code < 0) {
        throw new ValueError(
          `encodeAdditionStrings: expected only the characters "${additionAlphabet}" (digits, '+', space), got ${JSON.stringify(s[t])} in string ${i} (${JSON.stringify(s)})`,
        );
      }
      integers[i * length + t] = code;
      oneHot[(i * length + t) * DEPTH + code] = 1;
    }
  }
  return {
    integers: { shape: Object.freeze([n, length]), data: integers },
    oneHot: { shape: Object.freeze([n, length, DEPTH]), data: oneHot },
  };
}

/**
 * Encode your own addition strings (a question to ask a trained model, say) the way
 * {@link addition} does: integers over {@link additionAlphabet}, then one-hot.
 * Pad them first to the lengths {@link additionLengths} gives.
 *
 * @param strings equal-length strings of digits, `'+'` and spaces
 * @returns `integers` `[n, length]` and `oneHot` `[n, length, 12]`
 * @throws ValueError when the list is empty, the strings differ in length, or a character is outside the alphabet
 * @example
 * const { oneHot } = encodeAdditionStrings([' 3+10', '10+10']);
 * oneHot.shape; // [2, 5, 12]
 */
export function encodeAdditionStrings(strings: readonly string[]): { integers: NdArray; oneHot: NdArray } {
  if (!Array.isArray(strings) || strings.length === 0) {
    throw new ValueError('encodeAdditionStrings: expected a non-empty list of strings such as [" 3+10"]');
  }
  const length = strings[0].length;
  strings.forEach((s, i) => {
    if (typeof s !== 'string' || s.length !== length) {
      throw new ValueError(
        `encodeAdditionStrings: expected strings of equal length ${length} (like string 0), got ${JSON.stringify(s)} at ${i}; ` +
          'left-pad them with spaces to additionLengths(nTerms, largest)',
      );
    }
  });
  return encodeStrings(strings, length);
}

/**
 * Decode one-hot addition strings or a model's softmax predictions back to text by argmax
 * over the 12 symbols (the course's `invert`).
 *
 * @param encoded shape `[n, length, 12]` (n strings) or `[length, 12]` (one string)
 * @returns the decoded strings, e.g. `['13']`
 * @throws ShapeError when the last dimension is not 12 or the array is not 2-D or 3-D
 * @example
 * const { y, outputs } = addition({ nTerms: 2, largest: 10, nPatterns: 4, seed: 3 });
 * invertAddition(y); // equals outputs
 */
export function invertAddition(encoded: NdArray): string[] {
  const rank = encoded.shape.length;
  if ((rank !== 2 && rank !== 3) || encoded.shape[rank - 1] !== DEPTH) {
    throw new ShapeError(
      `invertAddition: expected one-hot strings or probabilities of shape [n, length, 12] or [length, 12], got [${encoded.shape.join(', ')}]; ` +
        'for integer codes of shape [n, length] use invertAdditionIntegers',
    );
  }
  const n = rank === 3 ? encoded.shape[0] : 1;
  const length = encoded.shape[rank - 2];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    for (let t = 0; t < length; t++) {
      const base = (i * length + t) * DEPTH;
      let best = 0;
      for (let j = 1; j < DEPTH; j++) if (encoded.data[base + j] > encoded.data[base + best]) best = j;
      s += additionAlphabet[best];
    }
    out.push(s);
  }
  return out;
}

/**
 * Decode integer-encoded addition strings (indices into {@link additionAlphabet}) back to text.
 *
 * @param encoded shape `[n, length]` (n strings) or `[length]` (one string), like `addition(...).xInt`
 * @returns the decoded strings, e.g. `[' 3+10']`
 * @throws ShapeError when the array is not 1-D or 2-D
 * @throws ValueError when a code is not an integer in [0, 12)
 * @example
 * const { xInt, inputs } = addition({ nPatterns: 2, seed: 3 });
 * invertAdditionIntegers(xInt); // equals inputs
 */
export function invertAdditionIntegers(encoded: NdArray): string[] {
  const rank = encoded.shape.length;
  if (rank !== 1 && rank !== 2) {
    throw new ShapeError(
      `invertAdditionIntegers: expected integer codes of shape [n, length] or [length], got [${encoded.shape.join(', ')}]; ` +
        'for one-hot arrays use invertAddition',
    );
  }
  const n = rank === 2 ? encoded.shape[0] : 1;
  const length = encoded.shape[rank - 1];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    for (let t = 0; t < length; t++) {
      const code = encoded.data[i * length + t];
      if (!Number.isInteger(code) || code < 0 || code >= DEPTH) {
        throw new ValueError(`invertAdditionIntegers: expected codes that are integers in [0, 12), got ${code} at [${i}, ${t}]`);
      }
      s += additionAlphabet[code];
    }
    out.push(s);
  }
  return out;
}
