import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelNotFoundError, WeightsMismatchError, loadBundle, loadModel, replaceWeights, rollback, saveBundle, saveModel } from './index';
import { predictToy, toyData, toyModel, trainedToyModel } from './internal/toy-model';

let dir: string;
let original: tf.Sequential;
let updated: tf.Sequential;

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'lstmkit-replace-'));
  original = await trainedToyModel(2);
  // "A new model on new data" (B14): same architecture, other weights, other layer names.
  updated = toyModel();
  const { x, y } = toyData();
  const doubled = tf.mul(y, 2);
  await updated.fit(x, doubled, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
  tf.dispose([x, y, doubled]);
});
afterAll(async () => {
  original.dispose();
  updated.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('replaceWeights / rollback', () => {
  it.each(['directory', 'file'] as const)('swaps in new weights, keeps the architecture and pipeline, and rolls back (%s form)', async (format) => {
    const path = join(dir, `model-${format}`);
    await saveBundle({ model: original, metadata: { version: 1 } }, path, { format });
    const modelJsonBefore = format === 'directory' ? await readFile(join(path, 'model.json')) : null;

    const { backup } = await replaceWeights(path, updated);
    expect(backup).toBe(`${path}.previous`);
    let loaded = await loadModel(path);
    expect(predictToy(loaded)).toEqual(predictToy(updated));
    loaded.dispose();
    if (modelJsonBefore) expect(await readFile(join(path, 'model.json'))).toEqual(modelJsonBefore);
    const bundle = await loadBundle(path);
    expect(bundle.metadata).toEqual({ version: 1 });
    bundle.dispose();

    await rollback(path);
    loaded = await loadModel(path);
    expect(predictToy(loaded)).toEqual(predictToy(original));
    loaded.dispose();
    // A second rollback undoes the first.
    await rollback(path);
    loaded = await loadModel(path);
    expect(predictToy(loaded)).toEqual(predictToy(updated));
    loaded.dispose();
    expect((await readdir(dir)).filter((n) => n.includes('lstmkit-tmp') || n.includes('lstmkit-old'))).toEqual([]);
  });

  it('refuses weights of another architecture and leaves the saved model alone', async () => {
    const path = join(dir, 'guarded');
    await saveModel(original, path);
    const other = toyModel(12);
    await expect(replaceWeights(path, other)).rejects.toThrow(WeightsMismatchError);
    await expect(replaceWeights(path, other)).rejects.toThrow(/weight 0 of the model is "lstm(_\w+)?\/kernel" \[1, 48\] float32, the model saved at .* has "lstm(_\w+)?\/kernel" \[1, 40\] float32/);
    const loaded = await loadModel(path);
    expect(predictToy(loaded)).toEqual(predictToy(original));
    loaded.dispose();
    other.dispose();
    await expect(rollback(path)).rejects.toThrow(ModelNotFoundError);
  });
});
