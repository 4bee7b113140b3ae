import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '@lstm-kit/sequence';
import { orthogonalMatrix } from './internal/orthogonal-matrix';
import { LayerConfigError } from './errors';

/** What every seeded initializer accepts. */
export interface SeedOptions {
  /**
   * Seed of the draw: the same seed gives the same weights on every run and backend. Default:
   * a fresh random seed per call (Keras's unseeded behaviour).
   */
  seed?: number | null;
}

/** Options of {@link randomUniform}. */
export interface RandomUniformOptions extends SeedOptions {
  /** Lower bound of the range. Keras default -0.05. */
  minval?: number;
  /** Upper bound (exclusive). Keras default 0.05. */
  maxval?: number;
}

/** Options of {@link randomNormal}. */
export interface RandomNormalOptions extends SeedOptions {
  /** Mean of the normal distribution. Keras default 0. */
  mean?: number;
  /** Standard deviation. Keras default 0.05. */
  stddev?: number;
}

/** Options of {@link orthogonal}. */
export interface OrthogonalOptions extends SeedOptions {
  /** Multiplicative factor applied to the orthogonal matrix. Keras default 1. */
  gain?: number;
}

// tfjs does not export the Initializer base class by name; every initializer extends it.
const InitializerBase = Object.getPrototypeOf(tf.initializers.zeros().constructor) as new () => TfInitializer;

/** The tfjs-layers initializer type (what `tf.initializers.*` return). */
export type TfInitializer = ReturnType<typeof tf.initializers.zeros>;

function rngFor(seed: number | null | undefined): Rng {
  // An unseeded initializer still draws through createRng so every path shares one PRNG.
  return createRng(seed ?? Math.floor(Math.random() * 4294967296));
}

/** Keras's fan computation: 2-D `[in, out]`; conv kernels `[...receptive, in, out]`. */
function fans(shape: number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 1) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  let receptive = 1;
  for (let i = 0; i < shape.length - 2; i++) receptive *= shape[i];
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function fill(shape: number[], draw: () => number): tf.Tensor {
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = draw();
  return tf.tensor(data, shape, 'float32');
}

/** A normal draw truncated at two standard deviations (Keras's `TruncatedNormal`). */
function truncatedNormal(rng: Rng, stddev: number): number {
  for (;;) {
    const z = rng.normal();
    if (Math.abs(z) <= 2) return z * stddev;
  }
}

/**
 * Keras `GlorotUniform` on lstm-kit's seeded PRNG: uniform in ±sqrt(6 / (fanIn + fanOut)).
 * Registered under Keras's class name so saved models load in stock tfjs and Keras.
 *
 * @param options `seed` for repeatable values (none: a fresh draw each time)
 * @example
 * const init = new GlorotUniform({ seed: 1 });
 * init.apply([10, 4]); // same values for the same seed
 * lstm({ units: 4, kernelInitializer: init });
 */
export class GlorotUniform extends InitializerBase {
  static className = 'GlorotUniform';
  readonly seed: number | null;
  constructor(options: SeedOptions = {}) {
    super();
    this.seed = options.seed ?? null;
  }
  override apply(shape: number[]): tf.Tensor {
    const { fanIn, fanOut } = fans(shape);
    const limit = Math.sqrt(6 / Math.max(1, fanIn + fanOut));
    const rng = rngFor(this.seed);
    return fill(shape, () => rng.uniform(-limit, limit));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { seed: this.seed };
  }
}

/**
 * Keras `GlorotNormal` on the seeded PRNG: truncated normal with stddev
 * sqrt(2 / (fanIn + fanOut)) / 0.8796 (the correction Keras applies for the truncation).
 *
 * @param options `seed` for repeatable values
 * @example
 * dense({ units: 10, kernelInitializer: new GlorotNormal({ seed: 3 }) });
 */
export class GlorotNormal extends InitializerBase {
  static className = 'GlorotNormal';
  readonly seed: number | null;
  constructor(options: SeedOptions = {}) {
    super();
    this.seed = options.seed ?? null;
  }
  override apply(shape: number[]): tf.Tensor {
    const { fanIn, fanOut } = fans(shape);
    const stddev = Math.sqrt(2 / Math.max(1, fanIn + fanOut)) / 0.87962566103423978;
    const rng = rngFor(this.seed);
    return fill(shape, () => truncatedNormal(rng, stddev));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { seed: this.seed };
  }
}

/**
 * Keras `Orthogonal` on the seeded PRNG. tfjs's own `orthogonal` ignores its seed (and warns
 * and falls back for large matrices), so recurrent kernels were not repeatable without this.
 *
 * @param options `seed` and `gain` (default 1, as Keras)
 * @throws LayerConfigError when applied to a shape of rank below 2 (a bias)
 * @example
 * const init = new Orthogonal({ seed: 2 });
 * lstm({ units: 8, recurrentInitializer: init }); // repeatable recurrent kernel
 */
