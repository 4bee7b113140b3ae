import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initBackend } from '@lstm-kit/backend';
import { seriesChart, writeChart } from '@lstm-kit/charts';
import { type SystemChart, type SystemResult, type SystemRunOptions, lineOutput } from '@lstm-kit/cli';
import { compileModel, fit, predict } from '@lstm-kit/harness';
import { summary, vanilla } from '@lstm-kit/layers';
import { saveArchitecture, saveModel, saveWeights } from '@lstm-kit/persistence';
import { fitDiagnosisData } from '@lstm-kit/problems';
import { concatRows } from '@lstm-kit/sequence';

/** The book's configuration (lesson 13, spec B13): LSTM(10) → Dense(1) on the toy data, 300 epochs. */
export const SAVE_LOAD_CONFIG = {
  units: 10,
  epochs: 300,
  /** The 5 training samples form one batch, as Keras's default batch of 32 does. */
  batchSize: 5,
  seed: 13,
} as const;

/** The reduced size `--quick` and the tests use: saving and loading do not depend on how long the model trained. */
export const SAVE_LOAD_QUICK = { epochs: 50 } as const;

/** Options of the save-load app's {@link run}. */
export interface SaveLoadRunOptions extends SystemRunOptions {
  /** Training epochs. Default 300 (50 with `quick`). */
  readonly epochs?: number;
}

/**
 * The loader script run in a second Node process (plain JS on the packages' built output),
 * beside `src/` and `dist/`. The ESM build and vitest have `import.meta.url`; the CJS build has
 * an empty `import.meta` and its own `__filename`. `import.meta.url` is read first because
 * `node -e` and the REPL define a global `__filename` ('[eval]') that an ES module would see.
 */
const LOADER = join(
  dirname(typeof import.meta.url === 'string' ? fileURLToPath(import.meta.url) : __filename),
  '..',
  'load-and-predict.mjs',
);

/**
 * Reproduce lesson 13: train LSTM(10) → Dense(1) on the toy data, save it as one file and as
 * architecture JSON plus weights, load both in another Node process and check that the
 * loaded models predict exactly what the trained one does.
 *
 * @param options epochs, seed, log, and `outDir` to keep the saved files and the chart (else a temporary folder)
 * @returns the tour row: skill = largest absolute difference between in-process and loaded predictions (must be 0)
 * @example
 * const result = await run({ outDir: 'out/b13' }); // out/b13/model.lstmkit, architecture.json, model.weights
 * console.log(result.skill.display); // max |diff| 0
 */
export async function run(options: SaveLoadRunOptions = {}): Promise<SystemResult> {
  const log = options.verbose === 0 ? () => {} : (options.log ?? console.log);
  const backend = await initBackend({ prefer: options.backend });
  const seed = options.seed ?? SAVE_LOAD_CONFIG.seed;
  const epochs = options.epochs ?? (options.quick ? SAVE_LOAD_QUICK.epochs : SAVE_LOAD_CONFIG.epochs);
  const { train, validation } = fitDiagnosisData();

  const model = vanilla({ units: SAVE_LOAD_CONFIG.units, timesteps: 1, features: 1, outputs: 1, seed });
  compileModel(model, { loss: 'mse', optimizer: 'adam' });
  const params = summary(model, { print: log }).total;
  log(`Training ${epochs} epochs on the toy data`);
  const started = performance.now();
  await fit(model, train, {
    epochs,
    batchSize: SAVE_LOAD_CONFIG.batchSize,
    shuffle: false,
    verbose: 0,
    output: options.log ? lineOutput(options.log) : undefined,
  });
  const trainSeconds = (performance.now() - started) / 1000;

  // Every toy input: the 5 it trained on and the 5 it never saw.
  const x = concatRows([train.x, validation.x]);
  const expected = Array.from(concatRows([train.y, validation.y]).data);
  const inputs = Array.from(x.data);
  const trained = Array.from((await predict(model, x)).data);

  let disposed = false;
  // model.dispose() frees the weights only; Adam's moment estimates belong to the optimizer.
  const release = () => {
    if (disposed) return;
    disposed = true;
    model.optimizer?.dispose();
    model.dispose();
  };
  const dir = options.outDir ?? mkdtempSync(join(tmpdir(), 'lstm-kit-save-load-'));
  const files = { model: join(dir, 'model.lstmkit'), architecture: join(dir, 'architecture.json'), weights: join(dir, 'model.weights') };
  try {
    await saveModel(model, files.model, { format: 'file' });
    await saveArchitecture(model, files.architecture);
    await saveWeights(model, files.weights);
    log(`Saved ${files.model} (one file), ${files.architecture} and ${files.weights}`);
    release();

    log(`Loading both in another process: node ${LOADER}`);
    const loaded = await loadElsewhere(backend.tfBackend === 'tensorflow' ? 'tensorflow' : backend.name, files, inputs);
    const diffOneFile = maxAbsDiff(trained, loaded.oneFile);
    const diffSeparate = maxAbsDiff(trained, loaded.separate);
    const worst = Math.max(diffOneFile, diffSeparate);

    const details = inputs.map(
      (v, i) =>
        `X=${v.toFixed(1)}  trained: ${trained[i].toFixed(6)}  one file: ${loaded.oneFile[i].toFixed(6)}  ` +
        `architecture+weights: ${loaded.separate[i].toFixed(6)}  (expect ${expected[i].toFixed(1)})`,
    );
    for (const line of details) log(line);
    log(`Max |difference| after loading: one file ${diffOneFile}, architecture + weights ${diffSeparate} (reference: identical, 0), trained in ${trainSeconds.toFixed(1)} s`);

    const charts: SystemChart[] = [];
    if (options.outDir) {
      const spec = seriesChart({
        title: 'Predictions before saving and after loading in another process',
        series: [
          { name: 'expected', values: inputs.map((v, i) => ({ x: v, y: expected[i] })) },
          { name: 'trained model', values: inputs.map((v, i) => ({ x: v, y: trained[i] })) },
          { name: 'loaded (one file)', values: inputs.map((v, i) => ({ x: v, y: loaded.oneFile[i] })), dashed: true },
        ],
        points: true,
        xTitle: 'X',
        yTitle: 'y',
      });
      const path = join(options.outDir, 'predictions.svg');
      await writeChart(spec, path);
      charts.push({ title: 'Predictions before saving and after loading', path, spec });
    }

    return {
      id: 'save-load',
      lesson: 'B13',
      title: 'Save a model and load it in another process',
      architecture: `LSTM(${SAVE_LOAD_CONFIG.units}) → Dense(1)`,
      params,
      trainSeconds,
      skill: { name: 'max |prediction diff| after loading', value: worst, display: `${worst}` },
      reference: 'identical (0)',
      threshold: '= 0',
      passed: worst === 0,
      backend: backend.name,
      details,
      charts,
    };
  } finally {
    release();
    if (!options.outDir) rmSync(dir, { recursive: true, force: true });
  }
}

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** Run the loader script in a child Node process and parse the predictions it prints. */
function loadElsewhere(
  backend: string,
  files: { model: string; architecture: string; weights: string },
  inputs: number[],
): Promise<{ oneFile: number[]; separate: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOADER, backend, files.model, files.architecture, files.weights, JSON.stringify(inputs)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`the loader process exited with code ${code}: ${stderr.trim() || stdout.trim()}; build the packages first (npm run build)`));
        return;
      }
      resolve(JSON.parse(line) as { oneFile: number[]; separate: number[] });
    });
  });
}
