import { TrialError, type TrialFailure } from './errors';

/** What every trial is told about the run it is: its seed and its place among the repeats. */
export interface TrialContext {
  /** The seed to draw all of this run's randomness from (initialisers, shuffling, data). */
  readonly seed: number;
  /** The 0-based repeat index. */
  readonly repeat: number;
  /** The baseline or candidate name, only set by `compareCandidates`. */
  readonly arm?: string;
}

/** A training history keyed like Keras' (`loss`, `val_loss`, …), one value per epoch. */
export type HistoryRecord = Record<string, number[]>;

/** A trial's result: the score alone, or the score with the run's history for overlays. */
export type TrialResult = number | { readonly score: number; readonly history?: HistoryRecord };

/** One repeat of an experiment: train and evaluate with the given seed, return the score. */
export type Trial = (ctx: TrialContext) => Promise<TrialResult> | TrialResult;

/** One run of a grid-search configuration: build, train and score the model `config` names. */
export type ConfigTrial<C extends Record<string, unknown> = Record<string, unknown>> = (
  config: C,
  ctx: TrialContext,
) => Promise<TrialResult> | TrialResult;

/** One finished run: its seed, score and (when the trial returned one) history. */
export interface TrialRun {
  readonly seed: number;
  readonly repeat: number;
  readonly score: number;
  readonly history?: HistoryRecord;
}

/**
 * A trial to run, as plain data (it crosses to worker threads by structured clone). A trial
 * is called `fn(config, ctx)` when `config` is set and `fn(ctx)` otherwise.
 */
export interface TrialJob {
  readonly seed: number;
  readonly repeat: number;
  readonly config?: Record<string, unknown>;
  readonly arm?: string;
}

/** Build the context a job's trial receives (the same object shape in every executor). */
export function contextOf(job: TrialJob): TrialContext {
  return job.arm === undefined ? { seed: job.seed, repeat: job.repeat } : { seed: job.seed, repeat: job.repeat, arm: job.arm };
}

/**
 * Check a trial's raw result and turn it into a run record, so inline and pooled trials
 * are validated in one place.
 *
 * @throws TrialError when the result is neither a number nor `{ score: number }`
 */
export function toRun(raw: unknown, job: TrialJob, executor: string): TrialRun {
  const failure: TrialFailure = { seed: job.seed, repeat: job.repeat, config: job.config, arm: job.arm, executor };
  if (typeof raw === 'number') return { seed: job.seed, repeat: job.repeat, score: raw };
  if (typeof raw === 'object' && raw !== null && typeof (raw as { score?: unknown }).score === 'number') {
    const { score, history } = raw as { score: number; history?: HistoryRecord };
    return history === undefined ? { seed: job.seed, repeat: job.repeat, score } : { seed: job.seed, repeat: job.repeat, score, history };
  }
  throw new TrialError(
    `trial (seed ${job.seed}, repeat ${job.repeat}${describeWhere(job)}) returned ${preview(raw)}; ` +
      'expected a number or { score: number, history? }: return the evaluation loss',
    failure,
  );
}

/** Wrap whatever a trial threw into a TrialError that says which run failed. */
export function trialFailed(cause: unknown, job: TrialJob, executor: string): TrialError {
  if (cause instanceof TrialError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new TrialError(
    `trial (seed ${job.seed}, repeat ${job.repeat}${describeWhere(job)}) failed on the ${executor} executor: ${message}; ` +
      'run it alone with this seed to reproduce',
    { seed: job.seed, repeat: job.repeat, config: job.config, arm: job.arm, executor },
    { cause },
  );
}

function describeWhere(job: TrialJob): string {
  const parts: string[] = [];
  if (job.config !== undefined) parts.push(`config ${safeJson(job.config)}`);
  if (job.arm !== undefined) parts.push(`arm '${job.arm}'`);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

function preview(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && v !== null) return safeJson(v).slice(0, 80);
  return `${typeof v} ${String(v)}`;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
