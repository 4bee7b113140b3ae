import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@lstm-kit/backend';
import { createRng } from '@lstm-kit/sequence';
import { FusedAdagrad } from './fused-adagrad';
import { FusedAdam } from './fused-adam';
import { FusedMomentum } from './fused-momentum';
import { FusedRmsprop } from './fused-rmsprop';
import { FusedSgd } from './fused-sgd';
import { FusedOptimizer } from './fused-optimizer';
import { compileModel } from '../compile-model';
import { TrainingConfigError } from '../errors';
import { fit } from '../fit';
import { resolveOptimizer } from '../optimizers';
import { meanData, tinyRegressor } from '../internal/test-models';

/** A fused optimizer and the tfjs optimizer it must match. */
const CASES: [string, () => tf.Optimizer, () => tf.Optimizer][] = [
  ['adam', () => new FusedAdam(0.01, 0.9, 0.999, 1e-7), () => tf.train.adam(0.01, 0.9, 0.999, 1e-7)],
  ['adam (non-default betas)', () => new FusedAdam(0.003, 0.8, 0.99, 1e-4), () => tf.train.adam(0.003, 0.8, 0.99, 1e-4)],
  ['sgd', () => new FusedSgd(0.05), () => tf.train.sgd(0.05)],
  ['momentum', () => new FusedMomentum(0.05, 0.9), () => tf.train.momentum(0.05, 0.9)],
  ['nesterov', () => new FusedMomentum(0.05, 0.9, true), () => tf.train.momentum(0.05, 0.9, true)],
  ['rmsprop', () => new FusedRmsprop(0.01, 0.9, 0, 1e-7), () => tf.train.rmsprop(0.01, 0.9, 0, 1e-7)],
  ['rmsprop (momentum)', () => new FusedRmsprop(0.01, 0.8, 0.5, 1e-7), () => tf.train.rmsprop(0.01, 0.8, 0.5, 1e-7)],
  ['rmsprop (centered)', () => new FusedRmsprop(0.01, 0.9, 0.1, 1e-7, true), () => tf.train.rmsprop(0.01, 0.9, 0.1, 1e-7, true)],
  ['adagrad', () => new FusedAdagrad(0.05, 0.1), () => tf.train.adagrad(0.05, 0.1)],
];

const SHAPES = [[7, 12], [3, 12], [12]];

/** Variables with the same seeded values for each optimizer under test. */
function makeVariables(tag: string, seed: number): tf.Variable[] {
  const rng = createRng(seed);
  return SHAPES.map((shape, i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = Float32Array.from({ length: size }, () => rng.uniform(-1, 1));
    const initial = tf.tensor(values, shape);
    const v = tf.variable(initial, true, `fused-opt-test/${tag}/${seed}/w${i}`);
    initial.dispose();
    return v;
  });
}

/** One seeded gradient per variable, for `steps` updates. */
function makeGradients(steps: number, seed: number): Float32Array[][] {
  const rng = createRng(seed);
  return Array.from({ length: steps }, () => SHAPES.map((shape) => Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(-2, 2))));
}

function apply(opt: tf.Optimizer, vars: tf.Variable[], grads: Float32Array[]): void {
  tf.tidy(() => opt.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: tf.tensor(grads[i], v.shape) }))));
}

function expectClose(actual: Float32Array, expected: Float32Array, rel = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1e-3, Math.abs(expected[i])));
  expect(worst).toBeLessThanOrEqual(rel);
}

