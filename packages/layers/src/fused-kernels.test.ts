import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@lstm-kit/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lstm } from './lstm';
import { gru } from './gru';
import { simpleRnn } from './simple-rnn';
import { dense } from './dense';
import { masking } from './masking';
import { bidirectional } from './bidirectional';
import type { RecurrentImplementation } from './recurrent-options';
import { type FusedSequenceFn, installFusedPath, resolvePath } from './internal/recurrent-path';
import { fusedLstm } from './internal/fused-lstm';
import { fusedGru } from './internal/fused-gru';
import { fusedSimpleRnn } from './internal/fused-simple-rnn';
import { relativeError } from './internal/test-support';

type Kind = 'lstm' | 'gru' | 'simpleRnn';
type Options = Record<string, unknown>;
const KINDS: Kind[] = ['lstm', 'gru', 'simpleRnn'];
const BATCH = 3, T = 6, F = 2, UNITS = 5;

function layerOf(kind: Kind, implementation: RecurrentImplementation, options: Options): tf.layers.Layer {
  const o = { units: UNITS, seed: 7, implementation, ...options } as any;
  return kind === 'lstm' ? lstm(o) : kind === 'gru' ? gru(o) : simpleRnn(o);
}

/** Inputs with a zero-padded tail on two samples, so Masking(0) masks those steps. */
function inputs(): tf.Tensor3D {
  return tf.tidy(() => {
    const x = tf.randomNormal([BATCH, T, F], 0, 1, 'float32', 11);
    const keep = tf.tensor3d(Array.from({ length: BATCH * T }, (_, i) => (i % T < T - (i / T | 0) ? 1 : 0)), [BATCH, T, 1]);
    return tf.mul(x, keep) as tf.Tensor3D;
  });
}

interface Run { out: Float32Array[]; dx: Float32Array; dw: Float32Array[]; extra: Float32Array[] }

/**
 * Forward, and gradients of a fixed random projection of every output w.r.t. the input, all
 * trainable weights and any extra inputs (initial states), for one way of building the model.
 */
function run(build: () => { apply: (x: tf.Tensor, extra: tf.Tensor[]) => tf.Tensor[]; weights: tf.LayerVariable[] }, extra: tf.Tensor[] = [], inputGrad = true): Run {
  const model = build();
  const x = inputs();
  const loss = (xx: tf.Tensor, ex: tf.Tensor[]) =>
    tf.addN(model.apply(xx, ex).map((o, i) => tf.sum(tf.mul(o, tf.randomNormal(o.shape, 0, 1, 'float32', 100 + i))))) as tf.Scalar;
  const out = tf.tidy(() => model.apply(x, extra).map((o) => o.dataSync() as Float32Array));
  const grads = !inputGrad ? [new Float32Array(0)] : tf.tidy(() => tf.grads((xx: tf.Tensor, ...ex: tf.Tensor[]) => loss(xx, ex))([x, ...extra]).map((g) => g.dataSync() as Float32Array));
  const vars = model.weights.map((w) => (w as any).val as tf.Variable);
  const dw = tf.tidy(() => {
    const { grads: g } = tf.variableGrads(() => loss(x, extra), vars);
    return vars.map((v) => g[v.name].dataSync() as Float32Array);
  });
  x.dispose();
  return { out, dx: grads[0], dw, extra: grads.slice(1) };
}

function expectSame(kernels: Run, stock: Run): void {
  kernels.out.forEach((o, i) => expect(relativeError(o, stock.out[i])).toBeLessThan(1e-5));
  expect(relativeError(kernels.dx, stock.dx)).toBeLessThan(1e-4);
  expect(kernels.dw.length).toBe(stock.dw.length);
  kernels.dw.forEach((g, i) => expect(relativeError(g, stock.dw[i])).toBeLessThan(1e-4));
  kernels.extra.forEach((g, i) => expect(relativeError(g, stock.extra[i])).toBeLessThan(1e-4));
}

/** A sequential stack as a `run` model. */
function stack(layers: () => tf.layers.Layer[]) {
  return () => {
    const model = tf.sequential({ layers: layers() });
    return { apply: (x: tf.Tensor) => [model.apply(x) as tf.Tensor], weights: model.trainableWeights };
  };
}

