import { TRAINING_DEFAULTS } from './defaults';

/** Keras's verbosity: 0 silent, 1 a bar on a terminal (one line per epoch otherwise), 2 one line per epoch. */
export type Verbose = 0 | 1 | 2;

/** Where progress goes: `process.stdout` by default; anything with `write` works (tests pass a collector). */
export interface ProgressOutput {
  write(text: string): unknown;
  /** True on a terminal: the bar redraws in place with `\r`. */
  readonly isTTY?: boolean;
}

/**
 * Format figures the way Keras prints them: ` - loss: 0.1234 - acc: 0.9500`.
 *
 * @example
 * formatLogs({ loss: 0.12345, acc: 1 }); // ' - loss: 0.1235 - acc: 1.0000'
 */
export function formatLogs(logs: Readonly<Record<string, number>>): string {
  return Object.entries(logs)
    .map(([k, v]) => ` - ${k}: ${Math.abs(v) >= 1e-3 || v === 0 || !Number.isFinite(v) ? v.toFixed(4) : v.toExponential(4)}`)
    .join('');
}

/**
 * A duration as Keras shows it: `45ms`, `3s`, `2:05`, `1:02:03`.
 *
 * @example
 * formatDuration(125_000); // '2:05'
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Options of {@link ProgressBar}. */
export interface ProgressBarOptions {
  /** Steps to completion (batches of an epoch, or updates). */
  total: number;
  /** Where to draw. Default `process.stdout`. */
  output?: ProgressOutput;
  /** Width of the bar in characters. Default 30 (Keras's). */
  width?: number;
  /** Smallest time between redraws, so drawing never slows training. Default 100 ms. */
  intervalMs?: number;
  /** Clock, for tests. Default `performance.now`. */
  now?: () => number;
}

/**
 * A Keras-style progress bar with ETA that redraws in place on a terminal:
 * ` 12/32 [===========>..................] - ETA: 3s - loss: 0.1234`.
 * Redraws are throttled; `figures` is only called when a redraw happens, so a caller can
 * read device values lazily.
 *
 * @example
 * const bar = new ProgressBar({ total: 32 });
 * for (let i = 1; i <= 32; i++) bar.update(i, () => ({ loss: 0.1 }));
 * bar.finish({ loss: 0.1 });
 */
export class ProgressBar {
  private readonly output: ProgressOutput;
  private readonly width: number;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly start: number;
  private lastDraw = -Infinity;

  constructor(private readonly options: ProgressBarOptions) {
    this.output = options.output ?? process.stdout;
    this.width = options.width ?? 30;
    this.intervalMs = options.intervalMs ?? TRAINING_DEFAULTS.progressIntervalMs;
    this.now = options.now ?? (() => performance.now());
    this.start = this.now();
  }

  /**
   * Report that `current` steps are done; redraws at most every `intervalMs`.
   *
   * @param current steps completed
   * @param figures called only when the bar redraws
   * @returns true when the bar was redrawn
   */
  update(current: number, figures?: () => Readonly<Record<string, number>>): boolean {
    const t = this.now();
    if (t - this.lastDraw < this.intervalMs && current < this.options.total) return false;
    this.lastDraw = t;
    const elapsed = t - this.start;
    const eta = current > 0 ? (elapsed / current) * (this.options.total - current) : NaN;
    const tail = current < this.options.total ? ` - ETA: ${Number.isFinite(eta) ? formatDuration(eta) : '?'}` : ` - ${formatDuration(elapsed)}`;
    this.output.write(`\r${this.bar(current)}${tail}${figures ? formatLogs(figures()) : ''}\x1b[K`);
    return true;
  }

  /** Draw the full bar with the final figures and the time taken, and end the line. */
  finish(logs: Readonly<Record<string, number>>): void {
    const elapsed = this.now() - this.start;
    const per = this.options.total > 0 ? ` ${formatDuration(elapsed / this.options.total)}/step` : '';
    this.output.write(`\r${this.bar(this.options.total)} - ${formatDuration(elapsed)}${per}${formatLogs(logs)}\x1b[K\n`);
  }

  private bar(current: number): string {
    const total = this.options.total;
    const digits = String(total).length;
    const filled = total > 0 ? Math.floor((this.width * Math.min(current, total)) / total) : this.width;
    const body =
      filled >= this.width ? '='.repeat(this.width) : `${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? '>' : ''}${'.'.repeat(this.width - Math.max(filled, 0))}`;
    return `${String(current).padStart(digits)}/${total} [${body.slice(0, this.width).padEnd(this.width, '.')}]`;
  }
}
