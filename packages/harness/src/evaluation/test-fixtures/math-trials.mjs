// Pure-math trials for executor tests: deterministic in (config, seed), no tfjs, plain JS so
// worker threads can import them without a TypeScript loader.

function noise(seed) {
  // One step of an integer hash: the same seed gives the same value in any thread.
  let t = (seed + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function mathTrial(ctx) {
  const loss = Array.from({ length: 5 }, (_, e) => (1 + noise(ctx.seed + e)) / (e + 1));
  return { score: loss[4], history: { loss } };
}

export async function gridTrial(config, ctx) {
  return 1 / config.cells + config.batchSize * 0.01 + noise(ctx.seed) * 0.001;
}

// Echoes the settings it was given in its history, to show what reached the worker.
export function fixedTrial(config, ctx) {
  const score = 1 / config.cells + config.epochs * 0.001 + noise(ctx.seed) * 0.001;
  return { score, history: { keys: [Object.keys(config).length], epochs: [config.epochs], sizes: config.data.sizes } };
}

export function armTrial(ctx) {
  const offsets = { baseline: 0.5, 'refit new': 0.3, 'more old': 0.49, worse: 0.7 };
  return offsets[ctx.arm] + noise(ctx.seed) * 0.05;
}

export function failsOnSecond(ctx) {
  if (ctx.repeat === 1) throw new RangeError('boom at repeat 1');
  return 1;
}

export function notAScore() {
  return 'nope';
}

export function exitsWorker() {
  process.exit(3);
}