const first = { inputShape: [T, F] };
// Behind Masking the input has no gradient in tfjs (its `any` op has none): weights only there.
const CASES: [string, (kind: Kind, impl: RecurrentImplementation) => tf.layers.Layer[], boolean?][] = [
  ['last output', (k, i) => [layerOf(k, i, first)]],
  ['returnSequences', (k, i) => [layerOf(k, i, { ...first, returnSequences: true })]],
  ['goBackwards + returnSequences', (k, i) => [layerOf(k, i, { ...first, returnSequences: true, goBackwards: true })]],
  ['goBackwards', (k, i) => [layerOf(k, i, { ...first, goBackwards: true })]],
  ['Masking in front', (k, i) => [masking({ maskValue: 0, inputShape: [T, F] }), layerOf(k, i, { returnSequences: true })], false],
  ['Masking + goBackwards', (k, i) => [masking({ maskValue: 0, inputShape: [T, F] }), layerOf(k, i, { goBackwards: true })], false],
  ['Bidirectional', (k, i) => [bidirectional({ layer: layerOf(k, i, { returnSequences: true }) as any, inputShape: [T, F] })]],
  ['stack → Dense', (k, i) => [layerOf(k, i, { ...first, returnSequences: true }), layerOf(k, i, { seed: 8 }), dense({ units: 2, seed: 9 })]],
  ['hardSigmoid + relu', (k, i) => [layerOf(k, i, { ...first, activation: 'relu', ...(k === 'simpleRnn' ? {} : { recurrentActivation: 'hardSigmoid' }) })]],
];

// Count the calls the kernels actually computed, so a silent fallback to tfjs ops (which would
// make every comparison trivially pass) fails the tests.
const FUSED: Record<Kind, FusedSequenceFn> = { lstm: fusedLstm, gru: fusedGru, simpleRnn: fusedSimpleRnn };
let fusedRuns = 0;
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
  for (const kind of KINDS) {
    installFusedPath(kind, (call) => {
      const result = FUSED[kind](call);
      if (result) fusedRuns++;
      return result;
    });
  }
});
afterAll(async () => {
  for (const kind of KINDS) installFusedPath(kind, FUSED[kind]);
  await tf.setBackend('cpu');
});

/** Run `fn` and check the fused kernels computed at least one call in it. */
function onKernels<T>(fn: () => T): T {
  const before = fusedRuns;
  const result = fn();
  expect(fusedRuns).toBeGreaterThan(before);
  return result;
}

