import { describe, expect, it } from 'vitest';
import { ValueError, createRng } from './index';

const stream = (seed: number, n = 20): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    expect(stream(42)).toEqual(stream(42));
    expect(stream(42)).not.toEqual(stream(43));
  });

  it('draws within the requested ranges', () => {
    const rng = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(3, 9);
      expect(Number.isInteger(k) && k >= 3 && k < 9).toBe(true);
      const u = rng.uniform(-2, 2);
      expect(u >= -2 && u < 2).toBe(true);
    }
    expect(() => rng.int(5, 5)).toThrow(ValueError);
    expect(() => createRng(NaN)).toThrow(ValueError);
  });

  it('has roughly standard normal draws', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('permutes every index exactly once, deterministically', () => {
    const p = createRng(5).permutation(50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(createRng(5).permutation(50))).toEqual(Array.from(p));
    expect(Array.from(p)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('forks independent but reproducible generators', () => {
    const a = createRng(9).fork();
    const b = createRng(9).fork();
    expect(a.next()).toBe(b.next());
    expect(a.seed).not.toBe(9);
  });
});
