import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSystem, loadModel, saveModel } from './index';
import { predictToy, trainedToyModel } from './internal/toy-model';

let dir: string;
let model: tf.Sequential;
let expected: number[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'lstmkit-io-'));
  model = await trainedToyModel();
  expected = predictToy(model);
});
afterAll(async () => {
  model.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('fileSystem IO handler', () => {
  it("writes tfjs's model.json layout: keys, one weights.bin shard, layers-model format", async () => {
    const path = join(dir, 'layout');
    await model.save(fileSystem(path));
    const json = JSON.parse(await readFile(join(path, 'model.json'), 'utf8'));
    expect(Object.keys(json)).toEqual(['modelTopology', 'weightsManifest', 'format', 'generatedBy', 'convertedBy']);
    expect(json.format).toBe('layers-model');
    expect(json.generatedBy).toMatch(/^TensorFlow\.js tfjs-layers v4\./);
    expect(json.convertedBy).toBeNull();
    expect(json.weightsManifest).toHaveLength(1);
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(json.weightsManifest[0].weights.map((w: { name: string }) => w.name)).toEqual(model.weights.map((w) => w.originalName));
    expect(json.modelTopology.class_name).toBe('Sequential');
    const weights = await readFile(join(path, 'weights.bin'));
    expect(weights.byteLength).toBe(model.countParams() * 4);
  });

  it('is reached through file:// URLs by model.save and tf.loadLayersModel', async () => {
    const path = join(dir, 'url');
    await model.save(`file://${path}`);
    for (const url of [`file://${path}`, `file://${path}/model.json`]) {
      const loaded = await tf.loadLayersModel(url);
      expect(predictToy(loaded)).toEqual(expected);
      loaded.dispose();
    }
    // One router only, even if the module is evaluated again (tfjs refuses two handlers for one URL).
    expect(tf.io.getLoadHandlers(`file://${path}`)).toHaveLength(1);
    expect(tf.io.getSaveHandlers(`file://${path}`)).toHaveLength(1);
  });

  it('saves the one-file form with format: "file"', async () => {
    const path = join(dir, 'one.lstmkit');
    await model.save(fileSystem(path, { format: 'file' }));
    expect((await readFile(path)).subarray(0, 7).toString()).toBe('LSTMKIT');
    const loaded = await tf.loadLayersModel(fileSystem(path));
    expect(predictToy(loaded)).toEqual(expected);
    loaded.dispose();
  });
});

describe('interoperability with stock tfjs', () => {
  it('files written by lstm-kit load with stock tf.loadLayersModel through tf.io.fromMemory', async () => {
    const path = join(dir, 'for-stock');
    await saveModel(model, path);
    // An equivalent of tfjs-node's file handler, written from tfjs's format alone: read
    // model.json, then every weights group's files in order.
    const stockHandler: tf.io.IOHandler = {
      load: async () => {
        const json = JSON.parse(await readFile(join(path, 'model.json'), 'utf8')) as tf.io.ModelJSON;
        const weightSpecs = json.weightsManifest.flatMap((g) => g.weights);
        const parts = await Promise.all(json.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(path, p))));
        const bin = Buffer.concat(parts);
        const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
        return { modelTopology: json.modelTopology, format: json.format, generatedBy: json.generatedBy, weightSpecs, weightData };
      },
    };
    const loaded = await tf.loadLayersModel(stockHandler);
    expect(predictToy(loaded)).toEqual(expected);
    loaded.dispose();
  });

  it('a model saved by stock tfjs (the tfjs-node folder layout, via withSaveHandler) loads with loadModel', async () => {
    const path = join(dir, 'from-stock');
    await mkdir(path);
    // What tfjs-node's file:// handler writes, built from tfjs's own artifacts.
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const modelJson = {
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy,
        };
        await writeFile(join(path, 'model.json'), JSON.stringify(modelJson));
        await writeFile(join(path, 'weights.bin'), new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData)));
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    for (const p of [path, join(path, 'model.json'), `file://${path}/model.json`]) {
      const loaded = await loadModel(p);
      expect(predictToy(loaded)).toEqual(expected);
      loaded.dispose();
    }
  });

  it('loads a sharded folder like the tfjs converter writes (several weight files)', async () => {
    const path = join(dir, 'sharded');
    await mkdir(path);
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const bytes = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
        const half = 4 * Math.floor(bytes.length / 8);
        const modelJson = {
          modelTopology: artifacts.modelTopology,
          format: 'layers-model',
          weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: artifacts.weightSpecs }],
        };
        await writeFile(join(path, 'model.json'), JSON.stringify(modelJson));
        await writeFile(join(path, 'group1-shard1of2.bin'), bytes.subarray(0, half));
        await writeFile(join(path, 'group1-shard2of2.bin'), bytes.subarray(half));
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    const loaded = await loadModel(path);
    expect(predictToy(loaded)).toEqual(expected);
    loaded.dispose();
  });
});
