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
  type OptimizerName,
  type OptimizerSpec,
  getLearningRate,
  resolveOptimizer,
  setLearningRate,
} from './optimizers';
export { History, type TrainingParams } from './history';
export type { Callback, Logs, TrainingContext } from './callbacks/callback';
export { type FitOptions, type ResetPolicy, fit } from './fit';
export { type FitOnlineOptions, type OnlineGenerator, type OnlineSample, fitOnline } from './fit-online';
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
export * from './evaluation/index';
