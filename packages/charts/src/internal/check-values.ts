import { ChartDataError } from '../errors';

/**
 * A value ready for a Vega-Lite data row: finite numbers pass, NaN and ±Infinity become null.
 * Why: Keras histories hold NaN once a run diverges; JSON (and so a spec) cannot carry NaN, and
 * vega leaves null points out of a line instead of failing.
 */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Throw unless `values` is an array of numbers (NaN allowed, it is drawn as a gap). */
export function checkNumberArray(values: unknown, what: string, fix: string): asserts values is ArrayLike<number> {
  const ok =
    (Array.isArray(values) || ArrayBuffer.isView(values)) &&
    Array.prototype.every.call(values, (v: unknown) => typeof v === 'number');
  if (!ok) {
    throw new ChartDataError(`expected ${what} to be an array of numbers, got ${describe(values)}; ${fix}`);
  }
}

/** Throw unless `items` is a non-empty array. */
export function checkNonEmpty(items: unknown, what: string, fix: string): asserts items is unknown[] {
  if (!Array.isArray(items) || items.length === 0) {
    throw new ChartDataError(`expected ${what} to be a non-empty array, got ${describe(items)}; ${fix}`);
  }
}

/** Throw when two series share a name: a legend could not tell them apart. */
export function checkUniqueNames(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string' || name === '') {
      throw new ChartDataError(`expected every ${what} name to be a non-empty string, got ${describe(name)}; give each ${what} a name for the legend`);
    }
    if (seen.has(name)) {
      throw new ChartDataError(`expected ${what} names to be unique, got "${name}" twice; rename one so the legend can tell them apart`);
    }
    seen.add(name);
  }
}

/** A short description of a value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
