import * as tf from '@tensorflow/tfjs';
import type { NdArray } from '@lstm-kit/sequence';
import { CorruptFileError, PersistenceError, PipelineError } from './errors';
import { type BundleFormat, openStore, writeStore } from './internal/bundle-store';
import { MODEL_JSON, WEIGHTS_BIN, artifactsFromStore, artifactsToFiles, captureArtifacts } from './internal/model-artifacts';
import type { BundleManifest } from './manifest';

/** The bundle part holding the fitted pipeline's JSON. */
const PIPELINE_JSON = 'pipeline.json';
/** The bundle part holding the user's metadata. */
const METADATA_JSON = 'metadata.json';

/**
 * What a bundle needs from a fitted preprocessing pipeline; `Pipeline` of
 * `@lstm-kit/sequence` is one. `TRaw` is the raw input `predictRaw` accepts.
 */
export interface PipelineLike<TRaw = unknown> {
  /** A JSON-serialisable description from which a reviver rebuilds the fitted pipeline. */
  toJSON(): unknown;
  /** Raw values to model-ready input `[samples, timesteps, features]`. */
  transformInput(raw: TRaw): NdArray;
  /** Model output back to original units. */
  inverseTransformOutput(pred: NdArray): NdArray;
}

/** Rebuilds a fitted pipeline from the JSON its `toJSON()` gave. */
export type PipelineReviver<TRaw = unknown> = (json: unknown) => PipelineLike<TRaw>;

/** User metadata saved with a model: any JSON-serialisable object. */
export type BundleMetadata = Record<string, unknown>;

/** What {@link saveBundle} saves: a model, optionally with its fitted pipeline and metadata. */
export interface BundleContents<TRaw = unknown> {
  readonly model: tf.LayersModel;
  /** The fitted preprocessing, so raw input can be prepared the way training data was. */
  readonly pipeline?: PipelineLike<TRaw>;
  /** Free-form JSON metadata (training date, data source, metrics…). */
  readonly metadata?: BundleMetadata;
}

/** Options of {@link saveBundle} and `saveModel`. */
export interface SaveOptions {
  /**
   * `'directory'` (default): a folder with `model.json`, `weights.bin`, `manifest.json` (and
   * `pipeline.json`, `metadata.json` when given), readable by any tfjs file loader.
   * `'file'`: one bundle file holding the manifest and the same parts.
   */
  readonly format?: BundleFormat;
  /**
   * Also save the optimizer's state and the training configuration (loss, metrics), so a
   * loaded model is compiled and training resumes where it stopped. Default false, as in
   * tfjs's `model.save`.
   */
  readonly includeOptimizer?: boolean;
}

/** Options of {@link loadBundle}. */
export interface LoadBundleOptions<TRaw = unknown> {
  /**
   * Rebuilds the pipeline from `pipeline.json`. Default: `Pipeline.fromJSON` of
   * `@lstm-kit/sequence` for pipelines it wrote (`format: 'lstm-kit-pipeline'`).
   */
  readonly pipelineReviver?: PipelineReviver<TRaw>;
}

/** A loaded bundle: the model, its fitted pipeline and metadata, and raw-input prediction. */
export interface LoadedBundle<TRaw = unknown> {
  readonly model: tf.LayersModel;
  /** The restored pipeline, or null when none was saved. */
  readonly pipeline: PipelineLike<TRaw> | null;
  /** The metadata saved with the model, or null. */
  readonly metadata: BundleMetadata | null;
  /** The verified manifest, or null for a folder written by stock tfjs. */
  readonly manifest: BundleManifest | null;
  /**
   * Prepare raw values with the pipeline, predict, and return the prediction in original
   * units. Without a pipeline, `values` must already be a model-ready NdArray.
   *
   * @throws PipelineError when the bundle has no pipeline and `values` is not an NdArray
   */
  predictRaw(values: TRaw): NdArray;
  /** Release the model's tensors. */
  dispose(): void;
}

const encoder = new TextEncoder();

/**
 * Save a model with its fitted preprocessing pipeline and metadata as one bundle (a folder
 * or one file), atomically and with a checksummed manifest.
 *
 * @param contents the model, and optionally `pipeline` and `metadata`
 * @param path where to save: a folder (directory form) or a file (file form); `file://` allowed
 * @param options `format` and `includeOptimizer` (see {@link SaveOptions})
 * @returns the manifest written
 * @throws PersistenceError when the metadata or pipeline JSON cannot be serialised
 * @example
 * await saveBundle({ model, pipeline, metadata: { trainedOn: '2024-06' } }, 'models/sales', { format: 'file' });
 * const bundle = await loadBundle('models/sales');
 * const forecast = bundle.predictRaw(lastTenDays); // original units
 */
export async function saveBundle<TRaw>(
  contents: BundleContents<TRaw>,
  path: string,
  options: SaveOptions = {},
): Promise<BundleManifest> {
  const artifacts = await captureArtifacts(contents.model, options.includeOptimizer ?? false);
  const { modelJson, weights } = artifactsToFiles(artifacts);
  const parts: Array<readonly [string, Uint8Array]> = [
    [MODEL_JSON, modelJson],
    [WEIGHTS_BIN, weights],
  ];
  if (contents.pipeline !== undefined) parts.push([PIPELINE_JSON, jsonBytes(contents.pipeline.toJSON(), 'the pipeline')]);
  if (contents.metadata !== undefined) parts.push([METADATA_JSON, jsonBytes(contents.metadata, 'the metadata')]);
  return writeStore(path, 'model', parts, { format: options.format ?? 'directory' });
}

