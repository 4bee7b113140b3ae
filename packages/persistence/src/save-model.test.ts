import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChecksumError,
  CorruptFileError,
  FormatVersionError,
  ModelFormatError,
  ModelNotFoundError,
  PathEscapeError,
  TruncatedFileError,
  loadModel,
  saveModel,
} from './index';
import { predictToy, toyData, trainedToyModel } from './internal/toy-model';

let dir: string;
let model: tf.Sequential;
let expected: number[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'lstmkit-save-'));
  model = await trainedToyModel();
  expected = predictToy(model);
});
afterAll(async () => {
  model.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function flipByte(file: string, at: number): Promise<void> {
  const bytes = await readFile(file);
  bytes[at] ^= 0xff;
  await writeFile(file, bytes);
}

describe('saveModel / loadModel', () => {
  it.each(['directory', 'file'] as const)('round-trips predictions exactly in the %s form', async (format) => {
    const path = join(dir, `round-${format}`);
    const manifest = await saveModel(model, path, { format });
    expect(manifest.files.map((f) => f.path)).toEqual(['model.json', 'weights.bin']);
    expect(manifest.files[1].size).toBe(4 * (4 * ((1 + 10) * 10 + 10) + 11));
    const before = tf.memory().numTensors;
    const loaded = await loadModel(path);
    expect(predictToy(loaded)).toEqual(expected);
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('writes only the finished files: no temporary names are left beside the model', async () => {
    const path = join(dir, 'clean');
    await saveModel(model, path);
    await saveModel(model, path);
    await saveModel(model, `${path}.lstmkit`, { format: 'file' });
    await saveModel(model, `${path}.lstmkit`, { format: 'file' });
    expect((await readdir(dir)).filter((n) => n.startsWith('.clean'))).toEqual([]);
    expect((await readdir(path)).sort()).toEqual(['manifest.json', 'model.json', 'weights.bin']);
  });

  it('removes its temporary folder when a save fails', async () => {
    const path = join(dir, 'occupied');
    await writeFile(path, 'a file where the folder should go');
    await expect(saveModel(model, path)).rejects.toThrow(/it is a file and this save writes a folder/);
    expect((await readdir(dir)).filter((n) => n.startsWith('.occupied'))).toEqual([]);
    expect(await readFile(path, 'utf8')).toBe('a file where the folder should go');
  });

  it('loads the previous model when a crash stopped a folder swap between its two renames', async () => {
    const path = join(dir, 'swap');
    await saveModel(model, path);
    // The state a crash leaves between "old folder moved aside" and "new folder moved in".
    await rename(path, join(dir, '.swap.lstmkit-old'));
    const loaded = await loadModel(path);
    expect(predictToy(loaded)).toEqual(expected);
    loaded.dispose();
    await saveModel(model, path);
    expect((await readdir(dir)).filter((n) => n.startsWith('.swap'))).toEqual([]);
  });

  it('restores optimizer state with includeOptimizer, so training resumes where it stopped', async () => {
    const { x, y } = toyData();
    const a = await trainedToyModel(2);
    const path = join(dir, 'resume');
    await saveModel(a, path, { includeOptimizer: true });
    const json = JSON.parse(await readFile(join(path, 'model.json'), 'utf8'));
    expect(json.trainingConfig.loss).toBe('mean_squared_error');
    expect(json.weightsManifest[0].weights.filter((w: { group?: string }) => w.group === 'optimizer').length).toBeGreaterThan(0);
    const b = await loadModel(path);
    const c = await loadModel(join(dir, 'round-directory')); // saved without optimizer state
    c.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    c.setWeights(b.getWeights());
    for (const m of [a, b, c]) await m.fit(x, y, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
    expect(predictToy(b)).toEqual(predictToy(a));
    // A fresh Adam (no moments, step 0) takes other steps: the saved state is what made b match.
    expect(predictToy(c)).not.toEqual(predictToy(a));
    tf.dispose([x, y]);
    for (const m of [a, b, c]) m.dispose();
  });
});

describe('loading damaged or hostile bundles', () => {
  it.each(['directory', 'file'] as const)('fails with ChecksumError when a byte of the weights flips (%s form)', async (format) => {
    const path = join(dir, `flip-${format}`);
    await saveModel(model, path, { format });
    const file = format === 'directory' ? join(path, 'weights.bin') : path;
    await flipByte(file, (await stat(file)).size - 5);
    await expect(loadModel(path)).rejects.toThrow(ChecksumError);
    await expect(loadModel(path)).rejects.toThrow(/SHA-256 .* manifest records/);
  });

  it('fails with TruncatedFileError when model.json is cut short', async () => {
    const path = join(dir, 'truncated');
    await saveModel(model, path);
    const json = await readFile(join(path, 'model.json'));
    await writeFile(join(path, 'model.json'), json.subarray(0, 100));
    await expect(loadModel(path)).rejects.toThrow(TruncatedFileError);
    await expect(loadModel(path)).rejects.toThrow(/model\.json has 100 bytes, but its manifest records \d+: the file was cut short/);
  });

  it('fails with CorruptFileError on a cut-short model.json without a manifest (stock tfjs folder)', async () => {
    const path = join(dir, 'truncated-stock');
    await saveModel(model, path);
    await rm(join(path, 'manifest.json'));
    const json = await readFile(join(path, 'model.json'));
    await writeFile(join(path, 'model.json'), json.subarray(0, 100));
    await expect(loadModel(path)).rejects.toThrow(CorruptFileError);
    await expect(loadModel(path)).rejects.toThrow(/model\.json is not valid JSON .*truncated or corrupted/);
  });

  it('fails with TruncatedFileError when a one-file bundle is cut short', async () => {
    const path = join(dir, 'truncated.lstmkit');
    await saveModel(model, path, { format: 'file' });
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 10));
    await expect(loadModel(path)).rejects.toThrow(TruncatedFileError);
  });

  it('fails with TruncatedFileError when weights.bin is shorter than its specs (no manifest)', async () => {
    const path = join(dir, 'short-weights');
    await saveModel(model, path);
    await rm(join(path, 'manifest.json'));
    const bytes = await readFile(join(path, 'weights.bin'));
    await writeFile(join(path, 'weights.bin'), bytes.subarray(0, 40));
    await expect(loadModel(path)).rejects.toThrow(/holds 40 bytes of weights, but the weight specs need/);
  });

  it('rejects a manifest that points outside its folder', async () => {
    const path = join(dir, 'escape');
    await saveModel(model, path);
    await writeFile(join(dir, 'secret.json'), '{}');
    const manifestFile = join(path, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.files[0].path = '../secret.json';
    await writeFile(manifestFile, JSON.stringify(manifest));
    await expect(loadModel(path)).rejects.toThrow(PathEscapeError);
    await expect(loadModel(path)).rejects.toThrow(/"\.\.\/secret\.json".*inside the bundle's folder/);
  });

  it('rejects a model.json whose weights manifest points outside its folder', async () => {
    const path = join(dir, 'escape-weights');
    await mkdir(path);
    await saveModel(model, join(path, 'inner'));
    await rm(join(path, 'inner', 'manifest.json'));
    const file = join(path, 'inner', 'model.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    json.weightsManifest[0].paths = ['/etc/passwd'];
    await writeFile(file, JSON.stringify(json));
    await expect(loadModel(join(path, 'inner'))).rejects.toThrow(PathEscapeError);
  });

  it('refuses a bundle written in a newer format with FormatVersionError', async () => {
    const path = join(dir, 'newer');
    await saveModel(model, path);
    const manifestFile = join(path, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.formatVersion = 2;
    await writeFile(manifestFile, JSON.stringify(manifest));
    await expect(loadModel(path)).rejects.toThrow(FormatVersionError);
    await expect(loadModel(path)).rejects.toThrow(/format version 2 .* reads versions up to 1; upgrade @lstm-kit\/persistence/);
  });

  it('says nothing is saved there with ModelNotFoundError', async () => {
    await expect(loadModel(join(dir, 'nothing-here'))).rejects.toThrow(ModelNotFoundError);
  });

  it('refuses a graph model with ModelFormatError', async () => {
    const path = join(dir, 'graph');
    await mkdir(path);
    await writeFile(join(path, 'model.json'), JSON.stringify({ format: 'graph-model', modelTopology: {}, weightsManifest: [] }));
    await expect(loadModel(path)).rejects.toThrow(ModelFormatError);
  });
});
