import * as tf from '@tensorflow/tfjs';
import { createRng } from '@lstm-kit/sequence';
import { beforeAll, describe, expect, it } from 'vitest';
import { lstm } from './lstm';
import { gru } from './gru';
import { simpleRnn } from './simple-rnn';
import { masking } from './masking';

// Plain float64 reference of the Keras equations, written independently of the layers.
type Kind = 'lstm' | 'gru' | 'gruBefore' | 'simple';
interface Weights { W: number[][]; U: number[][]; b: number[] | number[][] }
interface RefOptions { returnSequences: boolean; goBackwards: boolean; mask?: boolean[][]; h0?: number[][]; c0?: number[][] }

const sig = (v: number) => 1 / (1 + Math.exp(-v));
const matvec = (x: number[], M: number[][], col0: number, n: number) => {
  const out = new Array(n).fill(0);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < n; j++) out[j] += x[i] * M[i][col0 + j];
  return out;
};

function reference(kind: Kind, x: number[][][], w: Weights, u: number, o: RefOptions): number[][] | number[][][] {
  const results: number[][][] = [];
  const last: number[][] = [];
  x.forEach((sample, n) => {
    let h = o.h0 ? [...o.h0[n]] : new Array(u).fill(0);
    let c = o.c0 ? [...o.c0[n]] : new Array(u).fill(0);
    const order = sample.map((_, t) => t);
    if (o.goBackwards) order.reverse();
    const outs: number[][] = [];
    for (const t of order) {
      const xt = sample[t];
      let hNew: number[];
      let cNew = c;
      if (kind === 'lstm') {
        const b = w.b as number[];
        const z = matvec(xt, w.W, 0, 4 * u).map((v, j) => v + matvec(h, w.U, 0, 4 * u)[j] + b[j]);
        const i = z.slice(0, u).map(sig), f = z.slice(u, 2 * u).map(sig), g = z.slice(2 * u, 3 * u).map(Math.tanh), og = z.slice(3 * u).map(sig);
        cNew = c.map((cv, j) => f[j] * cv + i[j] * g[j]);
        hNew = og.map((ov, j) => ov * Math.tanh(cNew[j]));
      } else if (kind === 'gru') {
        const [bi, br] = w.b as number[][];
        const mx = matvec(xt, w.W, 0, 3 * u).map((v, j) => v + bi[j]);
        const mh = matvec(h, w.U, 0, 3 * u).map((v, j) => v + br[j]);
        const z = mx.slice(0, u).map((v, j) => sig(v + mh[j]));
        const r = mx.slice(u, 2 * u).map((v, j) => sig(v + mh[u + j]));
        const hh = mx.slice(2 * u).map((v, j) => Math.tanh(v + r[j] * mh[2 * u + j]));
        hNew = h.map((hv, j) => z[j] * hv + (1 - z[j]) * hh[j]);
      } else if (kind === 'gruBefore') {
        const b = w.b as number[];
        const mx = matvec(xt, w.W, 0, 3 * u).map((v, j) => v + b[j]);
        const mh = matvec(h, w.U, 0, 2 * u);
        const z = mx.slice(0, u).map((v, j) => sig(v + mh[j]));
        const r = mx.slice(u, 2 * u).map((v, j) => sig(v + mh[u + j]));
        const rh = matvec(h.map((hv, j) => r[j] * hv), w.U, 2 * u, u);
        const hh = mx.slice(2 * u).map((v, j) => Math.tanh(v + rh[j]));
        hNew = h.map((hv, j) => z[j] * hv + (1 - z[j]) * hh[j]);
      } else {
        const b = w.b as number[];
        hNew = matvec(xt, w.W, 0, u).map((v, j) => Math.tanh(v + matvec(h, w.U, 0, u)[j] + b[j]));
      }
      if (o.mask && !o.mask[n][t]) {
        outs.push(outs.length ? outs[outs.length - 1] : new Array(u).fill(0));
        continue;
      }
      h = hNew;
      c = cNew;
      outs.push(h);
    }
    results.push(outs);
    last.push(outs[outs.length - 1]);
  });
  return o.returnSequences ? results : last;
}

function randomMatrix(rng: ReturnType<typeof createRng>, r: number, c: number): number[][] {
  return Array.from({ length: r }, () => Array.from({ length: c }, () => rng.uniform(-0.6, 0.6)));
}

const GATES = { lstm: 4, gru: 3, gruBefore: 3, simple: 1 };
function makeWeights(kind: Kind, f: number, u: number, seed: number): Weights {
  const rng = createRng(seed);
  const k = GATES[kind];
  const b = kind === 'gru' ? randomMatrix(rng, 2, k * u) : randomMatrix(rng, 1, k * u)[0];
  return { W: randomMatrix(rng, f, k * u), U: randomMatrix(rng, u, k * u), b };
}

type Impl = 'tfjs' | 'kernels';
// Both compute paths: stock per-step tfjs ops and the fused kernels that 'auto' picks on cpu/wasm.
const IMPLEMENTATIONS: Impl[] = ['tfjs', 'kernels'];

