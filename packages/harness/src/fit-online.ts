import * as tf from '@tensorflow/tfjs';
import { type NdArray, ShapeError, ValueError, concatRows, createRng } from '@lstm-kit/sequence';
import { TRAINING_DEFAULTS } from './defaults';
import { TrainingConfigError } from './errors';
import type { Callback, Logs, TrainingContext } from './callbacks/callback';
import { evaluateTensors } from './evaluate';
import type { ResetPolicy } from './fit';
import { History } from './history';
import type { ProgressOutput, Verbose } from './progress-bar';
import { CallbackList } from './internal/callback-list';
import { Totals } from './internal/batch-sums';
import { getCompiled } from './internal/compiled';
import { UpdateReporter } from './internal/reporter';
import { releaseKeptStates } from './internal/stateful-model';
import { InputSlot } from './internal/input-slot';
import { checkData, toTensor } from './internal/tensors';
import { makeTrainStep } from './internal/train-step';

/** One freshly generated training example or batch for {@link fitOnline}. */
export interface OnlineSample {
  /** Inputs `[samples, ...input shape]`, or one sample without the leading dimension. */
  x: NdArray;
  /** Targets `[samples, ...output shape]`, or one sample without the leading dimension. */
  y: NdArray;
}

/** Options of {@link fitOnline}. */
export interface FitOnlineOptions {
  /** Seed for the dropout masks, so a run repeats exactly. Default: a random seed. */
  seed?: number;
  /** How many optimizer updates to make (the course's echo system makes 10,000). */
  updates: number;
  /**
   * Samples per update. Default 1. When the generator returns fewer rows, it is called again
   * until the batch is full; a generator that returns whole batches needs no batchSize.
   */
  batchSize?: number;
  /** Updates per report window: a progress line, a history entry, the epoch-end callbacks. Default updates / 10. */
  logEvery?: number;
  /** 0 silent, 1 a bar on a terminal and a line per window otherwise, 2 a line per window. Default 1. */
  verbose?: Verbose;
  /** Where progress goes. Default `process.stdout`. */
  output?: ProgressOutput;
  /** Callbacks; each report window counts as one epoch (so early stopping on `loss` works online). */
  callbacks?: readonly Callback[];
  /** Data evaluated at the end of every window, giving `val_loss` and `val_<metric>`. */
  validationData?: { x: NdArray; y: NdArray };
  /** Stateful models only: when states are reset. Default `'batch'` (each update an independent sequence). */
  resetStates?: ResetPolicy;
}

/** Produces the sample(s) for a call: `step` counts generator calls from 0. May be async. */
export type OnlineGenerator = (step: number) => OnlineSample | Promise<OnlineSample>;

function withBatchDim(a: NdArray, rank: number): NdArray {
  return a.shape.length === rank - 1 ? { shape: Object.freeze([1, ...a.shape]), data: a.data } : a;
}

/**
 * Train on freshly generated samples, one optimizer update per sample (or batch), for
 * thousands of updates. Each update is a lean train step (one gradient pass over the loss of
 * `model.apply`, one optimizer update), without the per-call set-up of tfjs `model.fit`; the
 * samples are written into two reused input tensors, and on GPU backends the loss is read
 * from the device once per report window.
 *
 * @param model a model compiled with `compileModel`
 * @param next called for each update (or each part of a batch) with a running index; returns `{ x, y }`
 * @param options number of updates, batch size, reporting, callbacks, validation
 * @returns a history with one entry per report window, keyed `loss`, metrics and `val_` forms
 * @throws ShapeError when a generated sample disagrees with the model (naming the dimension)
 * @throws TrainingConfigError for an uncompiled model or invalid options
 * @example
 * compileModel(model, { loss: 'categoricalCrossentropy', optimizer: 'adam', metrics: ['acc'] });
 * const rng = createRng(1);
 * await fitOnline(model, () => echoSample(rng), { updates: 10_000 });
 */
