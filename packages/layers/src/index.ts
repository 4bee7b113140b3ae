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
