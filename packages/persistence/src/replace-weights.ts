import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ModelNotFoundError, PersistenceError, WeightsMismatchError } from './errors';
import { exchange, recoverInterruptedSwap } from './internal/atomic-write';
import { MANIFEST_NAME, openStore, pathFromUrlOrPath, writeStore } from './internal/bundle-store';
import { MODEL_JSON, WEIGHTS_BIN, artifactsFromStore, artifactsToFiles, captureArtifacts, weightBytes } from './internal/model-artifacts';
import type { BundleManifest } from './manifest';

/** The result of {@link replaceWeights}. */
export interface ReplaceWeightsResult {
  /** The manifest of the updated bundle. */
  readonly manifest: BundleManifest;
  /** Where the replaced bundle is kept; {@link rollback} puts it back. */
  readonly backup: string;
}

/**
 * Where {@link replaceWeights} keeps the bundle it replaces (and {@link rollback} restores from).
 *
 * @param path the saved model's folder or one-file bundle, as given to `replaceWeights`
 * @returns the backup's path: `path` with `.previous` appended
 * @example
 * await replaceWeights('models/sales', model);
 * backupPathFor('models/sales'); // 'models/sales.previous'
 */
export function backupPathFor(path: string): string {
  return `${path}.previous`;
}

function target(path: string, entry: string | null): string {
  const p = pathFromUrlOrPath(path);
  return entry === null ? p : dirname(p);
}

const stripLayer = (name: string) => name.slice(name.indexOf('/') + 1);

/**
 * Replace the weights of a saved model with those of an updated model of the same
 * architecture (B14's "replace weights only"): the architecture file (`model.json`), the
 * pipeline and the metadata are kept byte for byte, the new weights are written atomically,
 * and the bundle being replaced is kept at `<path>.previous` for {@link rollback}.
 *
 * @param path the saved model (folder or one-file bundle); `file://` allowed
 * @param model the updated model (refitted, or a new one of the same architecture)
 * @returns the new manifest and the backup's path
 * @throws WeightsMismatchError when the model's weights do not fit the saved architecture
 * @throws the load errors of `loadModel` when the saved bundle is damaged (it is left alone)
 * @example
 * const model = await loadModel('models/sales');
 * await model.fit(xNew, yNew, { epochs: 5 });
 * await replaceWeights('models/sales', model);
 * // if the update turns out worse: await rollback('models/sales');
 */
export async function replaceWeights(path: string, model: tf.LayersModel): Promise<ReplaceWeightsResult> {
  const store = await openStore(path);
  if (store.manifest?.kind === 'weights') {
    throw new PersistenceError(`${store.location} holds weights only; replaceWeights updates a saved model (saveModel). For a weights file, call saveWeights again`);
  }
  const where = target(path, store.entry);
  const { artifacts, modelJson } = await artifactsFromStore(store);
  const stored = artifacts.weightSpecs ?? [];
  const withOptimizer = stored.some((s) => s.group === 'optimizer');
  const fresh = await captureArtifacts(model, withOptimizer);
  const next = fresh.weightSpecs ?? [];
  const describeSpec = (s: tf.io.WeightsManifestEntry) => `"${s.name}" [${s.shape.join(', ')}] ${s.dtype}${s.quantization ? ` (quantized ${s.quantization.dtype})` : ''}`;
  if (next.length !== stored.length) {
    throw new WeightsMismatchError(
      `the model has ${next.length} weights${withOptimizer ? ' (with optimizer state)' : ''}, the model saved at ${where} has ${stored.length}; replaceWeights swaps weights of the same architecture${withOptimizer ? ' and optimizer (compile the model with the same optimizer and train it at least one step)' : ''}: save a different model with saveModel instead`,
    );
  }
  stored.forEach((s, i) => {
    const n = next[i];
    // Auto-generated layer names differ between processes (lstm_1 vs lstm_3), so the layer
    // prefix is not compared; the byte layout only depends on order, shape and dtype.
    const same =
      stripLayer(s.name) === stripLayer(n.name) &&
      s.dtype === n.dtype &&
      s.quantization == null &&
      s.shape.length === n.shape.length &&
      s.shape.every((d, k) => d === n.shape[k]);
    if (!same) {
      throw new WeightsMismatchError(
        `weight ${i} of the model is ${describeSpec(n)}, the model saved at ${where} has ${describeSpec(s)}; replaceWeights only swaps weights of the same architecture: save a different model with saveModel instead`,
      );
    }
  });

  const storedPaths = (modelJson.weightsManifest ?? []).flatMap((g) => g.paths);
  const singleShard = (modelJson.weightsManifest ?? []).length === 1 && storedPaths.length === 1 && storedPaths[0] === WEIGHTS_BIN;
  const modelJsonBytes = singleShard
    ? ((await store.part(store.entry ?? MODEL_JSON, where)) as Uint8Array)
    : // A sharded folder (tfjs converter) is rewritten as one weights.bin; the topology is kept.
      artifactsToFiles({ ...artifacts, weightData: undefined }).modelJson;
  const parts: Array<readonly [string, Uint8Array]> = [
    [MODEL_JSON, modelJsonBytes],
    [WEIGHTS_BIN, weightBytes(fresh.weightData)],
  ];
  for (const f of store.manifest?.files ?? []) {
    if (f.path === MODEL_JSON || f.path === WEIGHTS_BIN || storedPaths.includes(f.path) || f.path === MANIFEST_NAME) continue;
    parts.push([f.path, (await store.part(f.path, where)) as Uint8Array]);
  }
  const backup = backupPathFor(where);
  const manifest = await writeStore(where, 'model', parts, { format: store.form, keepPreviousAt: backup });
  return { manifest, backup };
}

/**
 * Put back the bundle that the last {@link replaceWeights} replaced; the replaced-by one
 * becomes the backup, so a second `rollback` undoes the first. The backup is verified
 * before anything is moved.
 *
 * @param path the saved model given to `replaceWeights`; `file://` allowed
 * @returns the manifest of the restored bundle
 * @throws ModelNotFoundError when there is no backup to restore
 * @throws ChecksumError and the other load errors when the backup is damaged (nothing is moved)
 * @example
 * await replaceWeights('models/sales', refitted);
 * const worse = true; // e.g. after comparing on recent data
 * if (worse) await rollback('models/sales');
 */
export async function rollback(path: string): Promise<BundleManifest | null> {
  let where = pathFromUrlOrPath(path);
  if (where.endsWith(`/${MODEL_JSON}`)) where = dirname(where);
  const backup = backupPathFor(where);
  try {
    await stat(backup);
  } catch {
    throw new ModelNotFoundError(`no backup at ${backup} to roll back to; rollback restores the bundle replaced by the last replaceWeights('${where}', model)`);
  }
  const previous = await openStore(backup);
  await recoverInterruptedSwap(where);
  await exchange(where, backup);
  return previous.manifest;
}
