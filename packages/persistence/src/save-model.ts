import * as tf from '@tensorflow/tfjs';
import { type SaveOptions, saveBundle } from './bundle';
import { fileSystem } from './file-io-handler';
import type { BundleManifest } from './manifest';

/**
 * Save a model to disk, as a folder of tfjs's `model.json` + `weights.bin` (plus a
 * checksummed `manifest.json`) or as one bundle file; the write is atomic, so a crash leaves
 * the previously saved model intact.
 *
 * @param model the model to save
 * @param path a folder (`format: 'directory'`, the default) or a file (`format: 'file'`); `file://` allowed
 * @param options `format`, `includeOptimizer` (see {@link SaveOptions})
 * @returns the manifest written
 * @throws Error from the file system (permissions, disk full); nothing half-written is left behind
 * @example
 * await saveModel(model, 'models/b13');                                  // folder
 * await saveModel(model, 'models/b13.lstmkit', { format: 'file' });      // one file
 * await saveModel(model, 'models/b13', { includeOptimizer: true });      // resume training later
 */
export async function saveModel(model: tf.LayersModel, path: string, options: SaveOptions = {}): Promise<BundleManifest> {
  return saveBundle({ model }, path, options);
}

/**
 * Load a model saved by {@link saveModel} (either form), by tfjs-node, or by the tfjs
 * converter, verifying sizes and SHA-256 checksums when a manifest is present. A model saved
 * with `includeOptimizer` comes back compiled with its optimizer state.
 *
 * @param path the folder, its `model.json`, or a bundle file; `file://` allowed
 * @returns the model
 * @throws ModelNotFoundError when nothing is there
 * @throws ChecksumError, TruncatedFileError, CorruptFileError when files are damaged
 * @throws ManifestError, PathEscapeError, FormatVersionError when the manifest is refused
 * @example
 * const model = await loadModel('models/b13');
 * const y = model.predict(tf.tensor3d([[[0.1], [0.2], [0.3]]])) as tf.Tensor;
 */
export async function loadModel(path: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystem(path));
}
