import { run } from './update-model';

// Compare update candidates and swap in the winner: `node dist/main.js [--quick] [--out dir]`.
const outAt = process.argv.indexOf('--out');
run({ quick: process.argv.includes('--quick'), outDir: outAt > 0 ? process.argv[outAt + 1] : undefined }).then(
  (result) => {
    process.exitCode = result.passed ? 0 : 3;
  },
  (e: unknown) => {
    console.error((e as Error).stack ?? e);
    process.exitCode = 1;
  },
);
