export { LayerConfigError, LayerShapeError } from './errors';
export { KERAS_DEFAULTS } from './keras-defaults';
export { clearSession, uniqueLayerName } from './layer-names';
export type { ActivationName, BaseLayerOptions, ConstraintLike, InitializerLike, RegularizerLike } from './layer-options';
export type { RecurrentImplementation, RecurrentOptions } from './recurrent-options';
export {
  GlorotNormal,
  GlorotUniform,
  Orthogonal,
  RandomNormal,
  RandomUniform,
  type OrthogonalOptions,
  type RandomNormalOptions,
  type RandomUniformOptions,
  type SeedOptions,
  type TfInitializer,
  glorotNormal,
  glorotUniform,
  orthogonal,
  randomNormal,
  randomUniform,
} from './seeded-initializers';
export { LSTM, type LstmOptions, lstm } from './lstm';
export { type DenseOptions, dense } from './dense';
export { type ModelSummary, type SummaryOptions, type SummaryRow, summary } from './summary';
export type { CompileOptions, RecipeBaseOptions } from './recipes/compile-options';
export { type VanillaOptions, vanilla } from './recipes/vanilla';
export { GRU, type GruOptions, gru } from './gru';
export { SimpleRNN, type SimpleRnnOptions, simpleRnn } from './simple-rnn';
export { type DropoutOptions, dropout } from './dropout';
export { type ActivationOptions, activation } from './activation';
export { type BatchNormalizationOptions, batchNormalization } from './batch-normalization';
export { type LayerNormalizationOptions, layerNormalization } from './layer-normalization';
export { type MaskingOptions, masking } from './masking';
export { type BidirectionalOptions, type MergeMode, bidirectional } from './bidirectional';
export { TimeDistributed, type TimeDistributedOptions, timeDistributed } from './time-distributed';
export { type RepeatVectorOptions, repeatVector } from './repeat-vector';
export { type Conv2dOptions, conv2d } from './conv2d';
export { type MaxPooling2dOptions, maxPooling2d } from './max-pooling2d';
export { type FlattenOptions, flatten } from './flatten';
export { type ConvLstm2dOptions, convLstm2d } from './conv-lstm2d';
export { resetStates } from './stateful';
export { type StackedLayer, type StackedOptions, stacked } from './recipes/stacked';
export { type CnnLstmOptions, cnnLstm } from './recipes/cnn-lstm';
export { type EncoderDecoderOptions, encoderDecoder } from './recipes/encoder-decoder';
export { type BidirectionalLstmOptions, bidirectionalLstm } from './recipes/bidirectional-lstm';
export { type GenerativeOptions, generative } from './recipes/generative';
export { type DeepLstmOptions, deepLstm, deepLstmWidths } from './recipes/deep-lstm';
export { type SequenceModel, type SequenceModelOptions, type SequenceType, sequenceModel } from './recipes/sequence-model';
export { recipes } from './recipes/recipes';
export { registerWasmGradients } from './wasm-gradients';
export { registerGradientFixes } from './gradient-fixes';
export { disposeModel } from './dispose-model';
