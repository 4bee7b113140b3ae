import { describe, type DescribeTable } from './describe';
import { inlineExecutor } from './executors/inline';
import type { Executor } from './executors/executor';
import { repeatSeeds, type RepeatSeedOptions } from './repeat-seeds';
import { contextOf, type Trial, type TrialJob, type TrialRun } from './trial';

/** Options of {@link repeat}. */
export interface RepeatOptions extends RepeatSeedOptions {
  /** Where the runs execute: `inlineExecutor()` (default) or `workerPoolExecutor(...)`. */
  readonly executor?: Executor;
  /** Called as each run finishes (in finishing order), e.g. to print progress. */
  readonly onRun?: (run: TrialRun) => void;
}

/** What {@link repeat} returns. */
export interface RepeatResult {
  /** One score per run, in repeat order. */
  readonly scores: number[];
  /** The describe() table of the scores (count, mean, std, min, quartiles, max, sem). */
  readonly summary: DescribeTable;
  /** Every run: seed, score and history when the trial returned one (for multi-run overlays). */
  readonly runs: TrialRun[];
}

/**
 * Evaluate a model configuration robustly: run the trial `repeats` times, each with its own
 * seed, and summarise the scores like pandas' `describe()`. One training run's score depends
 * on its random initialisation; the course judges a configuration by the distribution.
 *
 * @param trial trains and scores one run; receives `{ seed, repeat }` and returns the score or `{ score, history }`
 * @param options repeats, seeds (or one seed to draw them from), executor, progress callback
 * @returns scores in repeat order, their summary and every run
 * @throws EvaluationError for bad repeats/seeds; TrialError when a run fails (naming its seed)
 * @example
 * const r = await repeat(async ({ seed }) => trainAndScore(seed), { repeats: 5, seed: 1 });
 * console.log(formatDescribe(r.summary));
 */
export async function repeat(trial: Trial, options: RepeatOptions): Promise<RepeatResult> {
  const seeds = repeatSeeds(options);
  const executor = options.executor ?? inlineExecutor();
  const jobs: TrialJob[] = seeds.map((seed, i) => ({ seed, repeat: i }));
  const runs = await executor.run(
    jobs,
    async (job) => trial(contextOf(job)),
    options.onRun && ((run) => options.onRun!(run)),
  );
  const scores = runs.map((r) => r.score);
  return { scores, summary: describe(scores), runs };
}
