import type { TrialJob, TrialRun } from '../trial';

/**
 * How trial jobs are run. `local` is the trial as a function in this thread; an executor
 * that cannot call functions (a worker pool) runs its own module export instead, given the
 * same job, so both produce the same runs for a deterministic trial.
 */
export interface Executor {
  /** `inline` or `worker-pool`: named in errors and reports. */
  readonly kind: string;
  /** How many trials run at the same time. */
  readonly concurrency: number;
  /**
   * Run every job and return the runs in job order, whatever order they finished in.
   * `onRun` is called as each run finishes (in finishing order).
   */
  run(
    jobs: readonly TrialJob[],
    local: (job: TrialJob) => Promise<unknown>,
    onRun?: (run: TrialRun, index: number) => void,
  ): Promise<TrialRun[]>;
  /** Release threads and other resources; the executor can still be used afterwards (it restarts). */
  close(): Promise<void>;
}
