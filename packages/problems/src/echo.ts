import { type NdArray, ShapeError, oneHotDecode } from '@lstm-kit/sequence';
import { checkKeys, intOption, resolveRng, withDefaults } from './internal/options';
import type { SeedOptions } from './seeding';

/** Options of {@link echo}; every size has a default (the course's echo problem). */
export interface EchoOptions extends SeedOptions {
  /** Time steps per sequence (default 5). */
  readonly length?: number;
  /** Number of distinct values, and so the one-hot width of each step and of the target (default 10). */
  readonly nFeatures?: number;
  /** The time step whose value the target repeats, 0-based, below `length` (default 2). */
  readonly outIndex?: number;
  /** Number of sequences to generate (default 1: one fresh sample per online update). */
  readonly nPatterns?: number;
}

/** What {@link echo} returns: encoded arrays for a model, and the raw integers for display. */
export interface EchoData {
  /** One-hot sequences, shape `[nPatterns, length, nFeatures]`. */
  readonly x: NdArray;
  /** One-hot targets, shape `[nPatterns, nFeatures]`: the value at `outIndex`. */
  readonly y: NdArray;
  /** The raw sequences, integers in `[0, nFeatures)`. */
  readonly sequences: number[][];
  /** The raw targets: `targets[i] === sequences[i][outIndex]`. */
  readonly targets: number[];
}

/** Defaults of {@link echo}: the course's echo problem (lesson "vanilla LSTM", system B6). */
export const echoDefaults = Object.freeze({ length: 5, nFeatures: 10, outIndex: 2, nPatterns: 1 });

/** The labs' echo variant (systems L4, L5): 5 steps, 10 features, echo step 2 — equal to the defaults. */
export const echoLabVariant = Object.freeze({ length: 5, nFeatures: 10, outIndex: 2 });

const ECHO_KEYS = ['length', 'nFeatures', 'outIndex', 'nPatterns', 'seed', 'rng'] as const;

/**
 * Generate echo sequences: random integers in `[0, nFeatures)`, one-hot encoded, whose
 * target is the value at time step `outIndex` (many-to-one classification). The model must
 * remember one step of its input; with `nPatterns: 1` and an `rng` it feeds online training.
 *
 * @param options sizes (defaults in {@link echoDefaults}) and `seed` or `rng`
 * @returns one-hot `x` `[n, length, nFeatures]`, one-hot `y` `[n, nFeatures]`, and the raw values
 * @throws ProblemOptionsError when a size is not a positive integer, `outIndex` is not inside
 *   the sequence, an option name is unknown, or both `seed` and `rng` are given
 * @example
 * const rng = createRng(1);
 * const { x, y, sequences, targets } = echo({ length: 5, nFeatures: 10, outIndex: 2, rng });
 * x.shape; // [1, 5, 10]
 * targets[0] === sequences[0][2]; // true
 */
export function echo(options: EchoOptions = {}): EchoData {
  checkKeys('echo', options, ECHO_KEYS);
  const o = withDefaults(echoDefaults, options);
  const length = intOption('echo', 'length', o.length, {
    min: 1,
    hint: 'a sequence needs at least one time step',
  });
  const nFeatures = intOption('echo', 'nFeatures', o.nFeatures, {
    min: 1,
    hint: 'nFeatures is the number of distinct values (one-hot width), e.g. 10',
  });
  const outIndex = intOption('echo', 'outIndex', o.outIndex, {
    min: 0,
    max: length - 1,
    hint: `outIndex is a 0-based time step of the sequence, so it must be below length (${length}); lower it or make length longer`,
  });
  const nPatterns = intOption('echo', 'nPatterns', o.nPatterns, {
    min: 1,
    hint: 'nPatterns is the number of sequences to generate',
  });
  const rng = resolveRng('echo', options);

  const x = new Float32Array(nPatterns * length * nFeatures);
  const y = new Float32Array(nPatterns * nFeatures);
  const sequences: number[][] = [];
  const targets: number[] = [];
  for (let p = 0; p < nPatterns; p++) {
    const sequence: number[] = new Array(length);
    for (let t = 0; t < length; t++) {
      const v = rng.int(0, nFeatures);
      sequence[t] = v;
      x[(p * length + t) * nFeatures + v] = 1;
    }
    const target = sequence[outIndex];
    y[p * nFeatures + target] = 1;
    sequences.push(sequence);
    targets.push(target);
  }
  return {
    x: { shape: Object.freeze([nPatterns, length, nFeatures]), data: x },
    y: { shape: Object.freeze([nPatterns, nFeatures]), data: y },
    sequences,
    targets,
  };
}

/**
 * Decode echo targets or predictions (one-hot rows or softmax probabilities) to the values
 * they stand for, by argmax over the last dimension.
 *
 * @param encoded shape `[n, nFeatures]`, like `echo(...).y` or `model.predict(x)`
 * @returns the `n` decoded values
 * @throws ShapeError when `encoded` is not 2-D
 * @example
 * const { y, targets } = echo({ nPatterns: 3, seed: 7 });
 * decodeEcho(y); // equals targets
 */
export function decodeEcho(encoded: NdArray): number[] {
  if (encoded.shape.length !== 2) {
    throw new ShapeError(
      `decodeEcho: expected targets or predictions of shape [n, nFeatures], got [${encoded.shape.join(', ')}]; ` +
        'for one-hot sequences of shape [n, length, nFeatures] use decodeEchoSequences',
    );
  }
  return Array.from(oneHotDecode(encoded).data);
}

/**
 * Decode one-hot echo sequences back to their integer values.
 *
 * @param encoded shape `[n, length, nFeatures]`, like `echo(...).x`
 * @returns `n` sequences of `length` integers
 * @throws ShapeError when `encoded` is not 3-D
 * @example
 * const { x, sequences } = echo({ nPatterns: 2, seed: 7 });
 * decodeEchoSequences(x); // equals sequences
 */
export function decodeEchoSequences(encoded: NdArray): number[][] {
  if (encoded.shape.length !== 3) {
    throw new ShapeError(
      `decodeEchoSequences: expected one-hot sequences of shape [n, length, nFeatures], got [${encoded.shape.join(', ')}]; ` +
        'for targets of shape [n, nFeatures] use decodeEcho',
    );
  }
  const [n, length] = encoded.shape;
  const flat = oneHotDecode(encoded).data;
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(Array.from(flat.subarray(i * length, (i + 1) * length)));
  return out;
}
