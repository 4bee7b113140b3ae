import { run } from './moving-line';

// Run the moving line system at the book's size: `node dist/main.js [--quick] [--out dir]`.
const at = process.argv.indexOf('--out');
run({ quick: process.argv.includes('--quick'), outDir: at > 0 ? process.argv[at + 1] : undefined }).then(
  (result) => {
    process.exitCode = result.passed ? 0 : 3;
  },
  (e: unknown) => {
    console.error((e as Error).stack ?? e);
    process.exitCode = 1;
  },
);
