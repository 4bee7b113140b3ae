#!/usr/bin/env node
// Every package, as a user installs it: dist holds ESM, CommonJS and type declarations, and a
// plain Node script can both `require()` and `import` it, getting the same exports.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  const problems = [];
  for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
    if (!existsSync(join(root, 'packages', dir, 'dist', file))) problems.push(`dist/${file} is missing`);
  }
  const names = (code, type) => {
    try {
      const out = execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return JSON.parse(out.trim().split('\n').pop());
    } catch (e) {
      problems.push(`${type === 'module' ? 'import' : 'require'} failed: ${(e.stderr || e.message).toString().split('\n').find((l) => /Error/.test(l)) ?? e.message}`);
      return null;
    }
  };
  const viaRequire = names(`console.log(JSON.stringify(Object.keys(require(${JSON.stringify(pkg.name)})).sort()))`, 'commonjs');
  const viaImport = names(`const m = await import(${JSON.stringify(pkg.name)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default' && k !== 'module.exports').sort()))`, 'module');
  if (viaRequire && viaImport) {
    if (viaRequire.length === 0) problems.push('require() gives no exports');
    if (JSON.stringify(viaRequire) !== JSON.stringify(viaImport)) problems.push('require() and import give different exports');
  }
  if (problems.length) {
    failed++;
    console.log(`✗ ${pkg.name}: ${problems.join('; ')}`);
  } else {
    passed++;
    console.log(`✓ ${pkg.name}: ESM, CJS and types; ${viaRequire.length} exports through require() and import`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
