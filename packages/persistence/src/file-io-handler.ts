// Registers lstm-kit's layer classes with tf.serialization, so models using them load.
import '@lstm-kit/layers';
import * as tf from '@tensorflow/tfjs';
import { PersistenceError } from './errors';
import { type BundleFormat, openStore, writeStore } from './internal/bundle-store';
import { MODEL_JSON, WEIGHTS_BIN, artifactsFromStore, artifactsToFiles } from './internal/model-artifacts';

/** Options of {@link fileSystem}. */
export interface FileSystemOptions {
  /**
   * How `save` lays the model out: `'directory'` (default) writes `model.json`,
   * `weights.bin` and `manifest.json` into a folder, like tfjs-node; `'file'` writes one
   * bundle file. `load` recognises either form by itself.
   */
  readonly format?: BundleFormat;
}

/**
 * A tfjs IO handler that saves and loads models on the local file system, in tfjs's
 * `model.json` + `weights.bin` format plus an lstm-kit `manifest.json` (sizes and SHA-256),
 * writing atomically. `load` also reads folders written by tfjs-node or the tfjs converter
 * (no manifest), a `model.json` path, and one-file bundles.
 *
 * @param path a folder, a `model.json`, or a bundle file; a plain path or a `file://` URL
 * @param options see {@link FileSystemOptions}
 * @returns an IO handler for `model.save(handler)` and `tf.loadLayersModel(handler)`
 * @throws PersistenceError subclasses from `load`/`save` (see `loadModel` and `saveModel`)
 * @example
 * await model.save(fileSystem('models/sales'));
 * const same = await tf.loadLayersModel(fileSystem('models/sales'));
 * // once this package is imported, URLs work too:
 * await tf.loadLayersModel('file://models/sales/model.json');
 */
export function fileSystem(path: string, options: FileSystemOptions = {}): tf.io.IOHandler {
  const format = options.format ?? 'directory';
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const { modelJson, weights } = artifactsToFiles(artifacts);
      await writeStore(path, 'model', [[MODEL_JSON, modelJson], [WEIGHTS_BIN, weights]], { format });
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      const store = await openStore(path);
      if (store.manifest?.kind === 'weights') {
        throw new PersistenceError(`${store.location} holds weights only (written by saveWeights); load them into a model with loadWeights(model, path)`);
      }
      return (await artifactsFromStore(store)).artifacts;
    },
  };
}
