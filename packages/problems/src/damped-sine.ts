import type { NdArray } from '@lstm-kit/sequence';
import { checkKeys, intOption, numberOption, rangeOption, resolveRng, withDefaults } from './internal/options';
import type { SeedOptions } from './seeding';

/** Options of {@link dampedSine}. */
export interface DampedSineOptions extends SeedOptions {
  /** Input time steps per sequence (default 50). */
  readonly length?: number;
  /** Number of following values to predict, the width of `y` (default 5). */
  readonly output?: number;
  /** Number of sequences to generate (default 1). */
  readonly nPatterns?: number;
  /** Inclusive range of the integer period, in time steps (default `[10, 20]`). */
  readonly periodRange?: readonly [number, number];
  /** Range of the decay rate per time step, drawn uniformly (default `[0.01, 0.1]`). */
  readonly decayRange?: readonly [number, number];
}

/** The period and decay one damped sine sequence was drawn with. */
export interface DampedSineParams {
  readonly period: number;
  readonly decay: number;
}

/** What {@link dampedSine} returns. */
export interface DampedSineData {
  /** The first `length` values of each wave, shape `[nPatterns, length, 1]`. */
  readonly x: NdArray;
  /** The next `output` values, shape `[nPatterns, output]`. */
  readonly y: NdArray;
  /** The period and decay of each sequence, in order. */
  readonly params: DampedSineParams[];
}

/** Defaults of {@link dampedSine}: the course's stacked-LSTM problem (system B7). */
export const dampedSineDefaults = Object.freeze({
  length: 50,
  output: 5,
  nPatterns: 1,
  periodRange: Object.freeze([10, 20]) as readonly [number, number],
  decayRange: Object.freeze([0.01, 0.1]) as readonly [number, number],
});

const PERIOD_HINT = 'period is the number of time steps per cycle, e.g. 10';

const DAMPED_SINE_KEYS = ['length', 'output', 'nPatterns', 'periodRange', 'decayRange', 'seed', 'rng'] as const;

/** `0.5 + 0.5·sin(2π·i/period)·exp(−decay·i)`: in [0, 1] for any decay >= 0. */
const dampedSineAt = (i: number, period: number, decay: number): number =>
  0.5 + 0.5 * Math.sin((2 * Math.PI * i) / period) * Math.exp(-decay * i);

/**
 * Generate damped sine waves `0.5 + 0.5·sin(2π·i/period)·exp(−decay·i)` with a random
 * integer period and a random decay, split into the first `length` values (input) and the
 * `output` values that follow (target): many-to-one regression with a vector output.
 *
 * @param options sizes and ranges (defaults in {@link dampedSineDefaults}) and `seed` or `rng`
 * @returns `x` `[n, length, 1]`, `y` `[n, output]` and each sequence's `{ period, decay }`
 * @throws ProblemOptionsError when `length` or `output` is below 1, the period range is not
 *   positive integers with lo <= hi, the decay range has a negative bound or lo > hi, or both
 *   `seed` and `rng` are given
 * @example
 * const { x, y, params } = dampedSine({ length: 50, output: 5, nPatterns: 1000, seed: 1 });
 * x.shape; // [1000, 50, 1]
 * y.shape; // [1000, 5]
 */
