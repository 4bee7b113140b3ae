// Single-sample updates per second: fitOnline's hand-written train step vs tfjs model.fit
// called once per sample, on the echo system's model (LSTM(25) -> Dense(10, softmax), 5 steps,
// 10 features; spec B6). Run after building (`npx tsup` here and in sequence and backend):
//   node packages/harness/bench/online-vs-fit.mjs [--backend wasm|cpu] [--updates 300] [--rounds 5] [--model echo|dense]
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { initBackend, describeBackend } from '@lstm-kit/backend';
import { createRng, ndarray } from '@lstm-kit/sequence';
import { compileModel, fitOnline } from '@lstm-kit/harness';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const UPDATES = Number(arg('updates', '300'));
// Rounds alternate the two methods so machine load drifts hit both alike; medians are reported.
const ROUNDS = Number(arg('rounds', '5'));
const T = 5;
const F = 10;

function echoSample(rng) {
  const x = new Float32Array(T * F);
  const y = new Float32Array(F);
  for (let t = 0; t < T; t++) {
    const v = rng.int(0, F);
    x[t * F + v] = 1;
    if (t === 2) y[v] = 1;
  }
  return { x: ndarray(x, [1, T, F]), y: ndarray(y, [1, F]) };
}

// `--model dense` swaps the LSTM for a Flatten, leaving almost no compute, to isolate the
// per-call overhead that fitOnline removes.
const MODEL = arg('model', 'echo');

function echoModel() {
  const model = tf.sequential();
  if (MODEL === 'dense') model.add(tf.layers.flatten({ inputShape: [T, F] }));
  else model.add(tf.layers.lstm({ units: 25, inputShape: [T, F] }));
  model.add(tf.layers.dense({ units: F, activation: 'softmax' }));
  return model;
}

async function harnessRun(n) {
  const model = echoModel();
  compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['acc'] });
  const rng = createRng(1);
  await fitOnline(model, () => echoSample(rng), { updates: 20, verbose: 0 }); // warm-up
  const t0 = performance.now();
  await fitOnline(model, () => echoSample(rng), { updates: n, verbose: 0 });
  const ms = performance.now() - t0;
  model.dispose();
  return (n / ms) * 1000;
}

async function modelFitRun(n) {
  const model = echoModel();
  model.compile({ loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['acc'] });
  const rng = createRng(1);
  const once = async () => {
    const s = echoSample(rng);
    const x = tf.tensor(s.x.data, [1, T, F]);
    const y = tf.tensor(s.y.data, [1, F]);
    await model.fit(x, y, { epochs: 1, batchSize: 1, verbose: 0, shuffle: false });
    x.dispose();
    y.dispose();
  };
  for (let i = 0; i < 20; i++) await once(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await once();
  const ms = performance.now() - t0;
  model.dispose();
  return (n / ms) * 1000;
}

const info = await initBackend({ prefer: arg('backend', 'wasm') });
console.log(`${describeBackend(info)}; model: ${MODEL === 'dense' ? 'Flatten -> Dense(10, softmax)' : 'LSTM(25) -> Dense(10, softmax)'}`);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const onlineRuns = [];
const fitRuns = [];
for (let r = 0; r < ROUNDS; r++) {
  onlineRuns.push(await harnessRun(UPDATES));
  fitRuns.push(await modelFitRun(UPDATES));
}
const online = median(onlineRuns);
const fit = median(fitRuns);
const ratios = onlineRuns.map((o, i) => o / fitRuns[i]);
console.log(`fitOnline:            ${online.toFixed(0)} updates/s (median of ${ROUNDS} x ${UPDATES})`);
console.log(`model.fit per sample: ${fit.toFixed(0)} updates/s`);
console.log(`ratio:                ${(online / fit).toFixed(2)}x (per round: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
