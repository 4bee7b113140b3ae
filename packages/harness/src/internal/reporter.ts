import { ProgressBar, type ProgressOutput, type Verbose, formatDuration, formatLogs } from '../progress-bar';

type Mode = 'silent' | 'bar' | 'line';

function modeOf(verbose: Verbose, output: ProgressOutput): Mode {
  if (verbose === 0) return 'silent';
  // Keras's verbose=1 is "auto": a live bar only where it can redraw in place.
  return verbose === 1 && output.isTTY ? 'bar' : 'line';
}

/** Progress of `fit`: a bar per epoch on a terminal, one line per epoch otherwise. */
export class EpochReporter {
  private readonly mode: Mode;
  private bar: ProgressBar | null = null;
  private started = 0;

  constructor(verbose: Verbose, private readonly output: ProgressOutput, private readonly epochs: number, private readonly steps: number) {
    this.mode = modeOf(verbose, output);
  }

  epochBegin(epoch: number): void {
    this.started = performance.now();
    if (this.mode === 'bar') {
      this.output.write(`Epoch ${epoch + 1}/${this.epochs}\n`);
      this.bar = new ProgressBar({ total: this.steps, output: this.output });
    }
  }

  /** `figures` reads the running means from the device; the bar calls it only when it redraws. */
  batchEnd(step: number, figures: () => Readonly<Record<string, number>>): void {
    if (this.bar && step < this.steps) this.bar.update(step, figures);
  }

  epochEnd(epoch: number, logs: Readonly<Record<string, number>>): void {
    if (this.mode === 'bar') this.bar?.finish(logs);
    else if (this.mode === 'line') {
      const ms = performance.now() - this.started;
      this.output.write(`Epoch ${epoch + 1}/${this.epochs} - ${this.steps} steps - ${formatDuration(ms)}${formatLogs(logs)}\n`);
    }
    this.bar = null;
  }
}

/** Progress of `fitOnline`: one bar over all updates on a terminal, a line per report window otherwise. */
export class UpdateReporter {
  private readonly mode: Mode;
  private readonly bar: ProgressBar | null;
  private readonly started = performance.now();

  constructor(verbose: Verbose, private readonly output: ProgressOutput, private readonly updates: number) {
    this.mode = modeOf(verbose, output);
    this.bar = this.mode === 'bar' ? new ProgressBar({ total: updates, output }) : null;
  }

  get wantsLiveFigures(): boolean {
    return this.bar !== null;
  }

  update(done: number, figures: () => Readonly<Record<string, number>>): void {
    if (this.bar && done < this.updates) this.bar.update(done, figures);
  }

  windowEnd(done: number, logs: Readonly<Record<string, number>>): void {
    if (this.mode !== 'line') return;
    const ms = performance.now() - this.started;
    const rate = ms > 0 ? Math.round((done / ms) * 1000) : 0;
    this.output.write(`Updates ${done}/${this.updates} - ${formatDuration(ms)} - ${rate} updates/s${formatLogs(logs)}\n`);
  }

  finish(logs: Readonly<Record<string, number>>): void {
    this.bar?.finish(logs);
  }
}