export function dampedSine(options: DampedSineOptions = {}): DampedSineData {
  checkKeys('dampedSine', options, DAMPED_SINE_KEYS);
  const o = withDefaults(dampedSineDefaults, options);
  const length = intOption('dampedSine', 'length', o.length, { min: 1, hint: 'length is the number of input time steps, e.g. 50' });
  const output = intOption('dampedSine', 'output', o.output, { min: 1, hint: 'output is the number of values to predict, e.g. 5' });
  const nPatterns = intOption('dampedSine', 'nPatterns', o.nPatterns, { min: 1, hint: 'nPatterns is the number of sequences to generate' });
  const [pLo, pHi] = rangeOption('dampedSine', 'periodRange', o.periodRange, {
    min: 1,
    integer: true,
    hint: 'the period is a whole number of time steps, e.g. [10, 20]',
  });
  const [dLo, dHi] = rangeOption('dampedSine', 'decayRange', o.decayRange, {
    min: 0,
    integer: false,
    hint: 'a negative decay would grow the wave out of [0, 1]; use e.g. [0.01, 0.1]',
  });
  const rng = resolveRng('dampedSine', options);

  const total = length + output;
  const x = new Float32Array(nPatterns * length);
  const y = new Float32Array(nPatterns * output);
  const params: DampedSineParams[] = [];
  for (let p = 0; p < nPatterns; p++) {
    // Python's randint(10, 20) includes 20, so the period range is inclusive too.
    const period = rng.int(pLo, pHi + 1);
    const decay = rng.uniform(dLo, dHi);
    for (let i = 0; i < total; i++) {
      const v = dampedSineAt(i, period, decay);
      if (i < length) x[p * length + i] = v;
      else y[p * output + i - length] = v;
    }
    params.push({ period, decay });
  }
  return {
    x: { shape: Object.freeze([nPatterns, length, 1]), data: x },
    y: { shape: Object.freeze([nPatterns, output]), data: y },
    params,
  };
}

/** Options of {@link sineSeries}. */
export interface SineSeriesOptions {
  /** Number of values (default 100). */
  readonly length?: number;
  /** Time steps per cycle (default 20: five cycles in 100 steps, as the course's figure). */
  readonly period?: number;
}

/**
 * A plain sine wave `sin(2π·i/period)` for `i = 0 … length−1`, in [−1, 1]: the course's
 * illustration of a sequence before damping.
 *
 * @param options `length` (default 100) and `period` (default 20)
 * @returns the values
 * @throws ProblemOptionsError when `length` is not a positive integer or `period` is not a positive number
 * @example
 * const wave = sineSeries({ length: 100, period: 20 });
 * wave[5]; // 1 (a quarter period)
 */
export function sineSeries(options: SineSeriesOptions = {}): number[] {
  checkKeys('sineSeries', options, ['length', 'period']);
  const o = withDefaults({ length: 100, period: 20 }, options);
  const length = intOption('sineSeries', 'length', o.length, { min: 1, hint: 'length is the number of values' });
  const period = numberOption('sineSeries', 'period', o.period, { min: 0, inclusive: false, hint: PERIOD_HINT });
  return Array.from({ length }, (_, i) => Math.sin((2 * Math.PI * i) / period));
}

/** Options of {@link dampedSineSeries}. */
export interface DampedSineSeriesOptions {
  /** Number of values (default 100). */
  readonly length?: number;
  /** Time steps per cycle (default 10). */
  readonly period?: number;
  /** Decay rate per time step, >= 0 (default 0.05). */
  readonly decay?: number;
}

/**
 * One damped sine wave `0.5 + 0.5·sin(2π·i/period)·exp(−decay·i)` for `i = 0 … length−1`,
 * in [0, 1]: the course's illustration of the stacked-LSTM problem, and the formula
 * {@link dampedSine} draws from.
 *
 * @param options `length` (default 100), `period` (default 10) and `decay` (default 0.05)
 * @returns the values
 * @throws ProblemOptionsError when `length` is not a positive integer, `period` is not positive or `decay` is negative
 * @example
 * const wave = dampedSineSeries({ length: 100, period: 10, decay: 0.05 });
 * wave[0]; // 0.5
 */
export function dampedSineSeries(options: DampedSineSeriesOptions = {}): number[] {
  checkKeys('dampedSineSeries', options, ['length', 'period', 'decay']);
  const o = withDefaults({ length: 100, period: 10, decay: 0.05 }, options);
  const length = intOption('dampedSineSeries', 'length', o.length, { min: 1, hint: 'length is the number of values' });
  const period = numberOption('dampedSineSeries', 'period', o.period, { min: 0, inclusive: false, hint: PERIOD_HINT });
  const decay = numberOption('dampedSineSeries', 'decay', o.decay, {
    min: 0,
    inclusive: true,
    hint: 'a negative decay would grow the wave out of [0, 1]',
  });
  return Array.from({ length }, (_, i) => dampedSineAt(i, period, decay));
}
