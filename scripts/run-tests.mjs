#!/usr/bin/env node
// `npm test`: every workspace's tests through turbo (builds first), then the packages as users
// load them (scripts/check-packages.mjs), then one closing line with the totals of all of them.
import { spawn } from 'node:child_process';

const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let text = '';
    const take = (chunk, out) => {
      out.write(chunk);
      text += chunk.toString();
    };
    child.stdout.on('data', (c) => take(c, process.stdout));
    child.stderr.on('data', (c) => take(c, process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, text: strip(text) }));
  });
}

const turbo = await run('npx', ['turbo', 'run', 'test', '--continue']);
let passed = 0;
let failed = 0;
let skipped = 0;
let suites = 0;
// vitest's summary per workspace: "Tests  3 failed | 54 passed | 2 skipped (59)"
for (const m of turbo.text.matchAll(/^\S*\s*Tests\s+(.+?)\s+\(\d+\)\s*$/gm)) {
  suites++;
  for (const [, n, kind] of m[1].matchAll(/(\d+) (passed|failed|skipped)/g)) {
    if (kind === 'passed') passed += Number(n);
    else if (kind === 'failed') failed += Number(n);
    else skipped += Number(n);
  }
}
// A workspace whose test run broke before vitest's summary (a build or import error) counts as a failure.
const brokenRuns = turbo.code !== 0 && failed === 0 ? 1 : 0;
const check = await run(process.execPath, [new URL('./check-packages.mjs', import.meta.url).pathname]);
const checked = /(\d+) passed, (\d+) failed\s*$/.exec(check.text.trim());
if (checked) {
  passed += Number(checked[1]);
  failed += Number(checked[2]);
}
console.log(`\nTest files of ${suites} workspaces and the package check: ${check.code === 0 && turbo.code === 0 ? 'all green' : 'FAILURES above'}`);
console.log(`${passed} passed, ${failed + brokenRuns} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = turbo.code !== 0 || check.code !== 0 ? 1 : 0;
