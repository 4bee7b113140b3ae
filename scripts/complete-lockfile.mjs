#!/usr/bin/env node
// Complete package-lock.json with the platform-specific optional packages of other platforms.
//
// Why: when the registry a lockfile is written against serves only this platform's native
// packages (other platforms' @rollup/rollup-* and @turbo/* binaries answer 404), npm leaves
// them out of the lockfile, and `npm ci` then rejects the lockfile as out of sync ("Missing:
// @rollup/rollup-android-arm64@ from lock file"). Recording each one with its os / cpu / libc
// lets npm ci skip it as not for this platform, exactly as it does with a complete lockfile.
// Run it after `npm install` changes the lockfile: `node scripts/complete-lockfile.mjs`.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const CPU = { arm: 'arm', 'arm-eabi': 'arm', 'arm-gnueabihf': 'arm', 'arm-musleabihf': 'arm', arm64: 'arm64', x64: 'x64', '64': 'x64', ia32: 'ia32', loong64: 'loong64', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };
const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', openbsd: 'openbsd', openharmony: 'openharmony', win32: 'win32', windows: 'win32' };

/** os, cpu and libc of a platform package, read from its name (`@scope/tool-<os>-<cpu>[-<abi>]`). */
function platformOf(name) {
  const m = /^@(?:rollup\/rollup|turbo)-?\/?([a-z0-9]+)-(.+)$/.exec(name.replace('@turbo/', '@turbo-'));
  if (!m) return undefined;
  const os = OS[m[1]];
  let rest = m[2];
  let libc;
  for (const abi of ['gnu', 'musl', 'msvc']) {
    if (rest.endsWith(`-${abi}`)) {
      rest = rest.slice(0, -abi.length - 1);
      if (abi !== 'msvc') libc = abi === 'gnu' ? 'glibc' : 'musl';
    }
  }
  if (rest.endsWith('-gnueabihf') || rest.endsWith('-musleabihf')) {
    libc = rest.endsWith('-gnueabihf') ? 'glibc' : 'musl';
    rest = rest.replace(/-(gnu|musl)eabihf$/, '');
  }
  const cpu = CPU[rest];
  if (!os || !cpu) return undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [where, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!/^@rollup\/rollup-|^@turbo\//.test(dep)) continue;
    const base = where === '' ? '' : `${where}/`;
    const key = `${base}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[key] || packages[hoisted]) continue;
    const platform = platformOf(dep);
    if (!platform) throw new Error(`cannot tell the platform of ${dep}; add it to scripts/complete-lockfile.mjs`);
    if (!/^\d+\.\d+\.\d+/.test(spec)) throw new Error(`${dep} is wanted as '${spec}', not an exact version`);
    packages[hoisted] = { version: spec, ...platform, dev: entry.dev === true || undefined, optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
lock.packages = sorted;
const tmp = new URL('../package-lock.json.tmp', import.meta.url);
writeFileSync(tmp, `${JSON.stringify(lock, null, 2)}\n`);
renameSync(tmp, path);
console.log(`complete-lockfile: added ${added} platform package entr${added === 1 ? 'y' : 'ies'}`);
