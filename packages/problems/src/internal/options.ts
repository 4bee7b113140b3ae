import { type Rng, createRng } from '@lstm-kit/sequence';
import { ProblemOptionsError } from '../problem-options-error';
import { DEFAULT_SEED, type SeedOptions } from '../seeding';

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
};

/**
 * Check that `options` is a plain object whose keys are all known, so a Python-style typo
 * (`n_patterns`, `out_index`) fails loudly instead of silently falling back to a default.
 */
export function checkKeys(problem: string, options: unknown, known: readonly string[]): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ProblemOptionsError(
      `${problem}: expected an options object such as { ${known.filter((k) => k !== 'rng').join(', ')} }, got ${show(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const plain = key.toLowerCase().replace(/_/g, '');
    const guess = known.find((k) => k.toLowerCase() === plain);
    throw new ProblemOptionsError(
      `${problem}: unknown option ${show(key)}; expected one of ${known.join(', ')}` +
        (guess ? ` (did you mean ${show(guess)}?)` : ''),
    );
  }
}

/** The generator a call draws from: the given `rng`, a fresh one from `seed`, or one from DEFAULT_SEED. */
export function resolveRng(problem: string, options: SeedOptions): Rng {
  const { seed, rng } = options;
  if (seed !== undefined && rng !== undefined) {
    throw new ProblemOptionsError(
      `${problem}: got both seed and rng; give seed to start a fresh stream or rng to continue one, not both`,
    );
  }
  if (rng !== undefined) {
    if (rng === null || typeof rng !== 'object' || typeof (rng as Rng).next !== 'function') {
      throw new ProblemOptionsError(
        `${problem}: expected rng to be a generator from createRng(seed) (@lstm-kit/sequence), got ${show(rng)}`,
      );
    }
    return rng;
  }
  if (seed !== undefined && (typeof seed !== 'number' || !Number.isFinite(seed))) {
    throw new ProblemOptionsError(`${problem}: expected seed to be a finite number, got ${show(seed)}`);
  }
  return createRng(seed ?? DEFAULT_SEED);
}

/** An integer option with a lower (and optional upper, inclusive) bound; `hint` says how to fix it. */
export function intOption(
  problem: string,
  name: string,
  value: unknown,
  bounds: { min: number; max?: number; hint: string },
): number {
  const inRange =
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= bounds.min &&
    (bounds.max === undefined || value <= bounds.max);
  if (!inRange) {
    const range =
      bounds.max === undefined ? `an integer >= ${bounds.min}` : `an integer in [${bounds.min}, ${bounds.max}]`;
    throw new ProblemOptionsError(`${problem}: expected ${name} to be ${range}, got ${show(value)}; ${bounds.hint}`);
  }
  return value as number;
}

/** A `[lo, hi]` option with lo <= hi, both finite and >= `min` (and integers when asked). */
export function rangeOption(
  problem: string,
  name: string,
  value: unknown,
  rules: { min: number; integer: boolean; hint: string },
): readonly [number, number] {
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every(
      (v) => typeof v === 'number' && Number.isFinite(v) && v >= rules.min && (!rules.integer || Number.isInteger(v)),
    ) &&
    value[0] <= value[1];
  if (!ok) {
    const kind = rules.integer ? 'integers' : 'numbers';
    throw new ProblemOptionsError(
      `${problem}: expected ${name} to be [lo, hi] with ${kind} >= ${rules.min} and lo <= hi, got ${show(value)}; ${rules.hint}`,
    );
  }
  return [value[0], value[1]];
}

/** The defaults overlaid with the options that are set (an explicit `undefined` keeps the default). */
export function withDefaults<D extends object>(defaults: D, options: object): D {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as unknown as D;
}

/** A finite number option above `min` (or at least `min` when `inclusive`). */
export function numberOption(
  problem: string,
  name: string,
  value: unknown,
  bounds: { min: number; inclusive: boolean; hint: string },
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (bounds.inclusive ? value >= bounds.min : value > bounds.min);
  if (!ok) {
    throw new ProblemOptionsError(
      `${problem}: expected ${name} to be a number ${bounds.inclusive ? '>=' : '>'} ${bounds.min}, got ${show(value)}; ${bounds.hint}`,
    );
  }
  return value as number;
}
