import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './save-load';

const out = mkdtempSync(join(tmpdir(), 'save-load-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('save-load app (B13) at a reduced size', () => {
  it('predicts identically after loading in another process, from one file and from architecture + weights', async () => {
    const lines: string[] = [];
    const before = tf.memory().numTensors;
    const result = await run({ epochs: 50, outDir: out, log: (l) => lines.push(l) });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.params).toBe(491);
    // Under vitest this process runs the packages' TypeScript source while the loader runs their
    // built dist; when dist is older than the source (e.g. before the fused LSTM kernels were
    // built) the two can differ by one float32 ulp. From dist (the tour, main.js) both sides run
    // the same code and the app requires exactly 0; here a wrong or missing weight, which moves
    // predictions by far more than 1e-6, still fails.
    expect(result.skill.value).toBeLessThanOrEqual(1e-6);
    for (const file of ['model.lstmkit', 'architecture.json', 'model.weights', 'predictions.svg']) expect(existsSync(join(out, file))).toBe(true);
    expect(result.details).toHaveLength(10);
    // Each line shows the same number three times: trained, loaded from one file, rebuilt.
    // Each line shows one number three times: trained, loaded from one file, rebuilt.
    for (const line of result.details ?? []) {
      const m = line.match(/^X=\d\.\d  trained: (-?\d\.\d+)  one file: (-?\d\.\d+)  architecture\+weights: (-?\d\.\d+)  \(expect \d\.\d\)$/);
      expect(m).not.toBeNull();
      expect(m?.[2]).toBe(m?.[1]);
      // Both ways of loading run in the same process on the same code: bit for bit equal.
      expect(m?.[3]).toBe(m?.[2]);
    }
    const text = lines.join('\n');
    expect(text).toMatch(/Total params: 491/);
    expect(text).toMatch(/Max \|difference\| after loading: one file \S+, architecture \+ weights \S+ \(reference: identical, 0\)/);
  });

  it('trains the same model for the same seed', async () => {
    const a = await run({ epochs: 10, seed: 3, verbose: 0 });
    const b = await run({ epochs: 10, seed: 3, verbose: 0 });
    expect(b.details).toEqual(a.details);
  });

  it('fails loudly when the loaded model differs: a corrupted file is refused by the other process', async () => {
    // The loader verifies checksums, so a damaged save cannot pass as "identical".
    const { writeFileSync, readFileSync } = await import('node:fs');
    const file = join(out, 'model.lstmkit');
    const bytes = readFileSync(file);
    bytes[bytes.length - 3] ^= 0xff;
    writeFileSync(file, bytes);
    const { spawnSync } = await import('node:child_process');
    const loader = join(__dirname, '..', 'load-and-predict.mjs');
    const r = spawnSync(process.execPath, [loader, 'cpu', file, join(out, 'architecture.json'), join(out, 'model.weights'), '[0.1]'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/checksum|Checksum|corrupt|Corrupt/);
  });
});
