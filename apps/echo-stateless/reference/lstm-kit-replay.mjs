// Replay lstm-kit's L4 training in PyTorch: the same initial weights, the same 500 samples, the
// same test set, and compare losses, final weights and test accuracy (see README, "Reference").
// Usage (after `npm run build`): node apps/echo-stateless/reference/lstm-kit-replay.mjs [seed] [updates]
// PYTHON names the interpreter with PyTorch (default /usr/bin/python3).
import { initBackend } from '@lstm-kit/backend';
import { compileModel, fitOnline, predictClasses } from '@lstm-kit/harness';
import { vanilla } from '@lstm-kit/layers';
import { echo, echoLabVariant } from '@lstm-kit/problems';
import { createRng } from '@lstm-kit/sequence';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const seed = Number(process.argv[2] ?? 4);
const updates = Number(process.argv[3] ?? 500);
const { length, nFeatures, outIndex } = echoLabVariant;
const backend = await initBackend({});

// As the app's run(): model seeded with `seed`, training and test streams forked from createRng(seed).
const model = vanilla({ units: 16, timesteps: length, features: nFeatures, outputs: nFeatures, outputActivation: 'softmax', seed });
compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['accuracy'] });
const keys = ['kernel', 'recurrent', 'bias', 'denseKernel', 'denseBias'];
const weightsOf = () => Object.fromEntries(model.getWeights().map((w, i) => [keys[i], w.arraySync()]));
const init = weightsOf();
const rng = createRng(seed);
const trainRng = rng.fork();
const testRng = rng.fork();
const samples = Array.from({ length: updates }, () => echo({ length, nFeatures, outIndex, nPatterns: 1, rng: trainRng }));
const test = echo({ length, nFeatures, outIndex, nPatterns: 100, rng: testRng });

const history = await fitOnline(model, (i) => samples[i], { updates, verbose: 0, logEvery: 1 });
const predicted = Array.from((await predictClasses(model, test.x)).data);
const accuracy = predicted.filter((p, i) => p === test.targets[i]).length / predicted.length;
const after = weightsOf();
model.optimizer?.dispose();
model.dispose();

const dir = mkdtempSync(join(tmpdir(), 'l4-replay-'));
const file = join(dir, 'replay.json');
writeFileSync(
  file,
  JSON.stringify({
    ...init,
    x: samples.flatMap((s) => Array.from(s.x.data)),
    y: samples.flatMap((s) => Array.from(s.y.data)),
    testX: Array.from(test.x.data),
    testY: Array.from(test.y.data),
  }),
);
const script = join(dirname(fileURLToPath(import.meta.url)), 'echo_stateless_torch.py');
const py = spawnSync(process.env.PYTHON ?? '/usr/bin/python3', [script, '--init-json', file, '--steps', String(updates)], {
  env: { ...process.env, OPENBLAS_NUM_THREADS: '1' },
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
if (py.status !== 0) throw new Error(py.stderr);
const ref = JSON.parse(py.stdout);

const flat = (v) => (Array.isArray(v) ? v.flat(Infinity) : [v]);
const maxAbs = (a, b) => Math.max(...flat(a).map((v, i) => Math.abs(v - flat(b)[i])));
const kitLoss = history.history.loss;
console.log(`seed ${seed}, ${updates} updates, lstm-kit on ${backend.name} vs PyTorch from the same weights and samples`);
for (const n of [1, 10, 100, updates].filter((n) => n <= updates)) {
  console.log(`  loss of update ${String(n).padStart(3)}: lstm-kit ${kitLoss[n - 1].toFixed(6)}  PyTorch ${ref.losses[n - 1].toFixed(6)}`);
}
console.log(`  max |loss difference| over all updates: ${maxAbs(kitLoss, ref.losses).toExponential(2)}`);
for (const k of keys) {
  const moved = maxAbs(after[k], init[k]);
  console.log(`  ${k.padEnd(12)} moved up to ${moved.toExponential(2)}; max |lstm-kit - PyTorch| ${maxAbs(after[k], ref.weights[k]).toExponential(2)}`);
}
const agree = predicted.filter((p, i) => p === ref.predicted[i]).length;
console.log(`  test accuracy: lstm-kit ${(accuracy * 100).toFixed(1)}%  PyTorch ${(ref.accuracy * 100).toFixed(1)}%; same prediction on ${agree}/100 sequences`);
