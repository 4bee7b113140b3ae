import { ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type Matrix, type SeriesInput, assertNoNaN, assertNotEmpty, matrixToNd, toMatrix } from './internal/matrix';
import { ColumnTransform } from './internal/column-transform';
import { checkFitted, columnsOrAll, readNumberArray } from './internal/fitted';

function checkPositive(m: Matrix, offset: number, what: string): void {
  for (let i = 0; i < m.data.length; i++) {
    const v = m.data[i] + offset;
    if (!(v > 0)) {
      throw new ValueError(
        `${what} needs values > 0 (after adding offset ${offset}), got ${m.data[i]} at flat index ${i}; pass an offset larger than ${-m.data[i]}`,
      );
    }
  }
}

/** @internal Box-Cox of one value (λ = 0 is the log). */
export function boxCoxValue(x: number, lambda: number): number {
  // expm1 keeps precision for λ near 0; below 1e-12 the transform is the log to float64 precision.
  return Math.abs(lambda) < NEAR_ZERO ? Math.log(x) : Math.expm1(lambda * Math.log(x)) / lambda;
}

const NEAR_ZERO = 1e-12;

/** @internal inverse Box-Cox of one value; NaN where `λ·y + 1 <= 0` has no real inverse (as scipy's `inv_boxcox`). */
export function inverseBoxCoxValue(y: number, lambda: number): number {
  if (Math.abs(lambda) < NEAR_ZERO) return Math.exp(y);
  const base = lambda * y + 1;
  return base > 0 ? Math.exp(Math.log1p(lambda * y) / lambda) : NaN;
}

/**
 * Natural log of each value (plus an offset), to stabilise a variance that grows with the level.
 *
 * @param x values, any shape
 * @param options `offset` added before the log (default 0)
 * @returns an NdArray of the same shape
 * @throws ValueError when a value plus offset is not positive
 * @example
 * logTransform([1, Math.E]).data; // [0, 1]
 */
export function logTransform(x: SeriesInput, options: { offset?: number } = {}): NdArray {
  const offset = options.offset ?? 0;
  const m = toMatrix(x, 'x');
  checkPositive(m, offset, 'logTransform');
  return matrixToNd({ ...m, data: m.data.map((v) => Math.log(v + offset)) });
}

/**
 * Undo {@link logTransform}: `exp(y) - offset`.
 *
 * @param y log-transformed values, any shape
 * @param options `offset` added before the log (default 0)
 * @returns an NdArray of the same shape in the original units
 * @throws ShapeError when the input is empty or ragged
 * @example
 * inverseLogTransform([0, 1]).data; // [1, 2.7182817]
 */
export function inverseLogTransform(y: SeriesInput, options: { offset?: number } = {}): NdArray {
  const offset = options.offset ?? 0;
  const m = toMatrix(y, 'y');
  return matrixToNd({ ...m, data: m.data.map((v) => Math.exp(v) - offset) });
}

/**
 * Box-Cox power transform of positive values, like scipy's `boxcox(x, lmbda)`:
 * `(x^λ - 1) / λ`, or `log(x)` when λ = 0.
 *
 * @param x positive values, any shape
 * @param lambda the power λ (see {@link boxCoxLambda} to estimate it)
 * @returns an NdArray of the same shape
 * @throws ValueError when a value is not positive or λ is not finite
 * @example
 * boxCox([1, 4, 9], 0.5).data; // [0, 2, 4]
 */
export function boxCox(x: SeriesInput, lambda: number): NdArray {
  if (!Number.isFinite(lambda)) throw new ValueError(`expected a finite lambda, got ${lambda}`);
  const m = toMatrix(x, 'x');
  checkPositive(m, 0, 'boxCox');
  return matrixToNd({ ...m, data: m.data.map((v) => boxCoxValue(v, lambda)) });
}

/**
 * Undo {@link boxCox}: `(λ·y + 1)^(1/λ)`, or `exp(y)` when λ = 0; NaN where `λ·y + 1 <= 0`
 * (no real inverse), like scipy's `inv_boxcox`.
 *
 * @param y Box-Cox transformed values, any shape
 * @param lambda the λ used by {@link boxCox}
 * @returns an NdArray of the same shape in the original units
 * @throws ValueError when λ is not finite
 * @example
 * inverseBoxCox([0, 2, 4], 0.5).data; // [1, 4, 9]
 */
