import { ValueError } from './errors';

/** Options of {@link SlidingWindow}. */
export interface SlidingWindowOptions {
  /** Input time steps per sample. Required. */
  steps: number;
  /** Output time steps each sample predicts. Default 1. */
  horizon?: number;
  /** Steps between consecutive windows. Default 1. */
  stride?: number;
  /**
   * What the model predicts: `'all'` (default) the next values of every feature (parallel
   * series), or a feature index for one output series (several inputs → one output).
   */
  target?: 'all' | number;
}

/** The settings of a {@link SlidingWindow}, as plain JSON. */
export interface SlidingWindowJSON {
  type: 'window';
  steps: number;
  horizon: number;
  stride: number;
  target: 'all' | number;
}

/**
 * The last step of a {@link Pipeline}: cuts the transformed series into windows of `steps`
 * rows, giving model-ready `[samples, steps, features]` arrays, and says which values a
 * window predicts (the next `horizon` steps of every feature, or of one target feature).
 *
 * @example
 * const pipeline = new Pipeline([new MinMaxScaler(), new SlidingWindow({ steps: 3, horizon: 2 })]);
 */
export class SlidingWindow {
  readonly type = 'window';
  readonly steps: number;
  readonly horizon: number;
  readonly stride: number;
  readonly target: 'all' | number;

  /**
   * @param options `steps` (required), `horizon` (1), `stride` (1), `target` (`'all'`)
   * @throws ValueError when a count is not a positive integer or target is not 'all' or a feature index
   */
  constructor(options: SlidingWindowOptions) {
    const { steps, horizon = 1, stride = 1, target = 'all' } = options ?? ({} as SlidingWindowOptions);
    for (const [name, v] of [['steps', steps], ['horizon', horizon], ['stride', stride]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new ValueError(`expected ${name} to be an integer >= 1, got ${v}`);
    }
    if (target !== 'all' && !(Number.isInteger(target) && target >= 0)) {
      throw new ValueError(`expected target 'all' or a feature index (integer >= 0), got ${JSON.stringify(target)}`);
    }
    this.steps = steps;
    this.horizon = horizon;
    this.stride = stride;
    this.target = target;
  }

  /** The settings as plain JSON. @example JSON.stringify(new SlidingWindow({ steps: 3 }).toJSON()) */
  toJSON(): SlidingWindowJSON {
    return { type: 'window', steps: this.steps, horizon: this.horizon, stride: this.stride, target: this.target };
  }

  /**
   * Restore from {@link SlidingWindow.toJSON} output.
   *
   * @throws ValueError when the JSON is not a window
   * @example
   * SlidingWindow.fromJSON({ type: 'window', steps: 3, horizon: 1, stride: 1, target: 'all' });
   */
  static fromJSON(json: SlidingWindowJSON): SlidingWindow {
    if (!json || json.type !== 'window') throw new ValueError(`expected JSON with type 'window', got ${JSON.stringify(json?.type)}`);
    return new SlidingWindow(json);
  }
}
