// GFLOP/s of the wasm matrix products over the shapes the recurrent kernels actually run:
// per step h·U (forward) and dG·Uᵀ (backward), and per call the input projection x·W, the
// weight gradients xᵀ·dG and hᵀ·dG over all steps, and dx = dG·Wᵀ. Each shape is timed with
// process CPU time (honest on a shared machine), median of 5 runs.
//
//   node bench/gemm.mjs                         build/kernels.wasm
//   node bench/gemm.mjs --wasm old.wasm --wasm build/kernels.wasm
//                                               several modules, runs interleaved per shape
//
// A module from before the packed products (no `gemmPacked` export) is driven through its
// old `gemm(a, b, c, m, n, k, sAi, sAk, acc, bt)` with materialised transposes, the way the
// sequence loops called it then, so the figures compare like with like.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const files = argv.flatMap((a, i) => (a === '--wasm' ? [argv[i + 1]] : []));
if (files.length === 0) files.push(join(root, 'build', 'kernels.wasm'));

function load(file) {
  const inst = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), { env: { abort: () => { throw new Error('abort'); } } });
  const ex = inst.exports;
  let end = (ex.heapBase() + 15) & ~15;
  const alloc = (floats) => {
    const at = end;
    end += ((floats + 3) & ~3) * 4;
    const need = end - ex.memory.buffer.byteLength;
    if (need > 0) ex.memory.grow(Math.ceil(need / 65536));
    return at;
  };
  const fill = (ptr, floats, seed) => {
    const v = new Float32Array(ex.memory.buffer, ptr, floats);
    let s = seed >>> 0;
    for (let i = 0; i < floats; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      v[i] = (s / 4294967296) * 2 - 1;
    }
  };
  return { ex, alloc, fill, packed: typeof ex.gemmPacked === 'function' };
}

/**
 * Returns a closure running one product the way the sequence loops do.
 * kind: 'AB' (A row-major [m×k] · B [k×n]), 'AtB' (A stored [k×m]), 'ABt' (B stored [n×k]);
 * prepacked: B is packed once outside the timed closure (the recurrent matrix).
 */
function setup(mod, kind, m, n, k, prepacked) {
  const { ex, alloc, fill } = mod;
  const a = alloc(m * k), b = alloc(k * n), c = alloc(m * n);
  fill(a, m * k, 1); fill(b, k * n, 2); fill(c, m * n, 4);
  const sAi = kind === 'AtB' ? 1 : k;
  const sAk = kind === 'AtB' ? m : 1;
  if (!mod.packed) {
    // Old API: Aᵀ·B via strides; A·Bᵀ through the transposed copy (b) plus Bᵀ (bt) for tails.
    if (kind === 'ABt') {
      const bt = alloc(k * n);
      fill(bt, k * n, 3);
      return () => ex.gemm(a, b, c, m, n, k, sAi, sAk, 1, bt);
    }
    return () => ex.gemm(a, b, c, m, n, k, sAi, sAk, 1, 0);
  }
  // B(kk, j): row-major [k×n] for AB/AtB; for ABt the [n×k] matrix read transposed.
  const sBk = kind === 'ABt' ? 1 : n;
  const sBj = kind === 'ABt' ? k : 1;
  if (prepacked) {
    const bp = alloc(ex.packedSize(n, k));
    ex.packB(b, n, k, sBk, sBj, bp);
    return () => ex.gemmPacked(a, bp, c, m, n, k, sAi, sAk, 1);
  }
  const scratch = alloc(ex.gemmScratchSize(n, k));
  return () => ex.gemm(a, b, c, m, n, k, sAi, sAk, sBk, sBj, 1, scratch);
}

function gflops(fn, flops) {
  // Enough calls per run for ~60 ms; warm-up compiles the tiers.
  for (let i = 0; i < 3; i++) fn();
  const c0 = process.cpuUsage();
  fn();
  const once = Math.max(1e-3, (process.cpuUsage(c0).user) / 1000);
  const reps = Math.max(1, Math.ceil(60 / once));
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < reps; i++) fn();
    const u = process.cpuUsage(t);
    runs.push((flops * reps) / ((u.user + u.system) * 1e3));
  }
  return runs.sort((x, y) => x - y)[2];
}

// batch, units, features, steps of the configurations the benchmark trains.
const configs = [
  ['standard LSTM(50)', 32, 50, 1, 50],
  ['large LSTM(256)', 64, 256, 1, 100],
  ['B9 encoder LSTM(75)', 32, 75, 12, 8],
  ['B9 decoder LSTM(50)', 32, 50, 75, 2],
];

const mods = files.map(load);
console.log(`GFLOP/s (2·m·n·k per CPU-second), median of 5 — ${files.map((f, i) => `[${i}] ${f}`).join('  ')}`);
for (const [name, b, u, f, T] of configs) {
  const G = 4 * u;
  const rows = b * T;
  const shapes = [
    ['fwd h·U (per step)', 'AB', b, G, u, true],
    ['bwd dG·Uᵀ (per step)', 'ABt', b, u, G, true],
    ['dU = hᵀ·dG', 'AtB', u, G, rows, false],
    ['dW = xᵀ·dG', 'AtB', f, G, rows, false],
    ['x·W (all steps)', 'AB', rows, G, f, false],
    ['dx = dG·Wᵀ', 'ABt', rows, f, G, false],
  ];
  console.log(name);
  for (const [label, kind, m, n, k, pre] of shapes) {
    const fns = mods.map((mod) => setup(mod, kind, m, n, k, pre));
    const res = new Array(mods.length).fill(0).map(() => []);
    // Interleave modules, three rounds, so load from other processes hits all alike.
    for (let round = 0; round < 3; round++) fns.forEach((fn, i) => res[i].push(gflops(fn, 2 * m * n * k)));
    const med = res.map((r) => r.sort((x, y) => x - y)[1]);
    const shape = `m=${m} n=${n} k=${k}`;
    console.log(`  ${label.padEnd(22)} ${shape.padEnd(22)} ${med.map((g, i) => `[${i}] ${g.toFixed(1).padStart(5)}`).join('  ')}${med.length > 1 ? `  ×${(med[med.length - 1] / med[0]).toFixed(2)}` : ''}`);
  }
}
