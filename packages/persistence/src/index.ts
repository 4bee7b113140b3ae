export {
  PersistenceError,
  ModelNotFoundError,
  CorruptFileError,
  ChecksumError,
  TruncatedFileError,
  ManifestError,
  PathEscapeError,
  FormatVersionError,
  ModelFormatError,
  WeightsMismatchError,
  PipelineError,
} from './errors';
export {
  type BundleKind,
  type BundleManifest,
  type ManifestFileEntry,
  LSTM_KIT_VERSION,
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_VERSION,
  assertRelativePath,
  confinedPath,
  createManifest,
  parseManifest,
  sha256Hex,
  verifyFile,
} from './manifest';
export { type FileSystemOptions, fileSystem } from './file-io-handler';
export { fileRouter } from './file-router';
export {
  type BundleContents,
  type BundleMetadata,
  type LoadBundleOptions,
  type LoadedBundle,
  type PipelineLike,
  type PipelineReviver,
  type SaveOptions,
  loadBundle,
  saveBundle,
} from './bundle';
export { loadModel, saveModel } from './save-model';
export { loadArchitecture, saveArchitecture } from './architecture';
export {
  type LoadWeightsOptions,
  type SaveWeightsOptions,
  type SavedLayerWeights,
  type SavedWeight,
  loadWeights,
  saveWeights,
} from './weights';
export { type ReplaceWeightsResult, backupPathFor, replaceWeights, rollback } from './replace-weights';
export type { BundleFormat } from './internal/bundle-store';
