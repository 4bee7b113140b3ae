import { ShapeError, ValueError } from './errors';
import type { NdArray } from './nd-array';
import { type Matrix, type SeriesInput, assertNoNaN, assertNotEmpty, matrixToNd, toMatrix } from './internal/matrix';
import { Differencer, type DifferencerJSON, differenceMatrix, inverseDifferenceMatrix } from './difference';
import { MinMaxScaler, type MinMaxScalerJSON } from './min-max-scaler';
import { StandardScaler, type StandardScalerJSON } from './standard-scaler';
import { BoxCoxTransformer, type BoxCoxTransformerJSON, LogTransformer, type LogTransformerJSON } from './power-transforms';
import { SlidingWindow, type SlidingWindowJSON } from './sliding-window';
import { ColumnTransform } from './internal/column-transform';

/** A step a {@link Pipeline} can hold; a {@link SlidingWindow}, if any, comes last. */
export type PipelineStep = LogTransformer | BoxCoxTransformer | Differencer | MinMaxScaler | StandardScaler | SlidingWindow;

/** The JSON of one pipeline step. */
export type PipelineStepJSON =
  | LogTransformerJSON
  | BoxCoxTransformerJSON
  | DifferencerJSON
  | MinMaxScalerJSON
  | StandardScalerJSON
  | SlidingWindowJSON;

/** A fitted pipeline as plain JSON, to save beside a model. */
export interface PipelineJSON {
  format: 'lstm-kit-pipeline';
  version: 1;
  /** The number of features of the raw series the pipeline was fitted on (null when unknown). */
  features: number | null;
  steps: PipelineStepJSON[];
}

/** Options of {@link Pipeline.inverseTransformOutput}. */
export interface InverseOutputOptions {
  /**
   * Raw values observed right before the forecast (at least as many as the differencing
   * needs). Only needed when the pipeline differences; without it the raw series of the last
   * `transformInput` call is used, each sample continuing the window it was predicted from.
   */
  history?: SeriesInput;
}

/** Model-ready training samples. */
export interface SupervisedSamples {
  /** Inputs, `[samples, steps, features]`. */
  x: NdArray;
  /** Targets in model units: `[samples, horizon]` for one output; `[samples, outputs]` or `[samples, horizon, outputs]` for several. */
  y: NdArray;
}

type ValueStep = Exclude<PipelineStep, SlidingWindow>;

const FORMAT = 'lstm-kit-pipeline';
const VERSION = 1;

function stepFromJSON(json: PipelineStepJSON, i: number): PipelineStep {
  switch (json?.type) {
    case 'log':
      return LogTransformer.fromJSON(json);
    case 'box-cox':
      return BoxCoxTransformer.fromJSON(json);
    case 'difference':
      return Differencer.fromJSON(json);
    case 'min-max-scaler':
      return MinMaxScaler.fromJSON(json);
    case 'standard-scaler':
      return StandardScaler.fromJSON(json);
    case 'window':
      return SlidingWindow.fromJSON(json);
    default:
      throw new ValueError(
        `unknown pipeline step type ${JSON.stringify((json as { type?: unknown })?.type)} at position ${i}; expected one of log, box-cox, difference, min-max-scaler, standard-scaler, window`,
      );
  }
}

/**
 * A sequence of fitted preparation steps (log / Box-Cox, differencing, scaling, then
 * windowing) that turns raw series into model-ready 3-D arrays, turns predictions back into
 * original units, and saves to JSON beside a model.
 *
 * @example
 * const pipeline = new Pipeline([new Differencer(), new MinMaxScaler({ featureRange: [-1, 1] }), new SlidingWindow({ steps: 3 })]);
 * const { x, y } = pipeline.fit(train).transformSupervised(train);  // train the model on x, y
 * const input = pipeline.transformInput(train.slice(-4));           // [1, 3, 1]
 * const forecast = pipeline.inverseTransformOutput(model.predict(input)); // original units
 * const restored = Pipeline.fromJSON(JSON.parse(JSON.stringify(pipeline.toJSON())));
 */
export class Pipeline {
  readonly steps: readonly PipelineStep[];
  /** The number of raw features seen by `fit` (or restored from JSON). */
  features: number | null = null;
  private lastInput: { raw: Matrix; samples: number } | null = null;

