import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, saveArchitecture, saveModel, saveWeights } from './index';
import { predictToy, trainedToyModel } from './internal/toy-model';

/*
 * These tests run a second Node process on a fixture script that imports the BUILT package
 * (dist/), since Node cannot import this TypeScript source directly. `npm test` at the root
 * builds first (turbo: test depends on build).
 */
const fixtures = fileURLToPath(new URL('../test-fixtures/', import.meta.url));
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const run = promisify(execFile);

let dir: string;

beforeAll(async () => {
  if (!existsSync(built)) {
    throw new Error(`${built} is missing: these tests load the built package in a child process; run npm run build first (or npx tsup in packages/persistence)`);
  }
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'lstmkit-xproc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('B13: save in one process, load in another', () => {
  it('gives identical predictions in the one-file, folder and architecture + weights forms', async () => {
    const model = await trainedToyModel(5);
    const expected = predictToy(model);
    await saveModel(model, join(dir, 'b13'), { format: 'directory' });
    await saveModel(model, join(dir, 'b13.lstmkit'), { format: 'file' });
    await saveArchitecture(model, join(dir, 'b13-architecture.json'));
    await saveWeights(model, join(dir, 'b13-weights.lstmkit'));
    model.dispose();
    const jobs = [
      { form: 'directory', path: join(dir, 'b13') },
      { form: 'file', path: join(dir, 'b13.lstmkit') },
      { form: 'apart', path: join(dir, 'b13-architecture.json'), weights: join(dir, 'b13-weights.lstmkit') },
    ];
    const { stdout } = await run(process.execPath, [join(fixtures, 'predict.mjs'), JSON.stringify(jobs)], { cwd: fixtures });
    const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, `the child printed no result:\n${stdout}`).toBeDefined();
    const results = JSON.parse(line!.slice('RESULT '.length)) as Record<string, number[]>;
    // Exact equality: float32 values survive JSON unchanged, and the same weights on the same
    // backend give the same bits.
    expect(results.directory).toEqual(expected);
    expect(results.file).toEqual(expected);
    expect(results.apart).toEqual(expected);
  });
});

/**
 * Start the writer and SIGKILL it (like a crash or an OOM kill: no handler runs) as soon as
 * its temporary file or folder appears beside `path`, that is, while a save is writing.
 */
function killDuringSave(path: string, format: string): Promise<{ sawSaved: boolean; leftovers: string[] }> {
  const parent = join(path, '..');
  const base = path.slice(parent.length + 1);
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [join(fixtures, 'save-forever.mjs'), path, format], {
      cwd: fixtures,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let polling = false;
    const tempPrefix = () => `.${base}.lstmkit-tmp-${child.pid}-`;
    const poll = async (): Promise<void> => {
      while (!child.killed && child.exitCode === null) {
        const names = await readdir(parent);
        if (names.some((n) => n.startsWith(tempPrefix()))) {
          child.kill('SIGKILL');
          return;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
    };
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('saving') && !polling) {
        polling = true;
        poll().catch(reject);
      }
    });
    child.on('error', reject);
    child.on('exit', async (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer exited by itself (code ${code}) before it was killed:\n${err}`));
      const leftovers = (await readdir(parent)).filter((n) => n.startsWith(tempPrefix()));
      resolve({ sawSaved: out.includes('saved'), leftovers });
    });
  });
}

describe('a writer killed mid-save', () => {
  it.each(['directory', 'file'] as const)('leaves the previous model loadable (%s form)', async (format) => {
    const model = await trainedToyModel(2);
    const expected = predictToy(model);
    const path = join(dir, `killed-${format}`);
    await saveModel(model, path, { format });
    const { sawSaved, leftovers } = await killDuringSave(path, format);
    // The kill landed inside a save: its temporary file was there and it never finished.
    expect(sawSaved).toBe(false);
    expect(leftovers).toHaveLength(1);
    const loaded = await loadModel(path);
    expect(predictToy(loaded)).toEqual(expected);
    loaded.dispose();
    // The dead writer's temporary files go with the next save.
    await saveModel(model, path, { format });
    expect((await readdir(dir)).filter((n) => n.startsWith(`.killed-${format}`))).toEqual([]);
    model.dispose();
  });
});