export function inverseBoxCox(y: SeriesInput, lambda: number): NdArray {
  if (!Number.isFinite(lambda)) throw new ValueError(`expected a finite lambda, got ${lambda}`);
  const m = toMatrix(y, 'y');
  return matrixToNd({ ...m, data: m.data.map((v) => inverseBoxCoxValue(v, lambda)) });
}

function boxCoxLogLikelihood(values: Float64Array, lambda: number): number {
  const n = values.length;
  let logSum = 0;
  let mean = 0;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    logSum += Math.log(values[i]);
    y[i] = boxCoxValue(values[i], lambda);
    mean += y[i];
  }
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (y[i] - mean) ** 2;
  variance /= n;
  return (lambda - 1) * logSum - (n / 2) * Math.log(variance);
}

/**
 * Estimate the Box-Cox λ that makes positive data most normal, by maximising the profile
 * log-likelihood like scipy's `boxcox(x)` (searched over [-5, 5]).
 *
 * @param x positive values (at least two distinct ones)
 * @returns λ
 * @throws ValueError when a value is not positive or all values are equal
 * @example
 * const lambda = boxCoxLambda(series); // then boxCox(series, lambda)
 */
export function boxCoxLambda(x: SeriesInput): number {
  const m = toMatrix(x, 'x');
  assertNotEmpty(m, 'x');
  assertNoNaN(m, 'x');
  checkPositive(m, 0, 'boxCoxLambda');
  return lambdaOf(m.data);
}

function lambdaOf(values: Float64Array): number {
  let distinct = false;
  for (let i = 1; i < values.length && !distinct; i++) distinct = values[i] !== values[0];
  if (!distinct) throw new ValueError('cannot estimate a Box-Cox lambda from constant data; pass lambda explicitly (for example 1)');
  // Golden-section search: the profile likelihood is unimodal in λ, and this needs no derivatives.
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = -5;
  let b = 5;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = boxCoxLogLikelihood(values, c);
  let fd = boxCoxLogLikelihood(values, d);
  while (b - a > 1e-9) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = boxCoxLogLikelihood(values, c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = boxCoxLogLikelihood(values, d);
    }
  }
  return (a + b) / 2;
}

/** The fitted state of a {@link LogTransformer}, as plain JSON. */
export interface LogTransformerJSON {
  type: 'log';
  offset: number;
}

/**
 * The log transform as a {@link Pipeline} step.
 *
 * @example
 * const pipeline = new Pipeline([new LogTransformer(), new Differencer(), new SlidingWindow({ steps: 4 })]);
 */
export class LogTransformer {
  readonly type = 'log';
  readonly offset: number;

  /**
   * @param options `offset` added before the log (default 0)
   * @throws ValueError when offset is not finite
   */
  constructor(options: { offset?: number } = {}) {
    const offset = options.offset ?? 0;
    if (!Number.isFinite(offset)) throw new ValueError(`expected a finite offset, got ${offset}`);
    this.offset = offset;
  }

  /** Log of each value plus the offset. @example new LogTransformer().transform([1]).data; // [0] */
  transform(x: SeriesInput): NdArray {
    return logTransform(x, this);
  }

  /** Undo the transform. @example new LogTransformer().inverseTransform([0]).data; // [1] */
  inverseTransform(y: SeriesInput): NdArray {
    return inverseLogTransform(y, this);
  }

  /** @internal */
  transformMatrix(m: Matrix): Matrix {
    checkPositive(m, this.offset, 'LogTransformer');
    return { ...m, data: m.data.map((v) => Math.log(v + this.offset)) };
  }

  /** @internal */
  inverseMatrix(m: Matrix): Matrix {
    return { ...m, data: m.data.map((v) => Math.exp(v) - this.offset) };
  }

  /** The settings as plain JSON. @example JSON.stringify(new LogTransformer().toJSON()) */
  toJSON(): LogTransformerJSON {
    return { type: 'log', offset: this.offset };
  }