export class Orthogonal extends InitializerBase {
  static className = 'Orthogonal';
  readonly seed: number | null;
  readonly gain: number;
  constructor(options: OrthogonalOptions = {}) {
    super();
    this.seed = options.seed ?? null;
    this.gain = options.gain ?? 1;
  }
  override apply(shape: number[]): tf.Tensor {
    if (shape.length < 2) {
      throw new LayerConfigError(
        `expected a shape of rank 2 or more for the orthogonal initializer, got [${shape.join(', ')}]; use it for kernels, not biases`,
      );
    }
    const cols = shape[shape.length - 1];
    const rows = sizeOf(shape) / cols;
    const m = orthogonalMatrix(rows, cols, rngFor(this.seed));
    const data = new Float32Array(m.length);
    for (let i = 0; i < m.length; i++) data[i] = this.gain * m[i];
    return tf.tensor(data, shape, 'float32');
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { gain: this.gain, seed: this.seed };
  }
}

/**
 * Keras `RandomUniform` on the seeded PRNG (defaults -0.05 … 0.05, as Keras).
 *
 * @param options `minval`, `maxval` and `seed`
 * @example
 * lstm({ units: 4, kernelInitializer: new RandomUniform({ minval: -0.1, maxval: 0.1, seed: 1 }) });
 */
export class RandomUniform extends InitializerBase {
  static className = 'RandomUniform';
  readonly seed: number | null;
  readonly minval: number;
  readonly maxval: number;
  constructor(options: RandomUniformOptions = {}) {
    super();
    this.seed = options.seed ?? null;
    this.minval = options.minval ?? -0.05;
    this.maxval = options.maxval ?? 0.05;
  }
  override apply(shape: number[]): tf.Tensor {
    const rng = rngFor(this.seed);
    return fill(shape, () => rng.uniform(this.minval, this.maxval));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed };
  }
}

/**
 * Keras `RandomNormal` on the seeded PRNG (defaults mean 0, stddev 0.05, as Keras).
 *
 * @param options `mean`, `stddev` and `seed`
 * @example
 * dense({ units: 2, kernelInitializer: new RandomNormal({ stddev: 0.1, seed: 4 }) });
 */
export class RandomNormal extends InitializerBase {
  static className = 'RandomNormal';
  readonly seed: number | null;
  readonly mean: number;
  readonly stddev: number;
  constructor(options: RandomNormalOptions = {}) {
    super();
    this.seed = options.seed ?? null;
    this.mean = options.mean ?? 0;
    this.stddev = options.stddev ?? 0.05;
  }
  override apply(shape: number[]): tf.Tensor {
    const rng = rngFor(this.seed);
    return fill(shape, () => rng.normal(this.mean, this.stddev));
  }
  override getConfig(): tf.serialization.ConfigDict {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed };
  }
}

// Registering under the Keras names replaces tfjs's classes in the serialisation map (the map
// is keyed by class name and registerClass overwrites), so `'glorotUniform'` strings and
// loaded configs resolve to these seedable, config-compatible versions.
for (const cls of [GlorotUniform, GlorotNormal, Orthogonal, RandomUniform, RandomNormal]) {
  tf.serialization.registerClass(cls as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>);
}

/**
 * A seeded Glorot-uniform initializer (Keras's default kernel initializer).
 *
 * @param options `seed` for repeatable weights
 * @returns an initializer to pass as `kernelInitializer`
 * @example
 * dense({ units: 1, kernelInitializer: glorotUniform({ seed: 1 }) });
 */
export function glorotUniform(options: SeedOptions = {}): TfInitializer {
  return new GlorotUniform(options);
}

/**
 * A seeded Glorot-normal (truncated) initializer.
 *
 * @param options `seed` for repeatable weights
 * @returns an initializer
 * @example
 * lstm({ units: 8, kernelInitializer: glorotNormal({ seed: 1 }) });
 */
export function glorotNormal(options: SeedOptions = {}): TfInitializer {
  return new GlorotNormal(options);
}

/**
 * A seeded orthogonal initializer (Keras's default recurrent initializer).
 *
 * @param options `gain` and `seed`
 * @returns an initializer
 * @throws LayerConfigError when applied to a shape of rank below 2
 * @example
 * lstm({ units: 8, recurrentInitializer: orthogonal({ seed: 7 }) });
 */
export function orthogonal(options: OrthogonalOptions = {}): TfInitializer {
  return new Orthogonal(options);
}

/**
 * A seeded uniform initializer.
 *
 * @param options `minval`, `maxval` (Keras defaults ±0.05) and `seed`
 * @returns an initializer
 * @example
 * dense({ units: 4, kernelInitializer: randomUniform({ minval: -0.1, maxval: 0.1, seed: 3 }) });
 */
export function randomUniform(options: RandomUniformOptions = {}): TfInitializer {
  return new RandomUniform(options);
}

/**
 * A seeded normal initializer.
 *
 * @param options `mean`, `stddev` (Keras defaults 0, 0.05) and `seed`
 * @returns an initializer
 * @example
 * dense({ units: 4, kernelInitializer: randomNormal({ stddev: 0.1, seed: 3 }) });
 */
export function randomNormal(options: RandomNormalOptions = {}): TfInitializer {
  return new RandomNormal(options);
}