describe('recurrent layers on the fused kernels equal the same layers on tfjs ops (wasm)', () => {
  it('auto picks the kernels on CPU-class backends', () => {
    for (const kind of KINDS) expect(resolvePath(kind, 'auto', 'x')).toBe('kernels');
  });

  for (const kind of KINDS) {
    it.each(CASES)(`${kind}: %s, forward 1e-5, gradients 1e-4`, (_name, layers, inputGrad = true) => {
      const before = tf.memory().numTensors;
      expectSame(onKernels(() => run(stack(() => layers(kind, 'kernels')), [], inputGrad)), run(stack(() => layers(kind, 'tfjs')), [], inputGrad));
      expect(tf.memory().numTensors).toBeLessThanOrEqual(before + 40); // the models' own weights
    });

    it(`${kind}: initial states and returnState, with gradients w.r.t. the states`, () => {
      const states = (kind === 'lstm' ? [21, 22] : [21]).map((s) => tf.randomNormal([BATCH, UNITS], 0, 1, 'float32', s));
      const build = (impl: RecurrentImplementation) => () => {
        const layer = layerOf(kind, impl, { returnSequences: true, returnState: true });
        return {
          apply: (x: tf.Tensor, ex: tf.Tensor[]) => layer.apply(x, { initialState: ex }) as tf.Tensor[],
          get weights() { return layer.trainableWeights; },
        };
      };
      const kernels = onKernels(() => run(build('kernels'), states));
      expect(kernels.out.length).toBe(1 + states.length);
      expect(kernels.extra.length).toBe(states.length);
      expectSame(kernels, run(build('tfjs'), states));
      tf.dispose(states);
    });

    it(`${kind}: stateful layers carry states across calls as on tfjs ops`, () => {
      const outputs = (impl: RecurrentImplementation) => {
        const layer = layerOf(kind, impl, { stateful: true, batchInputShape: [BATCH, T, F] });
        const model = tf.sequential({ layers: [layer] });
        const x = inputs();
        const o = [1, 2, 3].map(() => tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync() as Float32Array));
        x.dispose();
        return o;
      };
      const k = onKernels(() => outputs('kernels')), s = outputs('tfjs');
      expect(relativeError(k[0], k[2])).toBeGreaterThan(1e-3); // the state did carry over
      k.forEach((o, i) => expect(relativeError(o, s[i])).toBeLessThan(1e-5));
    });
  }

  it('the kernels equal stock tfjs-layers LSTM with Keras defaults set, on the same weights', () => {
    const stock = () => {
      const layer = tf.layers.lstm({ units: UNITS, inputShape: [T, F], recurrentActivation: 'sigmoid', unitForgetBias: true, returnSequences: true });
      const model = tf.sequential({ layers: [layer] });
      const mine = tf.sequential({ layers: [layerOf('lstm', 'kernels', { ...first, returnSequences: true })] });
      layer.setWeights(mine.getWeights());
      return { apply: (x: tf.Tensor) => [model.apply(x) as tf.Tensor], weights: model.trainableWeights };
    };
    expectSame(onKernels(() => run(stack(() => [layerOf('lstm', 'kernels', { ...first, returnSequences: true })]))), run(stock));
  });

  it('a training call with dropout runs on tfjs ops and still trains', async () => {
    const model = tf.sequential({ layers: [layerOf('lstm', 'kernels', { ...first, dropout: 0.3, recurrentDropout: 0.2 }), dense({ units: 1, seed: 3 })] });
    model.compile({ loss: 'meanSquaredError', optimizer: 'adam' });
    const x = inputs(), y = tf.ones([BATCH, 1]);
    const loss = (await model.trainOnBatch(x, y)) as number;
    expect(Number.isFinite(loss)).toBe(true);
    tf.dispose([x, y]);
  });
});

describe('nested gradient passes', () => {
  it('an inner gradient pass through a layer leaves the outer pass able to go through it too', () => {
    // Gradient-penalty style: the outer loss uses the inner pass's gradients, and both passes
    // go back through the same fused op.
    const grads = (implementation: RecurrentImplementation) =>
      tf.tidy(() => {
        const layer = layerOf('lstm', implementation, {});
        const x = inputs();
        layer.apply(x);
        const vars = layer.trainableWeights.map((w) => (w as any).val as tf.Variable);
        const { grads: g } = tf.variableGrads(() => {
          const h = layer.apply(x) as tf.Tensor;
          const inner = tf.variableGrads(() => tf.sum(tf.square(h)) as tf.Scalar, vars);
          return tf.add(tf.sum(h), tf.mul(tf.addN(Object.values(inner.grads).map((t) => tf.sum(t))), 0)) as tf.Scalar;
        }, vars);
        const out = vars.map((v) => g[v.name].dataSync() as Float32Array);
        layer.dispose();
        return out;
      });
    const kernels = onKernels(() => grads('kernels'));
    const stock = grads('tfjs');
    kernels.forEach((g, i) => expect(relativeError(g, stock[i])).toBeLessThan(1e-4));
  });
});

describe('training on the fused kernels', () => {
  async function train(steps: number, record?: (step: number) => void): Promise<number[]> {
    const model = tf.sequential({ layers: [lstm({ units: 4, inputShape: [T, F], seed: 5, implementation: 'kernels' }), dense({ units: 1, seed: 6 })] });
    model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.01) });
    const x = inputs(), y = tf.tidy(() => tf.sum(x, [1, 2]).reshape([BATCH, 1]));
    for (let s = 0; s < steps; s++) {
      await model.trainOnBatch(x, y);
      record?.(s);
    }
    const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    tf.dispose([x, y]);
    model.layers.forEach((l) => l.dispose());
    return weights;
  }

  it('the same seed trains to the same weights, run to run', async () => {
    const a = await train(15);
    const b = await train(15);
    expect(b).toEqual(a);
  });

  it('does not grow tf.memory().numTensors over 200 steps', async () => {
    const counts: number[] = [];
    await train(200, (s) => {
      if (s === 9 || s === 199) counts.push(tf.memory().numTensors);
    });
    expect(counts[1]).toBe(counts[0]);
  });
});
