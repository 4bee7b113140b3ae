import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { LSTM, dense, lstm } from '@lstm-kit/layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, saveModel } from './index';
import { predictToy } from './internal/toy-model';

let dir: string;

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'lstmkit-layers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function lstmKitModel(): tf.Sequential {
  return tf.sequential({ layers: [lstm({ units: 6, inputShape: [3, 1] }), dense({ units: 1 })] });
}

describe('models made of @lstm-kit/layers', () => {
  it('round-trip through saveModel / loadModel with identical predictions', async () => {
    const model = lstmKitModel();
    const expected = predictToy(model);
    await saveModel(model, join(dir, 'kit'), { format: 'file' });
    const loaded = await loadModel(join(dir, 'kit'));
    expect(loaded.layers[0].getClassName()).toBe('LSTM');
    expect(predictToy(loaded)).toEqual(expected);
    model.dispose();
    loaded.dispose();
  });

  it('saved by stock tfjs (tfjs-node folder layout) load back with loadModel', async () => {
    const model = lstmKitModel();
    const expected = predictToy(model);
    const path = join(dir, 'stock');
    await mkdir(path);
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        const json = { modelTopology: a.modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs }], format: a.format, generatedBy: a.generatedBy, convertedBy: a.convertedBy };
        await writeFile(join(path, 'model.json'), JSON.stringify(json));
        await writeFile(join(path, 'weights.bin'), new Uint8Array(tf.io.CompositeArrayBuffer.join(a.weightData)));
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) };
      }),
    );
    const loaded = await loadModel(path);
    // Registered under Keras names, so the stock file comes back as lstm-kit's classes.
    expect(loaded.layers[0]).toBeInstanceOf(LSTM);
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(['LSTM', 'Dense']);
    expect(predictToy(loaded)).toEqual(expected);
    model.dispose();
    loaded.dispose();
  });
});