  /**
   * @param steps the steps in the order they apply; a SlidingWindow may only be the last
   * @throws ValueError when a step is of an unknown kind or a window is not last
   */
  constructor(steps: readonly PipelineStep[]) {
    if (!Array.isArray(steps)) throw new ValueError(`expected a list of pipeline steps, got ${typeof steps}`);
    steps.forEach((s, i) => {
      const known =
        s instanceof LogTransformer ||
        s instanceof BoxCoxTransformer ||
        s instanceof Differencer ||
        s instanceof MinMaxScaler ||
        s instanceof StandardScaler ||
        s instanceof SlidingWindow;
      if (!known) {
        throw new ValueError(
          `step ${i} is not a pipeline step; expected LogTransformer, BoxCoxTransformer, Differencer, MinMaxScaler, StandardScaler or SlidingWindow`,
        );
      }
      if (s instanceof SlidingWindow && i !== steps.length - 1) {
        throw new ValueError(`a SlidingWindow must be the last step (found at position ${i} of ${steps.length}); move it to the end`);
      }
    });
    this.steps = [...steps];
  }

  /** The window step, when the pipeline ends with one. */
  get window(): SlidingWindow | null {
    const last = this.steps[this.steps.length - 1];
    return last instanceof SlidingWindow ? last : null;
  }

  private get valueSteps(): ValueStep[] {
    return this.steps.filter((s): s is ValueStep => !(s instanceof SlidingWindow));
  }

  /** How many leading raw values the differencing steps consume. */
  get differencingSpan(): number {
    return this.valueSteps.reduce((n, s) => n + (s instanceof Differencer ? s.span : 0), 0);
  }

  /**
   * Fit each step on the training series, in order, each on the output of the ones before.
   *
   * @param raw the training series: numbers, rows `[n][features]` or an NdArray `[n, features]`
   * @returns this pipeline, fitted
   * @throws ShapeError when the series is empty or too short; ValueError when it holds NaN
   * @example
   * pipeline.fit([112, 118, 132, 129, 121, 135, 148, 148]);
   */
  fit(raw: SeriesInput): this {
    let m = toMatrix(raw, 'raw series');
    assertNotEmpty(m, 'raw series');
    assertNoNaN(m, 'the raw series given to Pipeline.fit');
    this.checkTarget(m.cols);
    for (const step of this.valueSteps) {
      if (step instanceof ColumnTransform) step.fitMatrix(m);
      m = this.applyStep(step, m);
    }
    this.features = m.cols;
    return this;
  }

  /**
   * Apply the value steps (not the window) to a raw series.
   *
   * @returns the transformed series, `[n - differencingSpan]` or `[n - differencingSpan, features]`
   * @throws ShapeError when the feature count differs from the fitted one
   * @example
   * pipeline.transformSeries(values).data;
   */
  transformSeries(raw: SeriesInput): NdArray {
    return matrixToNd(this.transformMatrix(toMatrix(raw, 'raw series')));
  }

  /**
   * Turn raw values into model input: the value steps, then every window (`[samples, steps,
   * features]`, the last window ending at the last value). The raw values are remembered so
   * {@link Pipeline.inverseTransformOutput} can undo differencing for each sample.
   *
   * @param raw at least `steps + differencingSpan` raw values (numbers or rows of features)
   * @returns the model input; without a window step, the transformed series
   * @throws ShapeError when there are too few values or the feature count differs
   * @example
   * const x = pipeline.transformInput(recent); // [1, steps, features] for exactly enough values
   */
  transformInput(raw: SeriesInput): NdArray {
    const rawMatrix = toMatrix(raw, 'raw series');
    const w = this.window;
    if (w) this.checkLength(rawMatrix.rows, w.steps, 'transformInput');
    const m = this.transformMatrix(rawMatrix);
    if (!w) {
      this.lastInput = { raw: rawMatrix, samples: 1 };
      return matrixToNd(m);
    }
    const count = Math.floor((m.rows - w.steps) / w.stride) + 1;
    const f = m.cols;
    const out = new Float32Array(count * w.steps * f);
    for (let s = 0; s < count; s++) {
      out.set(m.data.subarray(s * w.stride * f, (s * w.stride + w.steps) * f), s * w.steps * f);
    }
    this.lastInput = { raw: rawMatrix, samples: count };
    return { shape: Object.freeze([count, w.steps, f]), data: out };
  }

