import { run } from './echo';

// Run the echo system at the book's size: `node dist/main.js [--quick]`.
run({ quick: process.argv.includes('--quick') }).then(
  (result) => {
    process.exitCode = result.passed ? 0 : 3;
  },
  (e: unknown) => {
    console.error((e as Error).stack ?? e);
    process.exitCode = 1;
  },
);
