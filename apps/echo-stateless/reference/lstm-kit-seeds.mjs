// Accuracy of lstm-kit's L4 over several seeds, for comparison with echo_stateless_torch.py.
// Usage (after `npm run build`): node apps/echo-stateless/reference/lstm-kit-seeds.mjs 1-20 [units] [updates]
import { run } from '../dist/echo-stateless.js';

const [seedArg = '1-20', units, updates] = process.argv.slice(2);
const seeds = seedArg.split(',').flatMap((part) => {
  const [a, b] = part.split('-').map(Number);
  return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
});
const accs = [];
let backend;
for (const seed of seeds) {
  const r = await run({ seed, verbose: 0, ...(units ? { units: Number(units) } : {}), ...(updates ? { updates: Number(updates) } : {}) });
  backend = r.backend;
  accs.push(r.skill.value);
  console.log(`seed ${String(seed).padStart(3)}: accuracy ${(r.skill.value * 100).toFixed(1).padStart(5)}%  (${r.trainSeconds.toFixed(1)} s)`);
}
const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
const sd = Math.sqrt(accs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, accs.length - 1));
const sorted = [...accs].sort((a, b) => a - b);
const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
console.log(
  `lstm-kit (${backend}) LSTM(${units ?? 16}) updates ${updates ?? 500}: accuracy over ${accs.length} seeds mean ${(mean * 100).toFixed(1)}% ` +
    `(sd ${(sd * 100).toFixed(1)}), min ${(sorted[0] * 100).toFixed(0)}%, max ${(sorted.at(-1) * 100).toFixed(0)}%, median ${(median * 100).toFixed(1)}%`,
);
