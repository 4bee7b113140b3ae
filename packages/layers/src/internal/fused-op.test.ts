import { describe, expect, it } from 'vitest';
import { lazyGradients } from './fused-op';

const NAMES = ['x', 'h0', 'kernel', 'recurrentKernel', 'bias'];

/** A backward that records what it was asked for and computes only the wanted gradients. */
function recorder() {
  const calls: string[][] = [];
  const compute = (wanted: ReadonlySet<string>) => {
    calls.push([...wanted]);
    return Object.fromEntries(NAMES.map((n, i) => [n, wanted.has(n) ? new Float32Array([i]) : null]));
  };
  return { calls, compute };
}

describe('lazyGradients', () => {
  it('computes once, leaving out the inputs listed before the first one asked for', () => {
    const r = recorder();
    const take = lazyGradients(NAMES, r.compute);
    expect(take('kernel')[0]).toBe(2);
    expect(take('recurrentKernel')[0]).toBe(3);
    expect(take('bias')[0]).toBe(4);
    expect(r.calls).toEqual([['kernel', 'recurrentKernel', 'bias']]);
  });

  it('asks for everything when the first input is asked for first', () => {
    const r = recorder();
    const take = lazyGradients(NAMES, r.compute);
    for (const n of NAMES) take(n);
    expect(r.calls).toEqual([NAMES]);
  });

  it('computes again, with every gradient, when an input is asked for out of order', () => {
    const r = recorder();
    const take = lazyGradients(NAMES, r.compute);
    take('kernel');
    expect(take('x')[0]).toBe(0);
    expect(r.calls).toEqual([['kernel', 'recurrentKernel', 'bias'], NAMES]);
  });
});