function jsonBytes(value: unknown, what: string): Uint8Array {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new PersistenceError(`cannot save ${what}: it is not JSON-serialisable (${(e as Error).message}); keep to plain objects, arrays, strings, numbers and booleans`);
  }
  if (text === undefined) throw new PersistenceError(`cannot save ${what}: JSON.stringify gave nothing for a ${typeof value}; pass a plain object`);
  return encoder.encode(text);
}

function parseJsonPart(bytes: Uint8Array, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new CorruptFileError(`${where} is not valid JSON (${(e as Error).message}); restore the bundle from a backup or re-save it`);
  }
}

async function defaultReviver(json: unknown, where: string): Promise<PipelineLike> {
  if ((json as { format?: unknown } | null)?.format !== 'lstm-kit-pipeline') {
    throw new PipelineError(
      `${where} is not a pipeline written by @lstm-kit/sequence (format ${JSON.stringify((json as { format?: unknown } | null)?.format)}); pass {pipelineReviver: (json) => yourPipelineFromJSON(json)} to loadBundle`,
    );
  }
  // Imported on demand: only bundles with a pipeline need @lstm-kit/sequence at run time.
  // The module is typed loosely on purpose: an older @lstm-kit/sequence without Pipeline
  // must give a clear message, not a TypeError.
  const sequence = (await import('@lstm-kit/sequence')) as unknown as { Pipeline?: { fromJSON(json: unknown): PipelineLike } };
  if (typeof sequence.Pipeline?.fromJSON !== 'function') {
    throw new PipelineError(`${where} holds an @lstm-kit/sequence pipeline, but the installed @lstm-kit/sequence has no Pipeline; upgrade @lstm-kit/sequence`);
  }
  return sequence.Pipeline.fromJSON(json);
}

function isNdArray(v: unknown): v is NdArray {
  return typeof v === 'object' && v !== null && (v as NdArray).data instanceof Float32Array && Array.isArray((v as NdArray).shape);
}

/**
 * Load a bundle saved by {@link saveBundle} or `saveModel` (either form), verifying its
 * manifest, and restore the model, the fitted pipeline and the metadata.
 *
 * @param path the bundle's folder or file; `file://` allowed
 * @param options `pipelineReviver` for pipelines not written by `@lstm-kit/sequence`
 * @returns the loaded bundle; call `dispose()` when done with the model
 * @throws ModelNotFoundError, ChecksumError, TruncatedFileError, ManifestError, FormatVersionError, PipelineError
 * @example
 * const bundle = await loadBundle('models/sales');
 * const forecast = bundle.predictRaw([112, 118, 132, 129]); // NdArray in original units
 * console.log(bundle.metadata, forecast.data);
 * bundle.dispose();
 */
export async function loadBundle<TRaw = unknown>(path: string, options: LoadBundleOptions<TRaw> = {}): Promise<LoadedBundle<TRaw>> {
  const store = await openStore(path);
  if (store.manifest?.kind === 'weights') {
    throw new PersistenceError(`${store.location} holds weights only (written by saveWeights); load them into a model with loadWeights(model, path)`);
  }
  const { artifacts } = await artifactsFromStore(store);
  const pipelineBytes = await store.part(PIPELINE_JSON, store.location);
  const metadataBytes = await store.part(METADATA_JSON, store.location);
  let pipeline: PipelineLike<TRaw> | null = null;
  if (pipelineBytes !== undefined) {
    const where = `${store.location} (${PIPELINE_JSON})`;
    const json = parseJsonPart(pipelineBytes, where);
    try {
      pipeline = options.pipelineReviver ? options.pipelineReviver(json) : ((await defaultReviver(json, where)) as PipelineLike<TRaw>);
    } catch (e) {
      if (e instanceof PipelineError) throw e;
      throw new PipelineError(`cannot restore the pipeline from ${where}: ${(e as Error).message}`);
    }
  }
  const metadata = metadataBytes === undefined ? null : (parseJsonPart(metadataBytes, `${store.location} (${METADATA_JSON})`) as BundleMetadata);
  const model = await tf.loadLayersModel({ load: async () => artifacts });
  return {
    model,
    pipeline,
    metadata,
    manifest: store.manifest,
    predictRaw(values: TRaw): NdArray {
      let x: NdArray;
      if (pipeline !== null) x = pipeline.transformInput(values);
      else if (isNdArray(values)) x = values;
      else {
        throw new PipelineError(
          `${store.location} was saved without a pipeline, so predictRaw needs model-ready input: an NdArray {shape, data: Float32Array}; got ${Array.isArray(values) ? 'an array' : typeof values}. Save the bundle with {pipeline} to predict on raw values`,
        );
      }
      const y = predictNd(model, x);
      return pipeline !== null ? pipeline.inverseTransformOutput(y) : y;
    },
    dispose: () => model.dispose(),
  };
}

/** Run a single-output model on an NdArray and return an NdArray, disposing every tensor made. */
function predictNd(model: tf.LayersModel, x: NdArray): NdArray {
  const input = tf.tensor(x.data, [...x.shape], 'float32');
  try {
    const out = model.predict(input);
    if (Array.isArray(out)) {
      tf.dispose(out);
      throw new PersistenceError(`predictRaw supports single-output models; this one has ${out.length} outputs: call model.predict directly`);
    }
    try {
      return { shape: Object.freeze([...out.shape]), data: Float32Array.from(out.dataSync()) };
    } finally {
      out.dispose();
    }
  } finally {
    input.dispose();
  }
}
