import type { NdArray } from '@lstm-kit/sequence';
import { checkKeys, intOption, resolveRng, withDefaults } from './internal/options';
import type { SeedOptions } from './seeding';

/** One random rectangle and its three one-to-one training samples. */
export interface RectangleSample {
  /** Width, uniform in [0, 1) (rounded to float32, like the values in `x` and `y`). */
  readonly width: number;
  /** Height, uniform in [0, 1) (rounded to float32). */
  readonly height: number;
  /** The corners in drawing order: bottom-left (0,0), bottom-right (w,0), top-right (w,h), top-left (0,h). */
  readonly points: [number, number][];
  /** The first three corners, one per sample: shape `[3, 1 (time step), 2 (x, y)]`. */
  readonly x: NdArray;
  /** The corner after each: shape `[3, 2]` (BL→BR, BR→TR, TR→TL). */
  readonly y: NdArray;
}

/** Options of {@link rectangles}. */
export interface RectanglesOptions extends SeedOptions {
  /** Number of rectangles (default 1). */
  readonly nPatterns?: number;
}

/** Defaults of {@link rectangles}. */
export const rectanglesDefaults = Object.freeze({ nPatterns: 1 });

function drawRectangle(next: () => number): RectangleSample {
  // Float32 rounding keeps width/height identical to what the arrays hold.
  const width = Math.fround(next());
  const height = Math.fround(next());
  const points: [number, number][] = [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
  const x = new Float32Array(6);
  const y = new Float32Array(6);
  for (let i = 0; i < 3; i++) {
    x[2 * i] = points[i][0];
    x[2 * i + 1] = points[i][1];
    y[2 * i] = points[i + 1][0];
    y[2 * i + 1] = points[i + 1][1];
  }
  return {
    width,
    height,
    points,
    x: { shape: Object.freeze([3, 1, 2]), data: x },
    y: { shape: Object.freeze([3, 2]), data: y },
  };
}

/**
 * Draw one random rectangle (width and height uniform in [0, 1)) and frame it as three
 * one-to-one samples, each corner predicting the next: BL→BR, BR→TR, TR→TL. A generative
 * model trained on them draws a rectangle from [0, 0] by feeding each prediction back.
 *
 * @param options `seed` or `rng` (pass `rng` to draw one fresh rectangle per update)
 * @returns the rectangle's size, corners, and `x` `[3, 1, 2]`, `y` `[3, 2]`
 * @throws ProblemOptionsError when both `seed` and `rng` are given or an option is unknown
 * @example
 * const rng = createRng(1);
 * const r = rectangle({ rng });
 * r.x.shape; // [3, 1, 2]
 * Array.from(r.y.data.subarray(0, 2)); // [r.width, 0]
 */
export function rectangle(options: SeedOptions = {}): RectangleSample {
  checkKeys('rectangle', options, ['seed', 'rng']);
  const rng = resolveRng('rectangle', options);
  return drawRectangle(() => rng.next());
}

/**
 * Draw `nPatterns` random rectangles from one stream, each framed as in {@link rectangle}
 * (the course trains one update per rectangle, on its 3 samples in order, unshuffled).
 *
 * @param options `nPatterns` (default 1) and `seed` or `rng`
 * @returns one {@link RectangleSample} per rectangle
 * @throws ProblemOptionsError when `nPatterns` is below 1 or both `seed` and `rng` are given
 * @example
 * const set = rectangles({ nPatterns: 25_000, seed: 1 });
 * set.length; // 25000
 * set[0].x.shape; // [3, 1, 2]
 */
export function rectangles(options: RectanglesOptions = {}): RectangleSample[] {
  checkKeys('rectangles', options, ['nPatterns', 'seed', 'rng']);
  const o = withDefaults(rectanglesDefaults, options);
  const nPatterns = intOption('rectangles', 'nPatterns', o.nPatterns, { min: 1, hint: 'nPatterns is the number of rectangles' });
  const rng = resolveRng('rectangles', options);
  return Array.from({ length: nPatterns }, () => drawRectangle(() => rng.next()));
}
