import { readFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { CorruptFileError, ModelFormatError, ModelNotFoundError } from './errors';
import { writeFileAtomic } from './internal/atomic-write';
import { pathFromUrlOrPath } from './internal/bundle-store';

/**
 * Save a model's architecture (no weights) as JSON, the way Keras's `model.to_json()` does:
 * the layers and their configuration, written atomically.
 *
 * @param model the model whose architecture to save
 * @param path the JSON file to write; `file://` allowed
 * @returns nothing once the file is in place
 * @throws Error from the file system; no partial file is left behind
 * @example
 * await saveArchitecture(model, 'models/b13-architecture.json');
 * await saveWeights(model, 'models/b13-weights.lstmkit');
 */
export async function saveArchitecture(model: tf.LayersModel, path: string): Promise<void> {
  const json = model.toJSON(null, false);
  await writeFileAtomic(pathFromUrlOrPath(path), new TextEncoder().encode(JSON.stringify(json, null, 2)));
}

/**
 * Build a new, untrained model from an architecture JSON written by {@link saveArchitecture}
 * (or by Keras's `to_json`, or a tfjs `model.json`, whose weights are then ignored).
 *
 * @param path the JSON file; `file://` allowed
 * @returns a new model with freshly initialised weights (load weights with `loadWeights`)
 * @throws ModelNotFoundError when the file does not exist
 * @throws CorruptFileError when it is not valid JSON (truncated or damaged)
 * @throws ModelFormatError when the JSON is not a model architecture
 * @example
 * const model = await loadArchitecture('models/b13-architecture.json');
 * await loadWeights(model, 'models/b13-weights.lstmkit');
 */
export async function loadArchitecture(path: string): Promise<tf.LayersModel> {
  const file = pathFromUrlOrPath(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ModelNotFoundError(`no architecture file at ${file}; expected the JSON written by saveArchitecture (check the path)`);
    }
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CorruptFileError(`${file} is not valid JSON (${(e as Error).message}); the file is truncated or corrupted: re-save the architecture`);
  }
  const topology = (json as { modelTopology?: unknown } | null)?.modelTopology ?? json;
  if (typeof topology !== 'object' || topology === null || typeof (topology as { class_name?: unknown }).class_name !== 'string') {
    throw new ModelFormatError(`expected ${file} to hold a model architecture ({"class_name": "Sequential" | "Model", "config": ...}); was it written by saveArchitecture?`);
  }
  return tf.models.modelFromJSON({ modelTopology: topology as tf.serialization.ConfigDict });
}
