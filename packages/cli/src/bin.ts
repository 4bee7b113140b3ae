#!/usr/bin/env node
import { main } from './cli';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`lstm-kit: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  },
);
