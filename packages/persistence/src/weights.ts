import * as tf from '@tensorflow/tfjs';
import { ModelFormatError, PersistenceError, WeightsMismatchError } from './errors';
import { type BundleFormat, openStore, writeStore } from './internal/bundle-store';
import { WEIGHTS_BIN, assertWeightLength, expectedWeightByteLength, toArrayBuffer } from './internal/model-artifacts';
import type { BundleManifest } from './manifest';

/** The part describing the saved weights, layer by layer. */
const WEIGHTS_JSON = 'weights.json';

/** One saved weight of a layer. */
export interface SavedWeight {
  /** The name relative to its layer (`kernel`, `recurrent_kernel`, `bias`, `gamma`…). */
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: string;
}

/** One layer's saved weights, in the layer's own order (`layer.weights`). */
export interface SavedLayerWeights {
  readonly layer: string;
  readonly className: string;
  readonly weights: readonly SavedWeight[];
}

/** Options of {@link saveWeights}. */
export interface SaveWeightsOptions {
  /** `'file'` (default): one checksummed file; `'directory'`: a folder with `weights.json`, `weights.bin`, `manifest.json`. */
  readonly format?: BundleFormat;
}

/** Options of {@link loadWeights}. */
export interface LoadWeightsOptions {
  /**
   * How saved layers are paired with the model's: `'order'` (default, as Keras's
   * `load_weights`) pairs the layers that have weights in order and checks class, weight
   * names and shapes, so a model rebuilt from code (with other auto-generated layer names)
   * still loads; `'name'` pairs layers by name and also requires every name to match.
   */
  readonly match?: 'order' | 'name';
}

interface WeightsFile {
  format: 'lstm-kit-weights';
  layers: SavedLayerWeights[];
  weightsManifest: tf.io.WeightsManifestConfig;
}

function relativeName(layer: tf.layers.Layer, fullName: string): string {
  return fullName.startsWith(`${layer.name}/`) ? fullName.slice(layer.name.length + 1) : fullName;
}

/** The model's layers that hold weights, described like a saved file describes them. */
function describe(model: tf.LayersModel): Array<{ layer: tf.layers.Layer; saved: SavedLayerWeights }> {
  return model.layers
    .filter((l) => l.weights.length > 0)
    .map((layer) => ({
      layer,
      saved: {
        layer: layer.name,
        className: layer.getClassName(),
        weights: layer.weights.map((w) => ({ name: relativeName(layer, w.originalName), shape: [...w.shape] as number[], dtype: w.dtype })),
      },
    }));
}

/**
 * Save a model's weights (no architecture) to one checksummed file, with each layer's name,
 * class and weight shapes so that loading can check they fit.
 *
 * @param model the model whose weights to save
 * @param path the file (or folder, with `format: 'directory'`) to write; `file://` allowed
 * @param options `format` (see {@link SaveWeightsOptions})
 * @returns the manifest written
 * @throws Error from the file system; nothing half-written is left behind
 * @example
 * await saveArchitecture(model, 'models/b13-architecture.json');
 * await saveWeights(model, 'models/b13-weights.lstmkit');
 */
export async function saveWeights(model: tf.LayersModel, path: string, options: SaveWeightsOptions = {}): Promise<BundleManifest> {
  const described = describe(model);
  const named: Array<{ name: string; tensor: tf.Tensor }> = [];
  for (const { layer } of described) for (const w of layer.weights) named.push({ name: w.originalName, tensor: w.read() });
  // read() hands out the variables themselves, not copies, so nothing here is disposed.
  const { data, specs } = await tf.io.encodeWeights(named);
  const file: WeightsFile = {
    format: 'lstm-kit-weights',
    layers: described.map((d) => d.saved),
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: specs }],
  };
  return writeStore(
    path,
    'weights',
    [
      [WEIGHTS_JSON, new TextEncoder().encode(JSON.stringify(file))],
      [WEIGHTS_BIN, new Uint8Array(tf.io.CompositeArrayBuffer.join(data))],
    ],
    { format: options.format ?? 'file' },
  );
}

const fmt = (shape: readonly number[]) => `[${shape.join(', ')}]`;
const FIX = 'load weights into the architecture they were saved from (loadArchitecture), or retrain';

function checkLayer(saved: SavedLayerWeights, current: SavedLayerWeights, where: string): void {
  if (saved.className !== current.className) {
    throw new WeightsMismatchError(`${where}: the file holds weights of a ${saved.className} layer ("${saved.layer}"), the model has a ${current.className} ("${current.layer}"); ${FIX}`);
  }
  if (saved.weights.length !== current.weights.length) {
    throw new WeightsMismatchError(
      `${where}: layer "${current.layer}" (${current.className}) has ${current.weights.length} weights (${current.weights.map((w) => w.name).join(', ')}), the file has ${saved.weights.length} (${saved.weights.map((w) => w.name).join(', ')}) for "${saved.layer}"; check useBias and similar options, or ${FIX}`,
    );
  }
  saved.weights.forEach((s, j) => {
    const c = current.weights[j];
    if (s.name !== c.name) {
      throw new WeightsMismatchError(`${where}: weight ${j} of layer "${current.layer}" is "${c.name}", the file has "${s.name}"; ${FIX}`);
    }
    if (s.shape.length !== c.shape.length || s.shape.some((d, k) => d !== c.shape[k]) || s.dtype !== c.dtype) {
      throw new WeightsMismatchError(
        `${where}: layer "${current.layer}" weight "${c.name}" has shape ${fmt(c.shape)} ${c.dtype}, the file has ${fmt(s.shape)} ${s.dtype}; the layer sizes differ (units, input features?): ${FIX}`,
      );
    }
  });
}

