export { EvaluationError, HistoryError, TrialError, WorkerPoolError, type TrialFailure } from './errors';
export {
  type ConfigTrial,
  type HistoryRecord,
  type Trial,
  type TrialContext,
  type TrialJob,
  type TrialResult,
  type TrialRun,
} from './trial';
export { diagnose, type Diagnosis, type DiagnoseOptions, type HistoryLike } from './diagnose';
export { DESCRIBE_ROWS, describe, formatDescribe, quantile, type DescribeTable, type FormatDescribeOptions } from './describe';
export { DEFAULT_EVALUATION_SEED, repeatSeeds, type RepeatSeedOptions } from './repeat-seeds';
export { repeat, type RepeatOptions, type RepeatResult } from './repeat';
export {
  formatGridTable,
  gridSearch,
  type FormatGridTableOptions,
  type GridMarginal,
  type GridRow,
  type GridSearchOptions,
  type GridSearchResult,
  type SearchSpace,
} from './grid-search';
export { welchTTest, type WelchTTestOptions, type WelchTTestResult } from './welch-t-test';
export {
  compareCandidates,
  type ArmResult,
  type CandidateTest,
  type CompareCandidatesOptions,
  type CompareCandidatesResult,
} from './compare-candidates';
export { type Executor } from './executors/executor';
export { inlineExecutor } from './executors/inline';
export { workerPoolExecutor, type WorkerPoolExecutor, type WorkerPoolOptions } from './executors/worker-pool';