  /**
   * Turn a raw series into training samples: inputs as in {@link Pipeline.transformInput} and
   * the `horizon` values that follow each window as targets, both in model units.
   *
   * @returns x `[samples, steps, features]` and y (see {@link SupervisedSamples})
   * @throws ValueError when the pipeline has no SlidingWindow; ShapeError when the series is too short
   * @example
   * const { x, y } = pipeline.fit(train).transformSupervised(train);
   */
  transformSupervised(raw: SeriesInput): SupervisedSamples {
    const w = this.window;
    if (!w) throw new ValueError('transformSupervised needs a SlidingWindow as the last pipeline step; add new SlidingWindow({ steps })');
    const rawMatrix = toMatrix(raw, 'raw series');
    this.checkLength(rawMatrix.rows, w.steps + w.horizon, 'transformSupervised');
    const m = this.transformMatrix(rawMatrix);
    const f = m.cols;
    const outCols = this.outputColumns(f);
    const k = outCols.length;
    const count = Math.floor((m.rows - w.steps - w.horizon) / w.stride) + 1;
    const x = new Float32Array(count * w.steps * f);
    const y = new Float32Array(count * w.horizon * k);
    for (let s = 0; s < count; s++) {
      const start = s * w.stride;
      x.set(m.data.subarray(start * f, (start + w.steps) * f), s * w.steps * f);
      for (let h = 0; h < w.horizon; h++) {
        for (let j = 0; j < k; j++) y[(s * w.horizon + h) * k + j] = m.data[(start + w.steps + h) * f + outCols[j]];
      }
    }
    const yShape = k === 1 ? [count, w.horizon] : w.horizon === 1 ? [count, k] : [count, w.horizon, k];
    return { x: { shape: Object.freeze([count, w.steps, f]), data: x }, y: { shape: Object.freeze(yShape), data: y } };
  }

  /**
   * Turn model predictions back into original units: undo scaling, then differencing (each
   * forecast continues from the raw values before it), then log / Box-Cox.
   *
   * @param pred predictions in model units, shaped like `transformSupervised`'s y (one row per
   *   sample); without a window step, rows of the transformed series that follow the history
   * @param options `history`: raw values just before the forecast (see {@link InverseOutputOptions})
   * @returns the predictions in original units, the same shape as pred
   * @throws ValueError when differencing needs history that was not given and cannot be inferred
   * @example
   * const x = pipeline.transformInput(recent);
   * const forecast = pipeline.inverseTransformOutput(predictionOf(x));
   */
  inverseTransformOutput(pred: NdArray | SeriesInput, options: InverseOutputOptions = {}): NdArray {
    const p = toMatrix(pred, 'predictions');
    const f = this.features ?? p.cols;
    const outCols = this.outputColumns(f);
    const k = outCols.length;
    const w = this.window;
    const horizon = w ? w.horizon : p.rows;
    if (p.data.length % (horizon * k) !== 0) {
      throw new ShapeError(
        `expected predictions with ${horizon} step(s) × ${k} output(s) per sample, got shape [${p.shape.join(', ')}]`,
      );
    }
    const samples = p.data.length / (horizon * k);
    const ends = this.historyEnds(samples, options);
    const steps = this.valueSteps;
    // The input of each differencing step over the history, so every sample finds the values right before it.
    const levels = new Map<number, { m: Matrix; offset: number }>();
    if (ends) {
      let level = ends.history;
      let offset = 0;
      steps.forEach((step, j) => {
        if (step instanceof Differencer) levels.set(j, { m: level, offset });
        level = this.applyStep(step, level);
        if (step instanceof Differencer) offset += step.span;
      });
    }
    const out = new Float64Array(p.data.length);
    for (let s = 0; s < samples; s++) {
      let block: Matrix = {
        rows: horizon,
        cols: k,
        data: p.data.slice(s * horizon * k, (s + 1) * horizon * k),
        shape: [horizon, k],
      };
      for (let j = steps.length - 1; j >= 0; j--) {
        const step = steps[j];
        if (step instanceof Differencer) {
          const { m: level, offset } = levels.get(j)!;
          const endRow = ends!.ends[s] - offset;
          if (endRow + 1 < step.span) {
            throw new ShapeError(
              `inverting differencing for sample ${s} needs ${step.span} value(s) before the forecast at that stage, but the history has ${endRow + 1}; pass a longer history`,
            );
          }
          const seed = new Float64Array(step.span * k);
          for (let r = 0; r < step.span; r++) {
            for (let c = 0; c < k; c++) seed[r * k + c] = level.data[(endRow - step.span + 1 + r) * level.cols + outCols[c]];
          }
          block = inverseDifferenceMatrix(block, { rows: step.span, cols: k, data: seed, shape: [step.span, k] }, step.lag, step.order);
        } else {
          block = step.inverseMatrix(block, outCols);
        }
      }
      out.set(block.data, s * horizon * k);
    }
    return matrixToNd({ ...p, data: out });
  }

