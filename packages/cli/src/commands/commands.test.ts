import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { compileModel, evaluate } from '@lstm-kit/harness';
import { dense, lstm } from '@lstm-kit/layers';
import { saveBundle, saveModel } from '@lstm-kit/persistence';
import { MinMaxScaler, Pipeline, SlidingWindow } from '@lstm-kit/sequence';
import { EXIT, main } from '../cli';
import { writeTourReport } from '../tour-report';

let dir: string;
const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

function tinyModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(lstm({ units: 3, inputShape: [2, 1], seed: 1 }));
  model.add(dense({ units: 1, seed: 2 }));
  return model;
}

beforeAll(async () => {
  await initBackend({ prefer: 'cpu' });
  dir = mkdtempSync(join(tmpdir(), 'lstm-kit-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lstm-kit evaluate', () => {
  it('reports the same loss as evaluating in code, from a CSV of inputs then targets', async () => {
    const model = tinyModel();
    compileModel(model, { loss: 'mse', optimizer: 'adam' });
    await saveModel(model, join(dir, 'm1'));
    const rows = [
      [0.1, 0.2, 0.3],
      [0.2, 0.3, 0.4],
      [0.5, 0.1, 0.9],
    ];
    writeFileSync(join(dir, 'data.csv'), `x1,x2,y\n${rows.map((r) => r.join(',')).join('\n')}\n`);
    const expected = await evaluate(model, {
      x: { shape: [3, 2, 1], data: Float32Array.from(rows.flatMap((r) => r.slice(0, 2))) },
      y: { shape: [3, 1], data: Float32Array.from(rows.map((r) => r[2])) },
    });
    const r = await run(['evaluate', join(dir, 'm1'), join(dir, 'data.csv'), '--backend', 'cpu', '--json', '--metrics', 'mae']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    const got = JSON.parse(r.out);
    expect(got.samples).toBe(3);
    expect(got.loss).toBeCloseTo(expected.loss as number, 6);
    expect(got.mae).toBeGreaterThan(0);
    model.dispose();
  });

  it('says how many columns the model needs when the CSV does not fit', async () => {
    writeFileSync(join(dir, 'bad.csv'), '1,2\n3,4\n');
    const r = await run(['evaluate', join(dir, 'm1'), join(dir, 'bad.csv'), '--backend', 'cpu']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/expected 3 columns per row \(2 input values, then 1 target values\), got 2/);
  });

  it('fails with exit code 1 and the reason for a missing model', async () => {
    const r = await run(['evaluate', join(dir, 'nothing-here'), join(dir, 'data.csv'), '--backend', 'cpu']);
    expect(r.code).toBe(EXIT.error);
    expect(r.err).toMatch(/nothing-here/);
  });
});

describe('lstm-kit predict', () => {
  it('predicts model-ready rows from JSON and CSV', async () => {
    const model = tinyModel();
    await saveModel(model, join(dir, 'm2'), { format: 'file' });
    const x = tf.tensor3d([0.1, 0.2, 0.4, 0.8], [2, 2, 1]);
    const want = (model.predict(x) as tf.Tensor).arraySync() as number[][];
    writeFileSync(join(dir, 'in.json'), JSON.stringify([[[0.1], [0.2]], [[0.4], [0.8]]]));
    writeFileSync(join(dir, 'in.csv'), '0.1,0.2\n0.4,0.8\n');
    for (const input of ['in.json', 'in.csv']) {
      const r = await run(['predict', join(dir, 'm2'), join(dir, input), '--backend', 'cpu']);
      expect(r.code).toBe(EXIT.ok);
      const got = JSON.parse(r.out) as number[][];
      expect(got.length).toBe(2);
      got.forEach((row, i) => expect(row[0]).toBeCloseTo(want[i][0], 6));
    }
    x.dispose();
    model.dispose();
  });

  it('prepares raw values with a saved pipeline and answers in original units', async () => {
    const model = tinyModel();
    const raw = Float32Array.from([10, 20, 30, 40, 50, 60]);
    const pipeline = new Pipeline([new MinMaxScaler(), new SlidingWindow({ steps: 2 })]);
    pipeline.fit({ shape: [6], data: raw });
    await saveBundle({ model, pipeline }, join(dir, 'b1'));
    const windows = pipeline.transformInput({ shape: [6], data: raw });
    const scaled = (model.predict(tf.tensor(windows.data, windows.shape as number[])) as tf.Tensor).dataSync();
    writeFileSync(join(dir, 'raw.csv'), 'value\n10\n20\n30\n40\n50\n60\n');
    const r = await run(['predict', join(dir, 'b1'), join(dir, 'raw.csv'), '--backend', 'cpu']);
    expect(r.err).toBe('');
    const got = (JSON.parse(r.out) as number[][]).map((row) => row[0]);
    expect(got).toHaveLength(windows.shape[0]);
    got.forEach((v, i) => expect(v).toBeCloseTo(10 + scaled[i] * 50, 3));
    model.dispose();
  });
});

describe('lstm-kit report', () => {
  it('writes an HTML page with the table and the charts of a tour folder', async () => {
    const tour = join(dir, 'tour');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(tour, 'echo'), { recursive: true });
    writeFileSync(join(tour, 'echo', 'curve.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>loss curve</text></svg>');
    writeFileSync(
      join(tour, 'summary.json'),
      JSON.stringify({
        backend: 'lstm-kit backend: cpu',
        quick: true,
        date: '2026-11-22T00:00:00Z',
        table: [],
        rows: [
          {
            entry: { id: 'echo', lesson: 'B6', module: '@lstm-kit-apps/echo', pytorchSeconds: 5.3 },
            result: {
              id: 'echo', lesson: 'B6', title: 'Vanilla LSTM', architecture: 'LSTM(25) → Dense(10, softmax)', params: 3860,
              trainSeconds: 2, skill: { name: 'accuracy', value: 1, display: '100.0%' }, reference: '100%', threshold: '≥ 95%',
              passed: true, backend: 'cpu', details: ['Sequence: [1, 2, 3, 4, 5]  Expected: 3  Predicted: 3'],
              charts: [{ title: 'Loss', path: join(tour, 'echo', 'curve.svg') }],
            },
          },
          { entry: { id: 'addition', lesson: 'B9', module: '@lstm-kit-apps/addition' }, error: 'out of memory' },
        ],
      }),
    );
    const r = await run(['report', tour]);
    expect(r.code).toBe(EXIT.ok);
    const html = readFileSync(join(tour, 'index.html'), 'utf8');
    expect(html).toMatch(/3,860/);
    expect(html).toMatch(/loss curve/);
    expect(html).toMatch(/Expected: 3  Predicted: 3/);
    expect(html).toMatch(/Did not run: out of memory/);
    await expect(writeTourReport(join(dir, 'empty'))).rejects.toThrow(/no tour summary/);
    expect(existsSync(join(dir, 'empty'))).toBe(false);
  });
});

describe('lstm-kit tune and train', () => {
  it('grid-searches an example system over its tunable options', async () => {
    const r = await run(['tune', 'echo', '--grid', 'updates=20,40', '--repeats', '2', '--backend', 'cpu']);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/echo: accuracy over 2 repeats per configuration \(higher is better\)/);
    expect(r.out.match(/updates=20 \(seed \d+\): accuracy/g)).toHaveLength(2);
    expect(r.out.match(/updates=40 \(seed \d+\): accuracy/g)).toHaveLength(2);
    // The settings held for every configuration are printed once, not as grid columns.
    expect(r.out).toMatch(/fixed: quick=false, backend=cpu/);
  });

  it('names the options a system can vary when asked for another', async () => {
    const r = await run(['tune', 'echo', '--grid', 'dropout=0.1,0.2']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/echo has no tunable option 'dropout'; it can vary: units, updates/);
  });

  it('rejects train without a system', async () => {
    const r = await run(['train']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/expected one system to train/);
  });
});