  /**
   * Restore from {@link LogTransformer.toJSON} output.
   *
   * @throws ValueError when the JSON is not a log transformer
   * @example
   * LogTransformer.fromJSON({ type: 'log', offset: 1 });
   */
  static fromJSON(json: LogTransformerJSON): LogTransformer {
    if (!json || json.type !== 'log') throw new ValueError(`expected JSON with type 'log', got ${JSON.stringify(json?.type)}`);
    return new LogTransformer({ offset: json.offset });
  }
}

/** The fitted state of a {@link BoxCoxTransformer}, as plain JSON. */
export interface BoxCoxTransformerJSON {
  type: 'box-cox';
  lambdas: number[];
}

/**
 * The Box-Cox transform as a {@link Pipeline} step, with one λ per feature: given, or
 * estimated by `fit` (`lambda: 'auto'`, the default).
 *
 * @example
 * const bc = new BoxCoxTransformer().fit(series);
 * bc.lambdas; // [estimated λ]
 */
export class BoxCoxTransformer extends ColumnTransform {
  readonly type = 'box-cox';
  /** One λ per feature (after `fit`, or from the constructor). */
  lambdas: number[] | null = null;
  private readonly fixed: number | null;

  /**
   * @param options `lambda`: a number for every feature, or `'auto'` (default) to estimate each at `fit`
   * @throws ValueError when lambda is neither a finite number nor 'auto'
   */
  constructor(options: { lambda?: number | 'auto' } = {}) {
    super();
    const lambda = options.lambda ?? 'auto';
    if (lambda !== 'auto' && !Number.isFinite(lambda)) throw new ValueError(`expected lambda to be a finite number or 'auto', got ${lambda}`);
    this.fixed = lambda === 'auto' ? null : lambda;
  }

  /** @internal */
  fitMatrix(m: Matrix): void {
    assertNotEmpty(m, 'training data for BoxCoxTransformer.fit');
    assertNoNaN(m, 'training data for BoxCoxTransformer.fit');
    checkPositive(m, 0, 'BoxCoxTransformer');
    const lambdas: number[] = [];
    for (let c = 0; c < m.cols; c++) {
      if (this.fixed !== null) lambdas.push(this.fixed);
      else {
        const col = new Float64Array(m.rows);
        for (let r = 0; r < m.rows; r++) col[r] = m.data[r * m.cols + c];
        lambdas.push(lambdaOf(col));
      }
    }
    this.lambdas = lambdas;
  }

  /** @internal */
  transformMatrix(m: Matrix): Matrix {
    checkFitted(this.lambdas, 'BoxCoxTransformer');
    columnsOrAll(undefined, m, this.lambdas!.length, 'BoxCoxTransformer');
    checkPositive(m, 0, 'BoxCoxTransformer');
    return { ...m, data: m.data.map((v, i) => boxCoxValue(v, this.lambdas![i % m.cols])) };
  }

  /** @internal */
  inverseMatrix(m: Matrix, columns?: readonly number[]): Matrix {
    checkFitted(this.lambdas, 'BoxCoxTransformer');
    const cols = columnsOrAll(columns, m, this.lambdas!.length, 'BoxCoxTransformer');
    return { ...m, data: m.data.map((v, i) => inverseBoxCoxValue(v, this.lambdas![cols[i % m.cols]])) };
  }

  /** The fitted λ values as plain JSON. @throws ValueError when not fitted @example JSON.stringify(bc.toJSON()) */
  toJSON(): BoxCoxTransformerJSON {
    checkFitted(this.lambdas, 'BoxCoxTransformer');
    return { type: 'box-cox', lambdas: [...this.lambdas!] };
  }

  /**
   * Restore from {@link BoxCoxTransformer.toJSON} output.
   *
   * @throws ValueError when the JSON is not a Box-Cox transformer
   * @example
   * BoxCoxTransformer.fromJSON({ type: 'box-cox', lambdas: [0.5] });
   */
  static fromJSON(json: BoxCoxTransformerJSON): BoxCoxTransformer {
    if (!json || json.type !== 'box-cox') throw new ValueError(`expected JSON with type 'box-cox', got ${JSON.stringify(json?.type)}`);
    const t = new BoxCoxTransformer();
    t.lambdas = readNumberArray(json.lambdas, 'lambdas');
    return t;
  }
}
