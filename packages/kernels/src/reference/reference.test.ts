import { describe, expect, it } from 'vitest';
import * as reference from './index.js';
import type { ReferenceArgs, ReferenceGradients } from './reference-args.js';
import { rng } from '../internal/test-support.js';
import type { Activation } from '../activation.js';

// The reference gradients are the oracle for the kernels' gradients, so they are checked
// here against central finite differences of the reference forward pass, all in float64.

type Kind = 'lstm' | 'gru' | 'simpleRnn';
const K: Record<Kind, [number, number]> = { lstm: [4, 1], gru: [3, 2], simpleRnn: [1, 1] };

function f64(r: () => number, n: number, s = 1): Float64Array {
  return Float64Array.from({ length: n }, () => (r() * 2 - 1) * s);
}

function setup(kind: Kind, { mask, ...opts }: { activation: Activation; recurrentActivation: Activation; returnSequences: boolean; goBackwards: boolean; mask: boolean }, seed: number) {
  const r = rng(seed);
  const [k, biasRows] = K[kind];
  const batch = 2, timesteps = 4, n = 3, units = 3;
  const args: ReferenceArgs = {
    x: f64(r, batch * timesteps * n), batch, timesteps, units,
    kernel: f64(r, n * k * units, 0.7), recurrentKernel: f64(r, units * k * units, 0.7), bias: f64(r, biasRows * k * units, 0.3),
    h0: f64(r, batch * units, 0.5), c0: kind === 'lstm' ? f64(r, batch * units, 0.5) : undefined,
    mask: mask ? Float64Array.from([1, 0, 1, 1, 1, 1, 0, 1]) : undefined,
    ...opts,
  };
  const outLen = opts.returnSequences ? batch * timesteps * units : batch * units;
  const wOut = f64(r, outLen), wH = f64(r, batch * units), wC = f64(r, batch * units);
  const fwd = { lstm: reference.lstmForward, gru: reference.gruForward, simpleRnn: reference.simpleRnnForward }[kind];
  const loss = (a: ReferenceArgs): number => {
    const o = fwd(a);
    let s = 0;
    o.output.forEach((v, i) => (s += v * wOut[i]));
    o.h.forEach((v, i) => (s += v * wH[i]));
    o.c?.forEach((v, i) => (s += v * wC[i]));
    return s;
  };
  const grads: ReferenceGradients =
    kind === 'lstm' ? reference.lstmBackward(args, wOut, wH, wC)
      : kind === 'gru' ? reference.gruBackward(args, wOut, wH)
        : reference.simpleRnnBackward(args, wOut, wH);
  return { args, loss, grads };
}

const params = [['x', 'dx'], ['kernel', 'dKernel'], ['recurrentKernel', 'dRecurrentKernel'], ['bias', 'dBias'], ['h0', 'dh0'], ['c0', 'dc0']] as const;

describe.each(['lstm', 'gru', 'simpleRnn'] as Kind[])('%s reference gradients', (kind) => {
  it.each([
    { activation: 'tanh', recurrentActivation: 'sigmoid', returnSequences: true, goBackwards: false, mask: false },
    { activation: 'tanh', recurrentActivation: 'hardSigmoid', returnSequences: false, goBackwards: true, mask: true },
    { activation: 'sigmoid', recurrentActivation: 'sigmoid', returnSequences: true, goBackwards: true, mask: true },
    { activation: 'linear', recurrentActivation: 'sigmoid', returnSequences: false, goBackwards: false, mask: false },
  ] as const)('equal central finite differences (%o)', (opts) => {
    const { args, loss, grads } = setup(kind, opts, 42);
    const eps = 1e-6;
    for (const [p, g] of params) {
      const v = args[p] as Float64Array | undefined;
      const analytic = grads[g];
      if (!v || !analytic) continue;
      for (let i = 0; i < v.length; i++) {
        const keep = v[i];
        v[i] = keep + eps;
        const up = loss(args);
        v[i] = keep - eps;
        const down = loss(args);
        v[i] = keep;
        const numeric = (up - down) / (2 * eps);
        expect(Math.abs(numeric - analytic[i]), `${g}[${i}]`).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      }
    }
  });
});
