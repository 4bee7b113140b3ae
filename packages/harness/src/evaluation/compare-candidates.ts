import { describe, type DescribeTable } from './describe';
import { EvaluationError } from './errors';
import type { Executor } from './executors/executor';
import { inlineExecutor } from './executors/inline';
import { repeatSeeds } from './repeat-seeds';
import { contextOf, type Trial, type TrialJob, type TrialRun } from './trial';
import { welchTTest, type WelchTTestResult } from './welch-t-test';

/** Options of {@link compareCandidates}. */
export interface CompareCandidatesOptions {
  /** Scores the existing model on the recent data (one run per seed). */
  readonly baseline: Trial;
  /** Name → trial for each way of updating the model (refit on new, on old+new, new model, …). */
  readonly candidates: Readonly<Record<string, Trial>>;
  /** Runs per arm (at least 2, for the t-test); may be left out when `seeds` is given. */
  readonly repeats?: number;
  /** One seed per run, shared by every arm. */
  readonly seeds?: readonly number[];
  /** The seed the per-run seeds are drawn from (default 1). */
  readonly seed?: number;
  /**
   * The candidate that controls for "any extra training helps" (e.g. the existing model
   * trained further on the old data). When set, other candidates must beat it too.
   */
  readonly fairBaseline?: string;
  /** `'min'` (default) when lower scores are better, `'max'` for accuracies. */
  readonly mode?: 'min' | 'max';
  /** One-sided significance level of the Welch t-test (default 0.05). */
  readonly alpha?: number;
  /** The baseline's name in tables and in `ctx.arm` (default `'baseline'`). */
  readonly baselineName?: string;
  /** Where the runs execute (default inline). A worker pool calls its export with `ctx.arm` set to the arm's name. */
  readonly executor?: Executor;
  /** Called as each run finishes, with its arm's name. */
  readonly onRun?: (arm: string, run: TrialRun) => void;
}

/** One arm (the baseline or a candidate): its scores over the shared seeds. */
export interface ArmResult {
  readonly name: string;
  readonly isBaseline: boolean;
  readonly summary: DescribeTable;
  readonly scores: number[];
  readonly runs: TrialRun[];
}

/** How one candidate fared against the baseline (and the fair baseline when one is named). */
export interface CandidateTest {
  readonly name: string;
  /** Welch test of candidate − baseline, one-sided in the better direction. */
  readonly vsBaseline: WelchTTestResult;
  /** True when the candidate's mean is better and p < alpha. */
  readonly beatsBaseline: boolean;
  /** Welch test against the fair baseline (absent for the fair baseline itself or when none is named). */
  readonly vsFairBaseline?: WelchTTestResult;
  readonly beatsFairBaseline?: boolean;
  /** Whether this candidate may replace the baseline. */
  readonly qualifies: boolean;
}

/** What {@link compareCandidates} returns. */
export interface CompareCandidatesResult {
  /** `'replace'` when a candidate beat the baseline beyond noise, else `'keep-baseline'`. */
  readonly decision: 'replace' | 'keep-baseline';
  /** The chosen arm: a candidate's name, or the baseline's name. */
  readonly choice: string;
  /** The baseline first, then the candidates in the order given (the data of the box plots). */
  readonly arms: ArmResult[];
  /** One test per candidate. */
  readonly tests: CandidateTest[];
  /** The rule used, in words. */
  readonly method: string;
  /** Lines of evidence with the numbers behind the decision. */
  readonly evidence: string[];
  /** The seeds every arm was run with. */
  readonly seeds: number[];
}

/**
 * Choose how to update a model (lesson 14): score the existing model and every candidate
 * update over the same seeds and data, and replace the model only with a candidate whose mean
 * score beats the baseline's by more than run-to-run noise. "More than noise" is a one-sided
 * Welch t-test (unequal variances) at level `alpha`; among the candidates that pass, the best
 * mean wins. A named `fairBaseline` candidate must be beaten too, so "just train more" does
 * not pass for a better method.
 *
 * @param options baseline and candidate trials, repeats or seeds, fair baseline, mode, alpha, executor
 * @returns the decision, the chosen arm, per-arm summaries, the tests and the evidence
 * @throws EvaluationError with no candidates, fewer than 2 repeats, a clashing name or an unknown fairBaseline; TrialError when a run fails
 * @example
 * const r = await compareCandidates({
 *   baseline: async ({ seed }) => scoreExisting(seed),
 *   candidates: { 'refit new': async ({ seed }) => refitOnNew(seed), 'new model': async ({ seed }) => freshOnNew(seed) },
 *   repeats: 10, seed: 1 });
 * console.log(r.choice, r.evidence.join('\n'));
 */
