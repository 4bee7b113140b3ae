/** A figure a system reports: a name, its value and how to show it. */
export interface SkillFigure {
  /** What was measured, e.g. `accuracy` or `MAE`. */
  readonly name: string;
  /** The measured value. */
  readonly value: number;
  /** How to show it, e.g. `100.0%`. */
  readonly display: string;
}

/** A chart a system wrote, for the tour report. */
export interface SystemChart {
  readonly title: string;
  /** Where the rendered file is (SVG or PNG). */
  readonly path: string;
  /** The Vega-Lite spec, when the report should render it itself. */
  readonly spec?: object;
}

/** What one example system reports after a run: the row it gets in the tour table. */
export interface SystemResult {
  /** The app's name, e.g. `echo`. */
  readonly id: string;
  /** The course reference, e.g. `B6` (lesson 6). */
  readonly lesson: string;
  readonly title: string;
  /** The model in words, e.g. `LSTM(25) → Dense(10, softmax)`. */
  readonly architecture: string;
  /** Total parameter count (equal to Keras's). */
  readonly params: number;
  /** Wall-clock seconds spent training. */
  readonly trainSeconds: number;
  /** The skill reached. */
  readonly skill: SkillFigure;
  /** The reference skill from the course, as text (e.g. `100%`). */
  readonly reference: string;
  /** The bar this run must reach, as text (e.g. `≥ 95%`). */
  readonly threshold: string;
  /** Whether the skill reached the threshold; a miss is reported, never hidden. */
  readonly passed: boolean;
  /** The backend it trained on. */
  readonly backend: string;
  /** Extra lines shown under the table (decoded predictions and the like). */
  readonly details?: readonly string[];
  readonly charts?: readonly SystemChart[];
}

/** Options every example system's `run` accepts. */
export interface SystemRunOptions {
  /**
   * The backend to train on, passed to `initBackend({ prefer })`. Default: `LSTM_KIT_BACKEND`,
   * else `auto`. The tour passes the one it started, so every system runs on it.
   */
  readonly backend?: 'auto' | 'tensorflow' | 'wasm' | 'cpu';
  /** Reduced sizes for a fast look (and for tests). Default false: the book's sizes. */
  readonly quick?: boolean;
  /** Seed for data, initial weights and shuffling. Each app documents its default. */
  readonly seed?: number;
  /** 0 silent, 1 progress and results (default). */
  readonly verbose?: 0 | 1;
  /** Where printed lines go. Default `console.log`. */
  readonly log?: (line: string) => void;
  /** Folder for charts and files the system writes. When absent, nothing is written. */
  readonly outDir?: string;
}

/** The function every example app exports as `run`. */
export type SystemRunner = (options?: SystemRunOptions) => Promise<SystemResult>;