export async function fitOnline(model: tf.LayersModel, next: OnlineGenerator, options: FitOnlineOptions): Promise<History> {
  const compiled = getCompiled(model);
  const updates = options?.updates;
  if (!(Number.isInteger(updates) && updates >= 0)) throw new TrainingConfigError(`expected updates to be a non-negative integer, got ${updates}`);
  if (typeof next !== 'function') throw new TrainingConfigError('fitOnline needs a generator function (step) => ({ x, y })');
  const batchSize = options.batchSize ?? TRAINING_DEFAULTS.onlineBatchSize;
  if (!(Number.isInteger(batchSize) && batchSize > 0)) throw new TrainingConfigError(`expected batchSize to be a positive integer, got ${batchSize}`);
  const logEvery = options.logEvery ?? Math.max(1, Math.round(updates / 10));
  if (!(Number.isInteger(logEvery) && logEvery > 0)) throw new TrainingConfigError(`expected logEvery to be a positive integer, got ${logEvery}`);
  const resetPolicy = options.resetStates ?? 'batch';
  const stateful = model.stateful;
  const inRank = model.inputs[0].shape.length;
  const outRank = model.outputs[0].shape.length;
  const validation = options.validationData;
  if (validation) checkData(model, validation.x, validation.y, 'validationData.');

  const metricKeys = ['loss', ...compiled.metrics.map((m) => m.name)];
  const history = new History({
    mode: 'online',
    epochs: Math.ceil(updates / logEvery),
    initialEpoch: 0,
    batchSize,
    samples: updates,
    steps: logEvery,
    metrics: validation ? [...metricKeys, ...metricKeys.map((k) => `val_${k}`)] : metricKeys,
  });
  const ctx: TrainingContext = { model, optimizer: compiled.optimizer, params: history.params, history, stopTraining: false };
  const callbacks = new CallbackList(options.callbacks ?? [], ctx);
  const reporter = new UpdateReporter(options.verbose ?? TRAINING_DEFAULTS.verbose, options.output ?? process.stdout, updates);
  const step = makeTrainStep(model, compiled, createRng(options.seed ?? Math.floor(Math.random() * 2 ** 32)));
  const totals = new Totals(compiled);
  const vx = validation ? toTensor(validation.x) : null;
  const vy = validation ? toTensor(validation.y) : null;
  const xSlot = new InputSlot();
  const ySlot = new InputSlot();
  let calls = 0;
  let checked = false;
  let lastLogs: Logs = {};

  const draw = async (): Promise<OnlineSample> => {
    let got = await next(calls++);
    if (!got || !got.x || !got.y) throw new ValueError(`the online generator returned ${JSON.stringify(got)} at step ${calls - 1}; expected { x, y } NdArrays`);
    let x = withBatchDim(got.x, inRank);
    let y = withBatchDim(got.y, outRank);
    if (x.shape[0] < batchSize) {
      const xs = [x];
      const ys = [y];
      let rows = x.shape[0];
      while (rows < batchSize) {
        got = await next(calls++);
        xs.push(withBatchDim(got.x, inRank));
        ys.push(withBatchDim(got.y, outRank));
        rows += xs[xs.length - 1].shape[0];
      }
      x = concatRows(xs);
      y = concatRows(ys);
    }
    // Checking every sample would cost more than the update; the first one shows the shapes,
    // and tfjs rejects a later mismatch anyway.
    if (!checked) {
      checkData(model, x, y, 'generated ');
      checked = true;
    } else if (x.shape[0] !== y.shape[0]) {
      throw new ShapeError(`generated x has ${x.shape[0]} samples but y has ${y.shape[0]} at step ${calls - 1}: dimension 0 must agree`);
    }
    return { x, y };
  };

  try {
    await callbacks.trainBegin();
    let window = 0;
    for (let u = 0; u < updates && !ctx.stopTraining; ) {
      await callbacks.epochBegin(window);
      const end = Math.min(updates, u + logEvery);
      for (; u < end; u++) {
        const sample = await draw();
        step(xSlot.fill(sample.x), ySlot.fill(sample.y), totals, sample.x.shape[0]);
        if (stateful) {
          releaseKeptStates(model);
          if (resetPolicy === 'batch') model.resetStates();
        }
        if (reporter.wantsLiveFigures) reporter.update(u + 1, () => totals.read());
        if (callbacks.hasBatchHooks) await callbacks.batchEnd(u);
      }
      const logs = await totals.readAsync();
      totals.reset();
      if (stateful && resetPolicy === 'epoch') model.resetStates();
      if (vx && vy) {
        Object.assign(logs, await evaluateTensors(model, compiled, vx, vy, Math.min(32, vx.shape[0]), 'val_'));
        if (stateful && resetPolicy !== 'manual') model.resetStates();
      }
      reporter.windowEnd(u, logs);
      await callbacks.epochEnd(window, logs);
      history.record(u, logs);
      lastLogs = logs;
      window++;
    }
    reporter.finish(lastLogs);
    await callbacks.trainEnd(lastLogs);
    return history;
  } finally {
    totals.dispose();
    xSlot.dispose();
    ySlot.dispose();
    vx?.dispose();
    vy?.dispose();
  }
}
