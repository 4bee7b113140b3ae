// The package must stay usable without TensorFlow.js: no source file may import it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('.', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(srcDir, '..', 'package.json'), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('no TensorFlow.js', () => {
  it('has no import or require of @tensorflow in any source file', () => {
    const files = sources(srcDir);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /(from\s+|import\s*\(|require\s*\()\s*['"]@tensorflow\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('declares no tfjs dependency', () => {
    const deps = { ...packageJson.dependencies, ...packageJson.peerDependencies, ...packageJson.optionalDependencies };
    expect(Object.keys(deps).filter((d) => d.startsWith('@tensorflow/'))).toEqual([]);
  });
});
