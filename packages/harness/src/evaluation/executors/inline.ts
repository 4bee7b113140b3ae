import { toRun, trialFailed, type TrialJob, type TrialRun } from '../trial';
import type { Executor } from './executor';

/**
 * An executor that runs trials one after another in this thread: the default, and the one
 * to debug with. Trials never overlap, because two tfjs trainings interleaving on one
 * backend would share its memory and make timings (not results) hard to read.
 *
 * @returns an executor for `repeat`, `gridSearch` and `compareCandidates`
 * @example
 * const r = await repeat(trial, { repeats: 5, seed: 1, executor: inlineExecutor() });
 * console.log(r.summary.mean);
 */
export function inlineExecutor(): Executor {
  return {
    kind: 'inline',
    concurrency: 1,
    async run(jobs, local, onRun) {
      const runs: TrialRun[] = [];
      for (let i = 0; i < jobs.length; i++) {
        const job: TrialJob = jobs[i];
        let raw: unknown;
        try {
          raw = await local(job);
        } catch (e) {
          throw trialFailed(e, job, 'inline');
        }
        const run = toRun(raw, job, 'inline');
        runs.push(run);
        onRun?.(run, i);
      }
      return runs;
    },
    async close() {
      // Nothing to release: inline trials hold no threads.
    },
  };
}
