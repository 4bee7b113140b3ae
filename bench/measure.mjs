// Timing helpers: wall and CPU time of this process, medians over chunks of a run.
import * as tf from '@tensorflow/tfjs';

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
