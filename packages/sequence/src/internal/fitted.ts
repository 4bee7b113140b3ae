import { ShapeError, ValueError } from '../errors';
import type { Matrix } from './matrix';

export function checkFitted(state: unknown, name: string): void {
  if (state === null || state === undefined) {
    throw new ValueError(`this ${name} is not fitted yet; call fit(trainingData) first (or restore one with ${name}.fromJSON)`);
  }
}

/** Which fitted features the matrix columns are: all of them in order, or the ones given. */
export function columnsOrAll(columns: readonly number[] | undefined, m: Matrix, features: number, name: string): readonly number[] {
  if (columns) {
    if (columns.length !== m.cols) throw new ShapeError(`expected ${columns.length} columns for features [${columns.join(', ')}], got ${m.cols}`);
    for (const c of columns) {
      if (!Number.isInteger(c) || c < 0 || c >= features) throw new ShapeError(`feature index ${c} is out of range for ${features} fitted features`);
    }
    return columns;
  }
  // With one fitted feature every value belongs to it, so windows [samples, steps] or
  // multi-step predictions [samples, horizon] transform without reshaping first.
  if (features === 1) return new Array<number>(m.cols).fill(0);
  if (m.cols !== features) {
    throw new ShapeError(
      `expected ${features} feature(s) in the last dimension like the data ${name} was fitted on, got shape [${m.shape.join(', ')}]`,
    );
  }
  return Array.from({ length: features }, (_, i) => i);
}

export function readNumberArray(value: unknown, name: string): number[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new ValueError(`expected ${name} to be an array of finite numbers in the saved JSON, got ${JSON.stringify(value)}`);
  }
  return [...value];
}

export function checkFeatureCount(expected: number, got: number, name: string): void {
  if (expected !== got) throw new ValueError(`expected ${expected} values in ${name} (one per feature), got ${got}`);
}

/**
 * A spread to divide by, or 1 when the feature is constant: like scikit-learn, a spread below
 * 10 machine epsilons of the feature's magnitude (or one whose reciprocal overflows) is
 * rounding noise, and dividing by it would give huge values or NaN.
 */
export function safeSpread(spread: number, magnitude: number): number {
  if (spread === 0 || !Number.isFinite(1 / spread) || spread < 10 * Number.EPSILON * magnitude) return 1;
  return spread;
}