async function stateValues(opt: tf.Optimizer): Promise<{ names: string[]; values: Float32Array[] }> {
  const w = await opt.getWeights();
  const out = { names: w.map((n) => n.name.replace(/fused-opt-test\/[^/]+\//, '')), values: w.map((n) => Float32Array.from(n.tensor.dataSync() as ArrayLike<number>)) };
  tf.dispose(w[0].tensor); // the update count is a fresh scalar, as in tfjs
  return out;
}

describe.each(['cpu', 'wasm'] as const)('fused optimizers on %s', (backend) => {
  beforeAll(async () => {
    await initBackend({ prefer: backend });
  });
  afterAll(async () => {
    await initBackend({ prefer: 'cpu' });
  });

  it.each(CASES)('%s: 25 updates equal tfjs\'s to 1e-6 (weights and state)', async (name, fused, stock) => {
    const before = tf.memory().numTensors;
    const a = fused();
    const b = stock();
    const va = makeVariables(`${backend}-${name}-fused`, 3);
    const vb = makeVariables(`${backend}-${name}-tfjs`, 3);
    const grads = makeGradients(25, 9);
    const during = tf.memory().numTensors;
    for (let s = 0; s < grads.length; s++) {
      apply(a, va, grads[s]);
      apply(b, vb, grads[s]);
      if (s === 1) expect(tf.memory().numTensors - during).toBe(2 * (a as unknown as { slots: unknown[] }).slots.length * SHAPES.length);
    }
    va.forEach((v, i) => expectClose(v.dataSync() as Float32Array, vb[i].dataSync() as Float32Array));
    // A change to the weights of at least a few percent shows the updates were applied.
    const start = makeVariables(`${backend}-${name}-start`, 3);
    expect(Math.abs((va[0].dataSync()[0] as number) - (start[0].dataSync()[0] as number))).toBeGreaterThan(1e-3);
    tf.dispose(start);
    expect(a.iterations).toBe(25);
    const sa = await stateValues(a);
    const sb = await stateValues(b);
    expect(sa.names).toEqual(sb.names);
    sa.values.forEach((v, i) => expectClose(v, sb.values[i]));
    a.dispose();
    b.dispose();
    // tfjs's MomentumOptimizer.dispose() forgets its learning-rate scalar (SGD's `c`).
    const c = (b as unknown as { c?: tf.Tensor }).c;
    if (c && !c.isDisposed) c.dispose();
    tf.dispose([...va, ...vb]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('adam: state moves between tfjs and fused through getWeights / setWeights, and training continues identically', async () => {
    const grads = makeGradients(12, 4);
    const vf = makeVariables(`${backend}-resume-fused`, 5);
    const vt = makeVariables(`${backend}-resume-tfjs`, 5);
    const fused = new FusedAdam(0.02);
    const stock = tf.train.adam(0.02, 0.9, 0.999, 1e-7);
    for (let s = 0; s < 6; s++) {
      apply(fused, vf, grads[s]);
      apply(stock, vt, grads[s]);
    }
    // Swap: each continues from the other's saved state.
    const fusedState = await fused.getWeights();
    const stockState = await stock.getWeights();
    const fusedFromStock = new FusedAdam(0.02);
    const stockFromFused = tf.train.adam(0.02, 0.9, 0.999, 1e-7);
    await fusedFromStock.setWeights(stockState);
    await stockFromFused.setWeights(fusedState.map((w) => ({ name: w.name, tensor: tf.clone(w.tensor) })));
    expect(fusedFromStock.iterations).toBe(6);
    for (let s = 6; s < 12; s++) {
      apply(fusedFromStock, vt, grads[s]);
      apply(stockFromFused, vf, grads[s]);
    }
    vf.forEach((v, i) => expectClose(v.dataSync() as Float32Array, vt[i].dataSync() as Float32Array));
    tf.dispose([fusedState[0].tensor, stockState[0].tensor]);
    [fused, stock, fusedFromStock, stockFromFused].forEach((o) => o.dispose());
    tf.dispose([...vf, ...vt]);
  });

  it('adam: a model trained by fit equals the same model trained with tfjs\'s Adam (weights read by matMul kernels)', async () => {
    const models = (['fused', 'tfjs'] as const).map((implementation) => {
      const m = tinyRegressor(4, 6, 11);
      compileModel(m, { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.02 }, optimizerImplementation: implementation });
      return m;
    });
    expect(models[0].optimizer).toBeInstanceOf(FusedAdam);
    for (const m of models) await fit(m, meanData(40, 4, 3), { epochs: 3, batchSize: 8, verbose: 0, seed: 5 });
    const [wf, wt] = models.map((m) => m.getWeights().map((w) => Float32Array.from(w.dataSync() as Float32Array)));
    wf.forEach((w, i) => expectClose(w, wt[i], 1e-5));
    for (const m of models) {
      m.optimizer.dispose();
      m.dispose();
    }
  });

  it('leaves clones and tensors that shared a weight\'s storage unchanged', () => {
    const [w] = makeVariables(`${backend}-alias`, 8);
    const snapshot = tf.clone(w); // on cpu a clone shares the variable's buffer
    const expected = Float32Array.from(snapshot.dataSync() as Float32Array);
    const opt = new FusedAdam(0.1);
    for (let s = 0; s < 3; s++) tf.tidy(() => opt.applyGradients([{ name: w.name, tensor: tf.onesLike(w) }]));
    expect(Array.from(snapshot.dataSync() as Float32Array)).toEqual(Array.from(expected));
    expect((w.dataSync() as Float32Array)[0]).toBeCloseTo(expected[0] - 0.3, 4);
    // And a weight assigned from a kept tensor (model.setWeights does this) leaves that tensor alone.
    const kept = tf.tensor(Float32Array.from(expected), w.shape);
    w.assign(kept);
    tf.tidy(() => opt.applyGradients([{ name: w.name, tensor: tf.onesLike(w) }]));
    expect(Array.from(kept.dataSync() as Float32Array)).toEqual(Array.from(expected));
    tf.dispose([snapshot, kept, w]);
    opt.dispose();
  });

  it('keeps tfjs\'s class names and configs, so a saved model reloads with tfjs\'s optimizers', () => {
    const all = [new FusedAdam(0.002), new FusedSgd(0.1), new FusedMomentum(0.1, 0.8, true), new FusedRmsprop(0.01, 0.8), new FusedAdagrad(0.2, 0.3)];
    expect(all.map((o) => o.getClassName())).toEqual(['Adam', 'SGD', 'Momentum', 'RMSProp', 'Adagrad']);
    expect(all[0].getConfig()).toEqual(tf.train.adam(0.002, 0.9, 0.999, 1e-7).getConfig());
    expect(all[2].getConfig()).toEqual({ learningRate: 0.1, momentum: 0.8, useNesterov: true });
    all.forEach((o) => o.dispose());
  });
});

describe('choosing the fused optimizers', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'cpu' });
  });

  it('resolveOptimizer and compileModel build fused optimizers on cpu-class backends unless tfjs\'s is asked for', () => {
    const picks = (['adam', 'sgd', 'rmsprop', 'adagrad'] as const).map((n) => resolveOptimizer(n));
    expect(picks.map((o) => o.constructor.name)).toEqual(['FusedAdam', 'FusedSgd', 'FusedRmsprop', 'FusedAdagrad']);
    expect(resolveOptimizer({ name: 'sgd', momentum: 0.9 })).toBeInstanceOf(FusedMomentum);
    const stock = resolveOptimizer('adam', { implementation: 'tfjs' });
    expect(stock).not.toBeInstanceOf(FusedOptimizer);
    expect(resolveOptimizer('adam', { implementation: 'fused' })).toBeInstanceOf(FusedAdam);
    expect(() => resolveOptimizer('adam', { implementation: 'gpu' as never })).toThrow(TrainingConfigError);
    const a = tinyRegressor(3);
    compileModel(a, { loss: 'mse', optimizer: 'adam' });
    expect(a.optimizer).toBeInstanceOf(FusedAdam);
    const b = tinyRegressor(3);
    compileModel(b, { loss: 'mse', optimizer: 'adam', optimizerImplementation: 'tfjs' });
    expect(b.optimizer).not.toBeInstanceOf(FusedOptimizer);
    [...picks, stock, a.optimizer, b.optimizer].forEach((o) => o.dispose());
    a.dispose();
    b.dispose();
  });

  it('a model trained with the fused Adam saves its optimizer state and reloads it into tfjs\'s Adam', async () => {
    const model = tinyRegressor(3);
    compileModel(model, { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01 } });
    await fit(model, meanData(16, 3, 2), { epochs: 2, batchSize: 8, verbose: 0, seed: 1 });
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }), { includeOptimizer: true });
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
    expect(loaded.optimizer.getClassName()).toBe('Adam');
    const ours = await model.optimizer.getWeights();
    const theirs = await loaded.optimizer.getWeights();
    expect(theirs.map((w) => w.name)).toEqual(ours.map((w) => w.name));
    expect(theirs[0].tensor.dataSync()[0]).toBe(4); // two epochs of two batches
    ours.forEach((w, i) => expect(Array.from(theirs[i].tensor.dataSync())).toEqual(Array.from(w.tensor.dataSync())));
    tf.dispose([ours[0].tensor, theirs[0].tensor]);
    model.optimizer.dispose();
    loaded.optimizer.dispose();
    model.dispose();
    loaded.dispose();
  });
});
