import { run } from './airline-forecast';

// Run the airline forecast at the default size: `node dist/main.js [--quick] [--out dir]`.
const out = process.argv.indexOf('--out');
run({ quick: process.argv.includes('--quick'), outDir: out > 0 ? process.argv[out + 1] : undefined }).then(
  (result) => {
    process.exitCode = result.passed ? 0 : 3;
  },
  (e: unknown) => {
    console.error((e as Error).stack ?? e);
    process.exitCode = 1;
  },
);
