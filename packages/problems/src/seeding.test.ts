// Every generator draws from the seeded PRNG: no Math.random, same seed → same data, other seed → other data.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addition, cumulativeSum, dampedSine, echo, movingLine, movingLineFrames, rectangle, rectangles } from './index';

const srcDir = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => join(srcDir, f));

/** Each generator at a small size, as a function of its seed, returning everything it drew. */
const generators: [string, (seed: number) => unknown][] = [
  ['echo', (seed) => echo({ nPatterns: 20, seed }).sequences],
  ['dampedSine', (seed) => dampedSine({ nPatterns: 5, seed }).params],
  ['movingLine', (seed) => movingLine({ size: 6, nPatterns: 6, seed }).rows],
  ['movingLineFrames', (seed) => movingLineFrames(6, seed).rows],
  ['addition', (seed) => addition({ nPatterns: 10, seed }).terms],
  ['cumulativeSum', (seed) => Array.from(cumulativeSum({ nPatterns: 5, seed }).x.data)],
  ['rectangle', (seed) => rectangle({ seed }).points],
  ['rectangles', (seed) => rectangles({ nPatterns: 5, seed }).map((r) => r.points)],
];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('seeded randomness', () => {
  it('has no Math.random and no TensorFlow.js import in any source file', () => {
    expect(sources.length).toBeGreaterThan(8);
    expect(sources.filter((f) => /Math\.random/.test(readFileSync(f, 'utf8')))).toEqual([]);
    expect(sources.filter((f) => /(from\s+|import\s*\(|require\s*\()\s*['"]@tensorflow\//.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it.each(generators)('%s never calls Math.random, repeats for a seed and differs for another', (_name, gen) => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    const a = gen(1);
    expect(gen(1)).toEqual(a);
    expect(gen(2)).not.toEqual(a);
    expect(spy).not.toHaveBeenCalled();
  });
});
