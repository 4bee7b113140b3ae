import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { CorruptFileError, ModelFormatError, TruncatedFileError } from '../errors';
import { assertRelativePath } from '../manifest';
import type { OpenedStore } from './bundle-store';

/** The file names tfjs-node's handler writes, kept so files interoperate. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

const encoder = new TextEncoder();

/** Bytes of one element of each dtype as stored (after quantization, when any). */
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };

/** A Uint8Array view of tfjs weight data (one buffer or shards). */
export function weightBytes(data: tf.io.WeightData | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  return new Uint8Array(tf.io.CompositeArrayBuffer.join(data));
}

/** A standalone ArrayBuffer holding exactly these bytes (tfjs decoders read whole buffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * The `model.json` and `weights.bin` bytes for model artifacts, laid out exactly as
 * tfjs-node's `file://` handler writes them (same keys, same order, one weights shard).
 */
export function artifactsToFiles(artifacts: tf.io.ModelArtifacts): { modelJson: Uint8Array; weights: Uint8Array } {
  if (artifacts.modelTopology instanceof ArrayBuffer) {
    throw new ModelFormatError('expected a layers model with a JSON topology, got a binary (graph) topology; lstm-kit saves tf.LayersModel only');
  }
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
  };
  if (artifacts.trainingConfig != null) modelJson.trainingConfig = artifacts.trainingConfig;
  if (artifacts.signature != null) modelJson.signature = artifacts.signature;
  if (artifacts.userDefinedMetadata != null) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
  if (artifacts.modelInitializer != null) modelJson.modelInitializer = artifacts.modelInitializer;
  if (artifacts.initializerSignature != null) modelJson.initializerSignature = artifacts.initializerSignature;
  return { modelJson: encoder.encode(JSON.stringify(modelJson)), weights: weightBytes(artifacts.weightData) };
}

/** Parse `model.json` bytes, with messages that say a cut-short file is cut short. */
export function parseModelJson(bytes: Uint8Array, where: string): tf.io.ModelJSON {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new CorruptFileError(
      `${where} is not valid JSON (${(e as Error).message}; ${bytes.byteLength} bytes): the file is truncated or corrupted; restore it from a backup or re-save the model`,
    );
  }
  const m = json as Partial<tf.io.ModelJSON> | null;
  if (typeof m !== 'object' || m === null || typeof m.modelTopology !== 'object' || m.modelTopology === null) {
    throw new ModelFormatError(`expected ${where} to hold a tfjs model.json with a modelTopology object; got ${m === null ? 'null' : typeof m === 'object' ? `keys ${Object.keys(m).join(', ')}` : typeof m}`);
  }
  if (m.format != null && m.format !== 'layers-model') {
    throw new ModelFormatError(`${where} has format "${m.format}", expected "layers-model"; load graph models with tf.loadGraphModel instead`);
  }
  if (m.weightsManifest != null) {
    if (!Array.isArray(m.weightsManifest) || m.weightsManifest.some((g) => !Array.isArray(g?.paths) || !Array.isArray(g?.weights))) {
      throw new ModelFormatError(`expected ${where}'s weightsManifest to be an array of {paths: string[], weights: [...]} groups`);
    }
    for (const g of m.weightsManifest) for (const p of g.paths) assertRelativePath(p, `the weightsManifest of ${where}`);
  }
  return m as tf.io.ModelJSON;
}

/** How many bytes the weights described by some specs occupy, or null when not computable (strings). */
export function expectedWeightByteLength(specs: readonly tf.io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const s of specs) {
    const dtype = s.quantization?.dtype ?? s.dtype;
    const per = DTYPE_BYTES[dtype];
    if (per === undefined) return null;
    total += s.shape.reduce((a, b) => a * b, 1) * per;
  }
  return total;
}

/** Check that weight bytes are as long as their specs need, before tfjs reads past the end. */
export function assertWeightLength(specs: readonly tf.io.WeightsManifestEntry[], bytes: Uint8Array, where: string): void {
  const expected = expectedWeightByteLength(specs);
  if (expected === null || expected === bytes.byteLength) return;
  const Err = bytes.byteLength < expected ? TruncatedFileError : CorruptFileError;
  throw new Err(
    `${where} holds ${bytes.byteLength} bytes of weights, but the weight specs need ${expected}: the weights file is ${bytes.byteLength < expected ? 'cut short' : 'longer than expected'}; restore it from a backup or re-save the model`,
  );
}

/**
 * Read model artifacts (topology, training config, weights) from an opened bundle,
 * following `model.json`'s weights manifest the way tfjs does.
 */
export async function artifactsFromStore(store: OpenedStore): Promise<{ artifacts: tf.io.ModelArtifacts; modelJson: tf.io.ModelJSON }> {
  const entry = store.entry ?? MODEL_JSON;
  const where = store.form === 'directory' ? join(store.location, entry) : `${store.location} (part ${entry})`;
  const bytes = await store.part(entry, where);
  if (bytes === undefined) {
    throw new ModelFormatError(`expected a ${entry} in ${store.location}; it is missing. Is this a folder written by saveWeights or another tool? Point loadModel at a saved model`);
  }
  const modelJson = parseModelJson(bytes, where);
  const specs: tf.io.WeightsManifestEntry[] = [];
  const shards: Uint8Array[] = [];
  for (const group of modelJson.weightsManifest ?? []) {
    specs.push(...group.weights);
    for (const p of group.paths) {
      const shard = await store.part(p, `the weightsManifest of ${where}`);
      if (shard === undefined) {
        throw new ModelFormatError(`${where} refers to the weights file "${p}", which is missing from ${store.location}; copy it beside model.json or re-save the model`);
      }
      shards.push(shard);
    }
  }
  const weights = shards.length === 1 ? shards[0] : concatBytes(shards);
  assertWeightLength(specs, weights, `${store.location} (weights)`);
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: modelJson.modelTopology,
    format: modelJson.format,
    generatedBy: modelJson.generatedBy,
    convertedBy: modelJson.convertedBy,
    weightSpecs: specs,
    weightData: toArrayBuffer(weights),
  };
  if (modelJson.trainingConfig != null) artifacts.trainingConfig = modelJson.trainingConfig;
  if (modelJson.signature != null) artifacts.signature = modelJson.signature;
  if (modelJson.userDefinedMetadata != null) artifacts.userDefinedMetadata = modelJson.userDefinedMetadata;
  if (modelJson.modelInitializer != null) artifacts.modelInitializer = modelJson.modelInitializer;
  if (modelJson.initializerSignature != null) artifacts.initializerSignature = modelJson.initializerSignature;
  return { artifacts, modelJson };
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let k = 0;
  for (const c of chunks) {
    out.set(c, k);
    k += c.byteLength;
  }
  return out;
}

/**
 * Capture what `model.save` would write, in memory: the exact artifacts tfjs produces,
 * so every form this package writes starts from the same bytes as stock tfjs.
 */
export async function captureArtifacts(model: tf.LayersModel, includeOptimizer: boolean): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
    { includeOptimizer },
  );
  if (captured === undefined) throw new Error('tfjs did not pass the model artifacts to the save handler');
  return captured;
}
