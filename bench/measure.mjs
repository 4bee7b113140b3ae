// Timing helpers: wall and CPU time of this process, medians over chunks of a run.
import * as tf from '@tensorflow/tfjs';
import { fit, fitOnline } from '@lstm-kit/harness';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Run `fn` and return its wall and CPU milliseconds (CPU: user + system of this process). */
export async function timed(fn) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return { wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

/**
 * Train `steps` batches in `chunks` equal parts after two warm-up steps; throughput is the
 * median over the parts (wall and CPU), so a burst of load from other processes moves it less.
 */
export async function trainRate(model, x, y, batch, steps, chunks) {
  for (let i = 0; i < 2; i++) await model.trainOnBatch(x, y);
  const per = Math.max(1, Math.floor(steps / chunks));
  const parts = [];
  let done = 0;
  while (done < steps) {
    const n = Math.min(per, steps - done);
    parts.push({ n, ...(await timed(async () => { for (let i = 0; i < n; i++) await model.trainOnBatch(x, y); })) });
    done += n;
  }
  const full = parts.filter((p) => p.n === per);
  return {
    samples: steps * batch,
    wallS: parts.reduce((a, p) => a + p.wallMs, 0) / 1000,
    rate: median(full.map((p) => (p.n * batch) / (p.wallMs / 1000))),
    cpuRate: median(full.map((p) => (p.n * batch) / (p.cpuMs / 1000))),
  };
}

// A fit epoch holds at most this many floats of x (B8's batch alone is 4M): larger parts of a
// run are several epochs over the same tiled batches.
const MAX_EPOCH_FLOATS = 1 << 24;

/** The batch repeated `times` times along the samples axis, as a plain NdArray. */
function tiled(t, times) {
  const one = t.dataSync();
  const data = new Float32Array(one.length * times);
  for (let i = 0; i < times; i++) data.set(one, i * one.length);
  return { shape: [t.shape[0] * times, ...t.shape.slice(1)], data };
}

/**
 * Like {@link trainRate}, through the harness as users train lstm-kit models: batch 1 (B6) with
 * `fitOnline` (one generated sample per update; the generator returns the same one), larger
 * batches with `fit` over the batch repeated (shuffled each epoch, as `fit` does by default).
 */
export async function harnessTrainRate(model, x, y, batch, steps, chunks) {
  const per = Math.max(1, Math.floor(steps / chunks));
  let run;
  if (batch === 1) {
    const sample = { x: tiled(x, 1), y: tiled(y, 1) };
    run = async (n) => { await fitOnline(model, () => sample, { updates: n, verbose: 0 }); return n; };
  } else {
    const tiles = Math.max(1, Math.min(per, Math.floor(MAX_EPOCH_FLOATS / x.size)));
    const data = { x: tiled(x, tiles), y: tiled(y, tiles) };
    run = async (n) => {
      const epochs = Math.max(1, Math.round(n / tiles));
      await fit(model, data, { epochs, batchSize: batch, verbose: 0, seed: 1 });
      return epochs * tiles;
    };
  }
  await run(2);
  const parts = [];
  let done = 0;
  while (done < steps) {
    let n = 0;
    const t = await timed(async () => { n = await run(Math.min(per, steps - done)); });
    parts.push({ n, ...t });
    done += n;
  }
  const full = parts.filter((p) => p.n >= per);
  const use = full.length ? full : parts;
  return {
    samples: done * batch,
    wallS: parts.reduce((a, p) => a + p.wallMs, 0) / 1000,
    rate: median(use.map((p) => (p.n * batch) / (p.wallMs / 1000))),
    cpuRate: median(use.map((p) => (p.n * batch) / (p.cpuMs / 1000))),
  };
}

/** Prediction throughput (samples/s, wall and CPU) of `model.predict` on one batch, median of 5. */
export async function predictRate(model, x, repeats) {
  tf.dispose(model.predict(x));
  const parts = [];
  for (let r = 0; r < 5; r++) parts.push(await timed(() => { for (let i = 0; i < repeats; i++) tf.dispose(model.predict(x)); }));
  const n = repeats * x.shape[0];
  return { rate: median(parts.map((p) => n / (p.wallMs / 1000))), cpuRate: median(parts.map((p) => n / (p.cpuMs / 1000))) };
}

/** Milliseconds of one call of `fn` (wall and CPU), median of 5 rounds of `repeats`. */
export async function perCallMs(fn, repeats) {
  for (let i = 0; i < 100; i++) fn();
  const parts = [];
  for (let r = 0; r < 5; r++) parts.push(await timed(() => { for (let i = 0; i < repeats; i++) fn(); }));
  return { ms: median(parts.map((p) => p.wallMs / repeats)), cpuMs: median(parts.map((p) => p.cpuMs / repeats)) };
}