  /**
   * The pipeline as plain JSON (`{ format: 'lstm-kit-pipeline', version: 1, steps }`).
   *
   * @throws ValueError when a step that needs fitting is not fitted
   * @example
   * fs.writeFileSync('pipeline.json', JSON.stringify(pipeline.toJSON()));
   */
  toJSON(): PipelineJSON {
    return { format: FORMAT, version: VERSION, features: this.features, steps: this.steps.map((s) => s.toJSON()) };
  }

  /**
   * Restore a fitted pipeline from {@link Pipeline.toJSON} output.
   *
   * @throws ValueError when the format or version is unknown or a step is malformed
   * @example
   * const pipeline = Pipeline.fromJSON(JSON.parse(fs.readFileSync('pipeline.json', 'utf8')));
   */
  static fromJSON(json: PipelineJSON): Pipeline {
    if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== FORMAT) {
      throw new ValueError(
        `expected a pipeline saved by lstm-kit (format '${FORMAT}'), got format ${JSON.stringify((json as { format?: unknown })?.format)}; pass the object returned by pipeline.toJSON()`,
      );
    }
    if (json.version !== VERSION) {
      throw new ValueError(
        `unsupported pipeline version ${JSON.stringify(json.version)}; this @lstm-kit/sequence reads version ${VERSION}, so upgrade the package or re-save the pipeline`,
      );
    }
    if (!Array.isArray(json.steps)) throw new ValueError('expected pipeline JSON with a steps array');
    const pipeline = new Pipeline(json.steps.map(stepFromJSON));
    if (json.features !== null && json.features !== undefined) {
      if (!Number.isInteger(json.features) || json.features < 1) throw new ValueError(`expected features to be a positive integer, got ${json.features}`);
      pipeline.features = json.features;
    }
    return pipeline;
  }

  private applyStep(step: ValueStep, m: Matrix): Matrix {
    if (step instanceof Differencer) return differenceMatrix(m, step.lag, step.order);
    return step.transformMatrix(m);
  }

  private transformMatrix(raw: Matrix): Matrix {
    assertNotEmpty(raw, 'raw series');
    if (this.features !== null && raw.cols !== this.features) {
      throw new ShapeError(
        `expected a raw series with ${this.features} feature(s) like the one the pipeline was fitted on, got shape [${raw.shape.join(', ')}]`,
      );
    }
    assertNoNaN(raw, 'the raw series');
    let m = raw;
    for (const step of this.valueSteps) m = this.applyStep(step, m);
    return m;
  }

  private checkLength(rows: number, windowRows: number, what: string): void {
    const need = windowRows + this.differencingSpan;
    if (rows < need) {
      const diff = this.differencingSpan ? ` plus ${this.differencingSpan} consumed by differencing` : '';
      throw new ShapeError(`${what} needs at least ${need} raw time steps (${windowRows} for the window${diff}), got ${rows}; pass the last ${need} raw values (or more)`);
    }
  }

  private checkTarget(features: number): void {
    const t = this.window?.target;
    if (typeof t === 'number' && t >= features) {
      throw new ShapeError(`the window's target feature ${t} is out of range for a series with ${features} feature(s)`);
    }
  }

  private outputColumns(features: number): number[] {
    const t = this.window?.target ?? 'all';
    if (t === 'all') return Array.from({ length: features }, (_, i) => i);
    this.checkTarget(features);
    return [t];
  }

  /** For each sample, the history and the row of the last raw value before its forecast. */
  private historyEnds(samples: number, options: InverseOutputOptions): { history: Matrix; ends: number[] } | null {
    if (this.differencingSpan === 0) return null;
    if (options.history !== undefined) {
      const history = toMatrix(options.history, 'history');
      assertNotEmpty(history, 'history');
      if (this.features !== null && history.cols !== this.features) {
        throw new ShapeError(`expected history with ${this.features} feature(s), got shape [${history.shape.join(', ')}]`);
      }
      return { history, ends: new Array<number>(samples).fill(history.rows - 1) };
    }
    const last = this.lastInput;
    if (!last || last.samples !== samples) {
      throw new ValueError(
        `undoing differencing needs the raw values observed before the forecast: pass { history: lastRawValues }, or predict on the output of transformInput (${last ? `${last.samples} sample(s) last time, got ${samples}` : 'not called yet'})`,
      );
    }
    const w = this.window;
    const D = this.differencingSpan;
    const ends = w
      ? Array.from({ length: samples }, (_, s) => s * w.stride + w.steps - 1 + D)
      : [last.raw.rows - 1];
    return { history: last.raw, ends };
  }
}
