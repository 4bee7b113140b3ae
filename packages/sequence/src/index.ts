export { ShapeError, ValueError } from './errors';
export {
  type NdArray,
  type Nested,
  assertFinite,
  assertShape,
  concatRows,
  fromNested,
  ndarray,
  reshape,
  shapeOf,
  sizeOf,
  sliceRows,
  takeRows,
  toNested,
  zeros,
} from './nd-array';
export { oneHotDecode, oneHotEncode } from './one-hot';
export { type Rng, createRng } from './random';
export type { SeriesInput } from './internal/matrix';
export { seriesTo3d, parallelTo3d, toSequences, columnsTo3d } from './to-3d';
export { MinMaxScaler, type MinMaxScalerOptions, type MinMaxScalerJSON } from './min-max-scaler';
export { StandardScaler, type StandardScalerJSON } from './standard-scaler';
export { LabelEncoder, type Label, type LabelEncoderJSON } from './label-encoder';
export { OneHotEncoder, type OneHotEncoderOptions, type OneHotEncoderJSON } from './one-hot-encoder';
export { type Alphabet, encodeString, decodeString, encodeStringOneHot, decodeStringOneHot } from './string-encoding';
export { padSequences, type PadSequencesOptions, type PadInput } from './pad-sequences';
export { shift } from './shift';
export { seriesToSupervised, type SeriesToSupervisedOptions, type SupervisedFrame } from './series-to-supervised';
export {
  splitSequence,
  splitMultipleInputs,
  splitParallelSeries,
  slidingWindows,
  type WindowOptions,
  type MultipleInputsOptions,
  type WindowedSamples,
} from './split-sequence';
export { splitSubsequences, type SubsequenceOptions } from './subsequences';
export { resample, type ResampleOptions, type ResampledSeries } from './resample';
export { interpolateLinear, type InterpolateOptions } from './interpolate';
export { fillSeasonalMean, type SeasonalFillOptions } from './seasonal-fill';
export { maskMissing, timestepMask, type MaskOptions } from './masking';
export { difference, inverseDifference, Differencer, type DifferenceOptions, type DifferencerJSON } from './difference';
export {
  logTransform,
  inverseLogTransform,
  boxCox,
  inverseBoxCox,
  boxCoxLambda,
  LogTransformer,
  BoxCoxTransformer,
  type LogTransformerJSON,
  type BoxCoxTransformerJSON,
} from './power-transforms';
export { SlidingWindow, type SlidingWindowOptions, type SlidingWindowJSON } from './sliding-window';
export {
  Pipeline,
  type PipelineStep,
  type PipelineStepJSON,
  type PipelineJSON,
  type InverseOutputOptions,
  type SupervisedSamples,
} from './pipeline';
