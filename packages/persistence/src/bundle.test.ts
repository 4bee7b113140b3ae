import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { MinMaxScaler, type NdArray, Pipeline, SlidingWindow, ndarray } from '@lstm-kit/sequence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipelineLike, PipelineError, loadBundle, saveBundle } from './index';
import { toyModel } from './internal/toy-model';

let dir: string;
let model: tf.Sequential;
let pipeline: Pipeline;
const series = [10, 20, 30, 40, 50, 60, 70, 80, 90];
const recent = [70, 80, 90];

/** The prediction in original units, computed by hand in this process. */
function expectedForecast(p: Pipeline, raw: number[]): NdArray {
  const x = p.transformInput(raw);
  const input = tf.tensor(x.data, [...x.shape]);
  const out = model.predict(input) as tf.Tensor;
  const y = ndarray(Float32Array.from(out.dataSync()), out.shape);
  tf.dispose([input, out]);
  return p.inverseTransformOutput(y);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'lstmkit-bundle-'));
  pipeline = new Pipeline([new MinMaxScaler(), new SlidingWindow({ steps: 3 })]);
  const { x, y } = pipeline.fit(series).transformSupervised(series);
  model = toyModel();
  const xt = tf.tensor(x.data, [...x.shape]);
  const yt = tf.tensor(y.data, [...y.shape]);
  await model.fit(xt, yt, { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
  tf.dispose([xt, yt]);
});
afterAll(async () => {
  model.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('saveBundle / loadBundle', () => {
  it.each(['directory', 'file'] as const)('reproduces predictions on raw, unscaled input (%s form)', async (format) => {
    const path = join(dir, `raw-${format}`);
    await saveBundle({ model, pipeline, metadata: { trainedOn: 'toy', epochs: 3 } }, path, { format });
    const want = expectedForecast(pipeline, recent);
    const before = tf.memory().numTensors;
    const bundle = await loadBundle<number[]>(path);
    expect(bundle.metadata).toEqual({ trainedOn: 'toy', epochs: 3 });
    expect(bundle.pipeline).toBeInstanceOf(Pipeline);
    const got = bundle.predictRaw(recent);
    expect(got.shape).toEqual([1, 1]);
    expect(Array.from(got.data)).toEqual(Array.from(want.data));
    // The forecast is in the series' units (tens), not the scaler's [0, 1].
    expect(Math.abs(got.data[0])).toBeGreaterThan(1.5);
    bundle.dispose();
    expect(tf.memory().numTensors).toBe(before);
    if (format === 'directory') {
      expect((await readdir(path)).sort()).toEqual(['manifest.json', 'metadata.json', 'model.json', 'pipeline.json', 'weights.bin']);
      expect(JSON.parse(await readFile(join(path, 'pipeline.json'), 'utf8')).format).toBe('lstm-kit-pipeline');
    }
  });

  it('restores other pipelines with a pipelineReviver', async () => {
    const doubler = (factor: number): PipelineLike<number[]> => ({
      toJSON: () => ({ kind: 'doubler', factor }),
      transformInput: (raw) => ndarray(raw.map((v) => v / factor), [1, raw.length, 1]),
      inverseTransformOutput: (pred) => ndarray(Array.from(pred.data, (v) => v * factor), pred.shape),
    });
    const path = join(dir, 'custom.lstmkit');
    await saveBundle({ model, pipeline: doubler(100) }, path, { format: 'file' });
    await expect(loadBundle(path)).rejects.toThrow(PipelineError);
    await expect(loadBundle(path)).rejects.toThrow(/pass \{pipelineReviver/);
    const bundle = await loadBundle<number[]>(path, {
      pipelineReviver: (json) => doubler((json as { factor: number }).factor),
    });
    const direct = tf.tidy(() => (model.predict(tf.tensor3d([[[0.7], [0.8], [0.9]]])) as tf.Tensor).dataSync()[0]);
    expect(bundle.predictRaw([70, 80, 90]).data[0]).toBeCloseTo(direct * 100, 4);
    bundle.dispose();
  });

  it('predicts on model-ready input when saved without a pipeline, and says so for raw input', async () => {
    const path = join(dir, 'bare');
    await saveBundle({ model }, path);
    const bundle = await loadBundle(path);
    expect(bundle.pipeline).toBeNull();
    expect(bundle.metadata).toBeNull();
    const x = ndarray([0.7, 0.8, 0.9], [1, 3, 1]);
    const direct = tf.tidy(() => (model.predict(tf.tensor3d([[[0.7], [0.8], [0.9]]])) as tf.Tensor).dataSync()[0]);
    expect(bundle.predictRaw(x).data[0]).toBe(direct);
    expect(() => bundle.predictRaw([70, 80, 90])).toThrow(/saved without a pipeline, so predictRaw needs model-ready input/);
    bundle.dispose();
  });
});