function build(kind: Kind, u: number, o: { returnSequences: boolean; goBackwards: boolean }, implementation: Impl) {
  const common = { units: u, ...o, implementation };
  if (kind === 'lstm') return lstm(common);
  if (kind === 'gru') return gru(common);
  if (kind === 'gruBefore') return gru({ ...common, resetAfter: false });
  return simpleRnn(common);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const B = 3, T = 5, F = 2, U = 3;
const rngX = createRng(11);
const X = Array.from({ length: B }, () => Array.from({ length: T }, () => Array.from({ length: F }, () => rngX.uniform(-1, 1))));

function maxDiff(a: unknown, b: unknown): number {
  const fa = (a as number[]).flat(3) as number[];
  const fb = (b as number[]).flat(3) as number[];
  expect(fa.length).toBe(fb.length);
  return Math.max(...fa.map((v, i) => Math.abs(v - fb[i])));
}

for (const impl of IMPLEMENTATIONS) describe(`recurrent layers equal a float64 reference of the equations (implementation '${impl}')`, () => {
  for (const kind of ['lstm', 'gru', 'gruBefore', 'simple'] as const) {
    for (const returnSequences of [false, true]) {
      for (const goBackwards of [false, true]) {
        it(`${kind} returnSequences=${returnSequences} goBackwards=${goBackwards}`, () => {
          const w = makeWeights(kind, F, U, 5);
          const layer = build(kind, U, { returnSequences, goBackwards }, impl);
          const x = tf.tensor3d(X);
          layer.apply(x);
          layer.setWeights([tf.tensor(w.W), tf.tensor(w.U), tf.tensor(w.b as number[])]);
          const y = layer.apply(x) as tf.Tensor;
          expect(maxDiff(y.arraySync(), reference(kind, X, w, U, { returnSequences, goBackwards }))).toBeLessThan(1e-5);
        });
      }
    }

    it(`${kind} with masking (skipped steps carry the state) and returnSequences`, () => {
      const w = makeWeights(kind, F, U, 6);
      const mask = [[true, false, true, true, false], [true, true, true, true, true], [false, true, false, true, true]];
      const Xm = X.map((s, n) => s.map((step, t) => (mask[n][t] ? step : step.map(() => 0))));
      const layer = build(kind, U, { returnSequences: true, goBackwards: false }, impl);
      const model = tf.sequential({ layers: [masking({ maskValue: 0, inputShape: [T, F] }), layer] });
      layer.setWeights([tf.tensor(w.W), tf.tensor(w.U), tf.tensor(w.b as number[])]);
      const y = model.predict(tf.tensor3d(Xm)) as tf.Tensor;
      expect(maxDiff(y.arraySync(), reference(kind, Xm, w, U, { returnSequences: true, goBackwards: false, mask }))).toBeLessThan(1e-5);
    });

    it(`${kind} from given initial states`, () => {
      const w = makeWeights(kind, F, U, 7);
      const rng = createRng(8);
      const h0 = randomMatrix(rng, B, U);
      const c0 = randomMatrix(rng, B, U);
      const layer = build(kind, U, { returnSequences: true, goBackwards: false }, impl);
      const x = tf.tensor3d(X);
      layer.apply(x);
      layer.setWeights([tf.tensor(w.W), tf.tensor(w.U), tf.tensor(w.b as number[])]);
      const init = kind === 'lstm' ? [tf.tensor2d(h0), tf.tensor2d(c0)] : [tf.tensor2d(h0)];
      const y = layer.apply(x, { initialState: init }) as tf.Tensor;
      expect(maxDiff(y.arraySync(), reference(kind, X, w, U, { returnSequences: true, goBackwards: false, h0, c0 }))).toBeLessThan(1e-5);
    });
  }
});

for (const impl of IMPLEMENTATIONS) describe(`recurrent gradients match central finite differences of the float64 reference (implementation '${impl}')`, () => {
  for (const kind of ['lstm', 'gru', 'simple'] as const) {
    it(`${kind}: d(Σ output·R)/d(kernel, recurrent kernel, bias)`, () => {
      const w = makeWeights(kind, F, U, 9);
      const rng = createRng(10);
      const R = Array.from({ length: B }, () => Array.from({ length: T }, () => Array.from({ length: U }, () => rng.uniform(-1, 1))));
      const layer = build(kind, U, { returnSequences: true, goBackwards: false }, impl);
      const x = tf.tensor3d(X);
      layer.apply(x);
      layer.setWeights([tf.tensor(w.W), tf.tensor(w.U), tf.tensor(w.b as number[])]);
      const rT = tf.tensor3d(R);
      const vars = layer.trainableWeights.map((v) => (v as any).val as tf.Variable);
      const { grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, rT)) as tf.Scalar, vars);
      const analytic = vars.map((v) => Array.from(grads[v.name].dataSync()));
      const objective = (ww: Weights) => {
        const out = reference(kind, X, ww, U, { returnSequences: true, goBackwards: false }) as number[][][];
        let s = 0;
        out.forEach((sample, n) => sample.forEach((step, t) => step.forEach((v, j) => (s += v * R[n][t][j]))));
        return s;
      };
      const eps = 1e-6;
      const keys = ['W', 'U', 'b'] as const;
      keys.forEach((key, k) => {
        const flat = (w[key] as any).flat() as number[];
        const shape = Array.isArray((w[key] as any)[0]) ? [(w[key] as any).length, (w[key] as any)[0].length] : [flat.length];
        const rebuild = (vals: number[]) => (shape.length === 2 ? Array.from({ length: shape[0] }, (_, i) => vals.slice(i * shape[1], (i + 1) * shape[1])) : vals);
        // Check a spread of entries (every entry would be slow and adds nothing).
        for (let idx = 0; idx < flat.length; idx += 3) {
          const plus = [...flat];
          const minus = [...flat];
          plus[idx] += eps;
          minus[idx] -= eps;
          const fd = (objective({ ...w, [key]: rebuild(plus) }) - objective({ ...w, [key]: rebuild(minus) })) / (2 * eps);
          expect(Math.abs(analytic[k][idx] - fd)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
        }
      });
    });
  }
});
