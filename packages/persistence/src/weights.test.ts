import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChecksumError,
  CorruptFileError,
  PersistenceError,
  WeightsMismatchError,
  loadArchitecture,
  loadWeights,
  saveArchitecture,
  saveModel,
  saveWeights,
} from './index';
import { predictToy, toyModel, trainedToyModel } from './internal/toy-model';

let dir: string;
let model: tf.Sequential;
let expected: number[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'lstmkit-weights-'));
  model = await trainedToyModel();
  expected = predictToy(model);
});
afterAll(async () => {
  model.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('saveArchitecture / loadArchitecture', () => {
  it('saves Keras-style JSON and rebuilds the same layers, untrained', async () => {
    const path = join(dir, 'arch.json');
    await saveArchitecture(model, path);
    const json = JSON.parse(await readFile(path, 'utf8'));
    expect(json.class_name).toBe('Sequential');
    expect(json.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['LSTM', 'Dense']);
    const rebuilt = await loadArchitecture(path);
    expect(rebuilt.layers.map((l) => l.getClassName())).toEqual(['LSTM', 'Dense']);
    expect(rebuilt.countParams()).toBe(model.countParams());
    expect(predictToy(rebuilt)).not.toEqual(expected);
    rebuilt.dispose();
  });

  it('fails clearly on a cut-short architecture file', async () => {
    const path = join(dir, 'arch-cut.json');
    await saveArchitecture(model, path);
    await writeFile(path, (await readFile(path)).subarray(0, 50));
    await expect(loadArchitecture(path)).rejects.toThrow(CorruptFileError);
  });
});

describe('saveWeights / loadWeights', () => {
  it.each(['file', 'directory'] as const)('architecture + weights saved apart give identical predictions (%s form)', async (format) => {
    await saveArchitecture(model, join(dir, `apart-${format}.json`));
    await saveWeights(model, join(dir, `apart-${format}.weights`), { format });
    const rebuilt = await loadArchitecture(join(dir, `apart-${format}.json`));
    // Counted after building, so the check covers loadWeights alone (values are swapped, not added).
    const before = tf.memory().numTensors;
    await loadWeights(rebuilt, join(dir, `apart-${format}.weights`));
    expect(predictToy(rebuilt)).toEqual(expected);
    expect(tf.memory().numTensors).toBe(before);
    rebuilt.dispose();
  });

  it('loads into a model rebuilt from code with other layer names (matched by order)', async () => {
    const path = join(dir, 'by-order.weights');
    await saveWeights(model, path);
    const fresh = toyModel();
    expect(fresh.layers[0].name).not.toBe(model.layers[0].name);
    await loadWeights(fresh, path);
    expect(predictToy(fresh)).toEqual(expected);
    await expect(loadWeights(fresh, path, { match: 'name' })).rejects.toThrow(/has no weights in .*use match: 'order'/);
    fresh.dispose();
  });

  it('rejects weights of another size with WeightsMismatchError naming layer and shapes', async () => {
    const path = join(dir, 'mismatch.weights');
    await saveWeights(model, path);
    const bigger = toyModel(12);
    const before = predictToy(bigger);
    await expect(loadWeights(bigger, path)).rejects.toThrow(WeightsMismatchError);
    await expect(loadWeights(bigger, path)).rejects.toThrow(/layer "lstm_\w+" weight "kernel" has shape \[1, 48\] float32, the file has \[1, 40\] float32/);
    expect(predictToy(bigger)).toEqual(before); // nothing assigned
    bigger.dispose();
  });

  it('rejects weights of another layer class or layer count', async () => {
    const path = join(dir, 'class.weights');
    await saveWeights(model, path);
    const gru = tf.sequential({ layers: [tf.layers.gru({ units: 10, inputShape: [3, 1] }), tf.layers.dense({ units: 1 })] });
    await expect(loadWeights(gru, path)).rejects.toThrow(/weights of a LSTM layer .* the model has a GRU/);
    const deeper = tf.sequential({
      layers: [tf.layers.lstm({ units: 10, inputShape: [3, 1] }), tf.layers.dense({ units: 4 }), tf.layers.dense({ units: 1 })],
    });
    await expect(loadWeights(deeper, path)).rejects.toThrow(/holds weights for 2 layers .* the model has 3 layers with weights/);
    gru.dispose();
    deeper.dispose();
  });

  it('fails with ChecksumError on a flipped byte and refuses a whole-model bundle', async () => {
    const path = join(dir, 'flip.weights');
    await saveWeights(model, path);
    const bytes = await readFile(path);
    bytes[bytes.length - 3] ^= 1;
    await writeFile(path, bytes);
    await expect(loadWeights(model, path)).rejects.toThrow(ChecksumError);
    await saveModel(model, join(dir, 'whole'));
    await expect(loadWeights(model, join(dir, 'whole'))).rejects.toThrow(PersistenceError);
    await expect(loadWeights(model, join(dir, 'whole'))).rejects.toThrow(/is a whole model; loadWeights reads files written by saveWeights/);
  });
});
