/**
 * Raised when a training history cannot be diagnosed: a missing or empty `loss` series,
 * series of different lengths, or non-finite values. The message names the key and epoch.
 *
 * @example
 * try { diagnose({ loss: [] }); } catch (e) { if (e instanceof HistoryError) console.error(e.message); }
 */
export class HistoryError extends Error {
  override readonly name = 'HistoryError';
}

/**
 * Raised when evaluation options or values are not acceptable: no repeats, a seed list of
 * the wrong length, an empty search space, fewer than two repeats for a comparison.
 *
 * @example
 * try { await repeat(trial, { repeats: 0 }); } catch (e) { if (e instanceof EvaluationError) console.error(e.message); }
 */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
}

/** Where a failed trial ran: enough to re-run that one trial by hand. */
export interface TrialFailure {
  /** The seed the trial was given. */
  readonly seed: number;
  /** The 0-based repeat index. */
  readonly repeat: number;
  /** The configuration the trial received, `fixed` settings included (grid search only). */
  readonly config?: Record<string, unknown>;
  /** The baseline or candidate name (candidate comparison only). */
  readonly arm?: string;
  /** `inline` or `worker-pool`. */
  readonly executor: string;
}

/**
 * Raised when a trial throws or returns something that is not a score. `failure` says which
 * trial (seed, repeat, configuration) so it can be re-run alone; `cause` is the original error.
 *
 * @example
 * try { await repeat(trial, { repeats: 5 }); }
 * catch (e) { if (e instanceof TrialError) console.error(e.failure.seed, e.message); }
 */
export class TrialError extends Error {
  override readonly name = 'TrialError';
  /** The failed trial's seed, repeat, configuration and executor. */
  readonly failure: TrialFailure;

  constructor(message: string, failure: TrialFailure, options?: { cause?: unknown }) {
    super(message, options);
    this.failure = failure;
  }
}

/**
 * Raised when a worker pool cannot run trials: the trial module does not load, lacks the
 * named export, or a worker exits while running a trial.
 *
 * @example
 * try { await repeat(trial, { repeats: 4, executor: pool }); }
 * catch (e) { if (e instanceof WorkerPoolError) console.error(e.message); }
 */
export class WorkerPoolError extends Error {
  override readonly name = 'WorkerPoolError';
}