/**
 * Load weights saved by {@link saveWeights} into an existing model, after checking layer by
 * layer that they fit (layer class, weight names, shapes; layer names too with
 * `match: 'name'`). Nothing is assigned unless every layer fits.
 *
 * @param model the model to load into (built, e.g. by `loadArchitecture` or from code)
 * @param path the weights file or folder; `file://` allowed
 * @param options `match` (see {@link LoadWeightsOptions})
 * @returns the same model, with the saved weights
 * @throws WeightsMismatchError naming the first layer that does not fit, and what to do
 * @throws ChecksumError, TruncatedFileError, ManifestError, FormatVersionError when the file is refused
 * @example
 * const model = await loadArchitecture('models/b13-architecture.json');
 * await loadWeights(model, 'models/b13-weights.lstmkit');
 */
export async function loadWeights(model: tf.LayersModel, path: string, options: LoadWeightsOptions = {}): Promise<tf.LayersModel> {
  const store = await openStore(path);
  if (store.manifest?.kind !== 'weights') {
    throw new PersistenceError(
      `${store.location} is ${store.manifest === null ? 'not an lstm-kit weights file' : 'a whole model'}; loadWeights reads files written by saveWeights (load whole models with loadModel)`,
    );
  }
  const jsonBytes = await store.part(WEIGHTS_JSON, store.location);
  const bin = await store.part(WEIGHTS_BIN, store.location);
  if (jsonBytes === undefined || bin === undefined) {
    throw new ModelFormatError(`${store.location} lacks ${jsonBytes === undefined ? WEIGHTS_JSON : WEIGHTS_BIN}; re-save the weights with saveWeights`);
  }
  const file = JSON.parse(new TextDecoder().decode(jsonBytes)) as WeightsFile;
  const specs = file.weightsManifest.flatMap((g) => g.weights);
  assertWeightLength(specs, bin, store.location);

  const current = describe(model);
  const pairs: Array<{ layer: tf.layers.Layer; offset: number }> = [];
  const offsets: number[] = [];
  let k = 0;
  for (const saved of file.layers) {
    offsets.push(k);
    k += saved.weights.length;
  }
  if (k !== specs.length) throw new ModelFormatError(`${store.location} describes ${k} weights but its manifest has ${specs.length}; re-save the weights`);
  if (options.match === 'name') {
    const byName = new Map(file.layers.map((s, i) => [s.layer, i]));
    for (const c of current) {
      const i = byName.get(c.saved.layer);
      if (i === undefined) {
        throw new WeightsMismatchError(`the model's layer "${c.saved.layer}" has no weights in ${store.location} (it has ${file.layers.map((s) => s.layer).join(', ')}); use match: 'order' for a model rebuilt with other layer names, or ${FIX}`);
      }
      checkLayer(file.layers[i], c.saved, store.location);
      pairs.push({ layer: c.layer, offset: offsets[i] });
    }
    if (current.length !== file.layers.length) {
      const extra = file.layers.filter((s) => !current.some((c) => c.saved.layer === s.layer)).map((s) => s.layer);
      throw new WeightsMismatchError(`${store.location} holds weights for layers the model lacks (${extra.join(', ')}); ${FIX}`);
    }
  } else {
    if (current.length !== file.layers.length) {
      throw new WeightsMismatchError(
        `${store.location} holds weights for ${file.layers.length} layers (${file.layers.map((s) => `${s.layer}: ${s.className}`).join(', ')}), the model has ${current.length} layers with weights (${current.map((c) => `${c.saved.layer}: ${c.saved.className}`).join(', ')}); ${FIX}`,
      );
    }
    current.forEach((c, i) => {
      checkLayer(file.layers[i], c.saved, `${store.location}, layer ${i}`);
      pairs.push({ layer: c.layer, offset: offsets[i] });
    });
  }

  // Decoded per spec (not through one name-keyed map) so that two weights with the same
  // name cannot shadow each other.
  const byteOffsets: number[] = [];
  let b = 0;
  for (const s of specs) {
    byteOffsets.push(b);
    b += expectedWeightByteLength([s]) ?? 0;
  }
  const buffer = toArrayBuffer(bin);
  for (const { layer, offset } of pairs) {
    const values = layer.weights.map((_, j) => {
      const s = specs[offset + j];
      const start = byteOffsets[offset + j];
      const end = start + (expectedWeightByteLength([s]) ?? 0);
      return Object.values(tf.io.decodeWeights(buffer.slice(start, end), [s]))[0];
    });
    try {
      layer.setWeights(values);
    } finally {
      tf.dispose(values);
    }
  }
  return model;
}
