import { type NdArray, type Rng, createRng } from '@lstm-kit/sequence';
import { checkKeys, intOption, resolveRng, withDefaults } from './internal/options';
import { ProblemOptionsError } from './problem-options-error';
import type { SeedOptions } from './seeding';

/** The way a line grows across the frames: from the left edge rightwards, or from the right edge leftwards. */
export type LineDirection = 'right' | 'left';

/** Options of {@link movingLine}. */
export interface MovingLineOptions extends SeedOptions {
  /** Frame width and height in pixels, and the number of frames (default 50, as the course). */
  readonly size?: number;
  /** Number of sequences to generate (default 1). */
  readonly nPatterns?: number;
}

/** What {@link movingLine} returns. */
export interface MovingLineData {
  /** Frames, shape `[nPatterns, size (frames), size (rows), size (columns), 1 (channel)]`, pixels 0 or 1. */
  readonly x: NdArray;
  /** Labels, shape `[nPatterns, 1]`: 1 when the line moves right, 0 when it moves left. */
  readonly y: NdArray;
  /** The direction of each sequence. */
  readonly directions: LineDirection[];
  /** For each sequence, the row of the pixel added in frame `t` (`rows[i][t]`). */
  readonly rows: number[][];
}

/** One moving-line sequence, for display. */
export interface MovingLineSequence {
  /** The frames, shape `[size (frames), size (rows), size (columns)]`, pixels 0 or 1. */
  readonly frames: NdArray;
  /** The row of the pixel added in frame `t`. */
  readonly rows: number[];
  /** The column of the pixel added in frame `t` (`t` when moving right, `size − 1 − t` when left). */
  readonly columns: number[];
  readonly direction: LineDirection;
}

/** Defaults of {@link movingLine}: the course's CNN-LSTM problem (system B8). */
export const movingLineDefaults = Object.freeze({ size: 50, nPatterns: 1 });

const SIZE_HINT = 'size is the frame width, height and frame count; at least 2 so the direction can be seen';

/** Draw the rows of one line, in the course's order: start row, direction, then one step per frame. */
function drawLine(size: number, rng: Rng): { rows: number[]; right: boolean } {
  const rows: number[] = new Array(size);
  let row = rng.int(0, size);
  const right = rng.next() < 0.5;
  rows[0] = row;
  for (let t = 1; t < size; t++) {
    // randint(max(0, last-1), min(size-1, last+1)) in the course: up, level or down, clipped.
    const lo = Math.max(0, row - 1);
    const hi = Math.min(size - 1, row + 1);
    row = rng.int(lo, hi + 1);
    rows[t] = row;
  }
  return { rows, right };
}

/** Paint a line into `out` from `offset`: frame `t` holds the pixels of frames 0..t. */
function paint(out: Float32Array, offset: number, size: number, rows: number[], right: boolean): void {
  const frame = size * size;
  for (let k = 0; k < size; k++) {
    const pixel = rows[k] * size + (right ? k : size - 1 - k);
    for (let t = k; t < size; t++) out[offset + t * frame + pixel] = 1;
  }
}

/**
 * Generate moving-line sequences (the course's "moving square"): `size` frames of
 * `size×size` pixels in which a line grows one column per frame from the left or the right
 * edge, its row moving up or down by at most one pixel per step; the label says which way
 * it moves (many-to-one binary classification over image sequences).
 *
 * @param options `size` and `nPatterns` (defaults in {@link movingLineDefaults}) and `seed` or `rng`
 * @returns `x` `[n, size, size, size, 1]`, `y` `[n, 1]` (1 = right), the directions and rows
 * @throws ProblemOptionsError when `size` is below 2, `nPatterns` below 1, or both `seed` and `rng` are given
 * @example
 * const { x, y, directions } = movingLine({ size: 50, nPatterns: 32, seed: 1 });
 * x.shape; // [32, 50, 50, 50, 1]
 * y.data[0] === (directions[0] === 'right' ? 1 : 0); // true
 */
export function movingLine(options: MovingLineOptions = {}): MovingLineData {
  checkKeys('movingLine', options, ['size', 'nPatterns', 'seed', 'rng']);
  const o = withDefaults(movingLineDefaults, options);
  const size = intOption('movingLine', 'size', o.size, { min: 2, hint: SIZE_HINT });
  const nPatterns = intOption('movingLine', 'nPatterns', o.nPatterns, {
    min: 1,
    hint: 'nPatterns is the number of sequences to generate (each holds size³ floats; generate large sets in batches)',
  });
  const rng = resolveRng('movingLine', options);

  const perSequence = size * size * size;
  const x = new Float32Array(nPatterns * perSequence);
  const y = new Float32Array(nPatterns);
  const directions: LineDirection[] = [];
  const rows: number[][] = [];
  for (let p = 0; p < nPatterns; p++) {
    const line = drawLine(size, rng);
    paint(x, p * perSequence, size, line.rows, line.right);
    y[p] = line.right ? 1 : 0;
    directions.push(line.right ? 'right' : 'left');
    rows.push(line.rows);
  }
  return {
    x: { shape: Object.freeze([nPatterns, size, size, size, 1]), data: x },
    y: { shape: Object.freeze([nPatterns, 1]), data: y },
    directions,
    rows,
  };
}

/**
 * The frames of one moving-line sequence, for display (a frame strip or an animation);
 * draws exactly what one pattern of {@link movingLine} draws from the same stream.
 *
 * @param size frame width, height and count, at least 2
 * @param rng a generator to continue, or a seed to start from
 * @returns the frames `[size, size, size]`, the row and column added in each frame, and the direction
 * @throws ProblemOptionsError when `size` is below 2 or `rng` is neither a generator nor a finite number
 * @example
 * const line = movingLineFrames(10, createRng(3));
 * line.frames.shape; // [10, 10, 10]
 * line.columns; // [0, 1, …, 9] when line.direction is 'right'
 */
export function movingLineFrames(size: number, rng: Rng | number): MovingLineSequence {
  const n = intOption('movingLineFrames', 'size', size, { min: 2, hint: SIZE_HINT });
  let stream: Rng;
  if (typeof rng === 'number') {
    if (!Number.isFinite(rng)) {
      throw new ProblemOptionsError(`movingLineFrames: expected rng to be a generator or a finite seed, got ${rng}`);
    }
    stream = createRng(rng);
  } else {
    stream = resolveRng('movingLineFrames', { rng });
  }
  const { rows, right } = drawLine(n, stream);
  const frames = new Float32Array(n * n * n);
  paint(frames, 0, n, rows, right);
  return {
    frames: { shape: Object.freeze([n, n, n]), data: frames },
    rows,
    columns: rows.map((_, t) => (right ? t : n - 1 - t)),
    direction: right ? 'right' : 'left',
  };
}
