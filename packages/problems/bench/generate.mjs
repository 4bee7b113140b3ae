// Times the problem generators at the sizes the course trains on (run after `npx tsup`):
//   node packages/problems/bench/generate.mjs [--json]
// Prints the median of several runs after a warm-up; the issue asks for 75,000 addition pairs
// and 50,000 cumulative-sum sequences "well under a second" each.
import { performance } from 'node:perf_hooks';
import { createRng } from '@lstm-kit/sequence';
import { addition, cumulativeSum, dampedSine, echo, movingLine } from '../dist/index.js';

const REPEATS = 5;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn) {
  fn(); // warm-up: JIT and first allocations are not what training sees
  const runs = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

const cases = [
  {
    name: 'addition: 75,000 pairs, 3 terms, largest 10 (B9)',
    count: 75_000,
    run: () => addition({ nTerms: 3, largest: 10, nPatterns: 75_000, seed: 1 }),
  },
  {
    name: 'cumulativeSum: 50,000 sequences of 10 steps (B10)',
    count: 50_000,
    run: () => cumulativeSum({ nTimesteps: 10, nPatterns: 50_000, seed: 1 }),
  },
  {
    name: 'echo: 10,000 single-sample calls on one rng (B6 online)',
    count: 10_000,
    run: () => {
      const rng = createRng(1);
      for (let i = 0; i < 10_000; i++) echo({ length: 5, nFeatures: 10, outIndex: 2, rng });
    },
  },
  {
    name: 'dampedSine: 10,000 sequences, length 50, output 5 (B7)',
    count: 10_000,
    run: () => dampedSine({ length: 50, output: 5, nPatterns: 10_000, seed: 1 }),
  },
  {
    name: 'movingLine: 5,000 sequences of size 50, in batches of 32 (B8)',
    count: 5_000,
    run: () => {
      const rng = createRng(1);
      for (let done = 0; done < 5_000; done += 32) movingLine({ size: 50, nPatterns: Math.min(32, 5_000 - done), rng });
    },
  },
];

const results = cases.map((c) => {
  const ms = time(c.run);
  return { name: c.name, ms: Number(ms.toFixed(1)), perSecond: Math.round((c.count / ms) * 1000) };
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ package: '@lstm-kit/problems', repeats: REPEATS, results }, null, 2));
} else {
  console.log(`@lstm-kit/problems generators (median of ${REPEATS} runs after a warm-up)`);
  for (const r of results) {
    console.log(`  ${r.name.padEnd(64)} ${String(r.ms).padStart(8)} ms  ${r.perSecond.toLocaleString('en-US').padStart(12)} /s`);
  }
}
