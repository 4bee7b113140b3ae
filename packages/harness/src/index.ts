export { TRAINING_DEFAULTS } from './defaults';
export { TrainingConfigError } from './errors';
export { type CompileOptions, compileModel } from './compile-model';
export {
  type Loss,
  type LossFn,
  type LossName,
  LOSS_NAMES,
  meanPerSample,
  perSampleAbsoluteError,
  perSampleBinaryCrossentropy,
  perSampleCategoricalCrossentropy,
  perSampleSquaredError,
  resolveLoss,
} from './losses';
export {
  type Metric,
  type MetricContext,
  type MetricName,
  METRIC_NAMES,
  binaryAccuracy,
  categoricalAccuracy,
  resolveMetric,
  sequenceExactMatch,
} from './metrics';
export {
  type OptimizerConfig,
  type OptimizerImplementation,
  type OptimizerName,
  type OptimizerSpec,
  type ResolveOptimizerOptions,
  getLearningRate,
  resolveOptimizer,
  setLearningRate,
} from './optimizers';
export { FusedOptimizer, type SlotSpec } from './fused-optimizers/fused-optimizer';
export { FusedAdam } from './fused-optimizers/fused-adam';
export { FusedSgd } from './fused-optimizers/fused-sgd';
export { FusedMomentum } from './fused-optimizers/fused-momentum';
export { FusedRmsprop } from './fused-optimizers/fused-rmsprop';
export { FusedAdagrad } from './fused-optimizers/fused-adagrad';
export { History, type TrainingParams } from './history';
export type { Callback, Logs, TrainingContext } from './callbacks/callback';
export { type FitOptions, type ResetPolicy, fit } from './fit';
export { type FitOnlineOptions, type OnlineGenerator, type OnlineSample, fitOnline } from './fit-online';
export { type TruncatedBpttOptions, fitTruncatedBptt } from './truncated-bptt';
export { type EvaluateOptions, evaluate } from './evaluate';
export { type PredictOptions, classesOf, predict, predictClasses, predictProba } from './predict';
export {
  ProgressBar,
  type ProgressBarOptions,
  type ProgressOutput,
  type Verbose,
  formatDuration,
  formatLogs,
} from './progress-bar';
export { type EarlyStopping, type EarlyStoppingOptions, earlyStopping } from './callbacks/early-stopping';
export {
  type ModelCheckpoint,
  type ModelCheckpointOptions,
  formatCheckpointPath,
  modelCheckpoint,
} from './callbacks/model-checkpoint';
export {
  type LearningRateSchedule,
  type LearningRateSchedulerOptions,
  exponentialDecay,
  learningRateScheduler,
  stepDecay,
  timeBasedDecay,
} from './callbacks/learning-rate-scheduler';
export { type CsvLoggerOptions, csvLogger } from './callbacks/csv-logger';
export { jsonLinesLogger } from './callbacks/json-lines-logger';
export { type EpochLoggerOptions, epochLogger } from './callbacks/epoch-logger';
export type { MonitorMode } from './callbacks/monitor';
export * from './evaluation/index';