export async function compareCandidates(options: CompareCandidatesOptions): Promise<CompareCandidatesResult> {
  const baselineName = options.baselineName ?? 'baseline';
  const mode = options.mode ?? 'min';
  const alpha = options.alpha ?? 0.05;
  const names = Object.keys(options.candidates ?? {});
  if (typeof options.baseline !== 'function') {
    throw new EvaluationError('expected `baseline` to be a trial function scoring the existing model, got ' + typeof options.baseline);
  }
  if (names.length === 0) {
    throw new EvaluationError('expected at least one candidate in `candidates`, got none; e.g. { "refit on new data": trial }');
  }
  if (names.includes(baselineName)) {
    throw new EvaluationError(`candidate name '${baselineName}' clashes with the baseline's name; rename it or pass baselineName`);
  }
  if (options.fairBaseline !== undefined && !names.includes(options.fairBaseline)) {
    throw new EvaluationError(`fairBaseline '${options.fairBaseline}' is not a candidate (candidates: ${names.join(', ')}); add it to candidates`);
  }
  if (mode !== 'min' && mode !== 'max') throw new EvaluationError(`expected mode 'min' or 'max', got '${String(mode)}'`);
  if (!(alpha > 0 && alpha < 1)) throw new EvaluationError(`expected alpha in (0, 1), got ${alpha}; 0.05 is usual`);
  const seeds = repeatSeeds(options);
  if (seeds.length < 2) {
    throw new EvaluationError(`expected at least 2 repeats to compare candidates against noise, got ${seeds.length}; use 5 or more`);
  }
  const armNames = [baselineName, ...names];
  const trials: Record<string, Trial> = { [baselineName]: options.baseline, ...options.candidates };
  const jobs: TrialJob[] = armNames.flatMap((arm) => seeds.map((seed, r) => ({ seed, repeat: r, arm })));
  const executor = options.executor ?? inlineExecutor();
  const runs = await executor.run(
    jobs,
    async (job) => trials[job.arm!](contextOf(job)),
    options.onRun && ((run, i) => options.onRun!(armNames[Math.floor(i / seeds.length)], run)),
  );
  const arms: ArmResult[] = armNames.map((name, a) => {
    const own = runs.slice(a * seeds.length, (a + 1) * seeds.length);
    const scores = own.map((r) => r.score);
    return { name, isBaseline: a === 0, summary: describe(scores), scores, runs: own };
  });
  const byName = new Map(arms.map((a) => [a.name, a]));
  const alternative = mode === 'min' ? 'less' : 'greater';
  const better = (t: WelchTTestResult) => t.pValue < alpha && (mode === 'min' ? t.meanDifference < 0 : t.meanDifference > 0);
  const fair = options.fairBaseline;
  const tests: CandidateTest[] = names.map((name) => {
    const scores = byName.get(name)!.scores;
    const vsBaseline = welchTTest(scores, arms[0].scores, { alternative });
    const beatsBaseline = better(vsBaseline);
    if (fair === undefined || name === fair) return { name, vsBaseline, beatsBaseline, qualifies: beatsBaseline };
    const vsFairBaseline = welchTTest(scores, byName.get(fair)!.scores, { alternative });
    const beatsFairBaseline = better(vsFairBaseline);
    return { name, vsBaseline, beatsBaseline, vsFairBaseline, beatsFairBaseline, qualifies: beatsBaseline && beatsFairBaseline };
  });
  let winner: ArmResult | undefined;
  for (const t of tests) {
    if (!t.qualifies) continue;
    const arm = byName.get(t.name)!;
    if (!winner || (mode === 'min' ? arm.summary.mean < winner.summary.mean : arm.summary.mean > winner.summary.mean)) winner = arm;
  }
  const method =
    `one-sided Welch t-test (unequal variances) of each candidate against '${baselineName}'` +
    (fair !== undefined ? ` and against the fair baseline '${fair}'` : '') +
    `, alpha ${alpha}, ${seeds.length} runs per arm over the same seeds; ${mode === 'min' ? 'lower' : 'higher'} is better; best mean among those that pass`;
  const f = (v: number) => formatScore(v);
  const evidence: string[] = [`method: ${method}`];
  for (const arm of arms) {
    evidence.push(`${arm.name}: mean ${f(arm.summary.mean)}, std ${f(arm.summary.std)}, sem ${f(arm.summary.sem)}, min ${f(arm.summary.min)}, max ${f(arm.summary.max)} (n=${arm.summary.count})`);
  }
  for (const t of tests) {
    let line = `${t.name} vs ${baselineName}: difference ${f(t.vsBaseline.meanDifference)}, t=${t.vsBaseline.t.toFixed(3)}, df=${t.vsBaseline.df.toFixed(1)}, p=${t.vsBaseline.pValue.toPrecision(3)} → ${t.beatsBaseline ? 'beats it' : 'not better beyond noise'}`;
    if (t.vsFairBaseline) {
      line += `; vs ${fair}: difference ${f(t.vsFairBaseline.meanDifference)}, p=${t.vsFairBaseline.pValue.toPrecision(3)} → ${t.beatsFairBaseline ? 'beats it' : 'not better beyond noise'}`;
    }
    evidence.push(line);
  }
  evidence.push(
    winner
      ? `decision: replace the model with '${winner.name}' (mean ${f(winner.summary.mean)} vs ${baselineName} ${f(arms[0].summary.mean)})`
      : `decision: keep ${baselineName}: no candidate beat it by more than run-to-run noise`,
  );
  return {
    decision: winner ? 'replace' : 'keep-baseline',
    choice: winner ? winner.name : baselineName,
    arms,
    tests,
    method,
    evidence,
    seeds,
  };
}

function formatScore(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  return Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(6) : v.toExponential(3);
}
