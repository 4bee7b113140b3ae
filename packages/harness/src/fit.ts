import * as tf from '@tensorflow/tfjs';
import { type NdArray, ValueError, createRng, sliceRows } from '@lstm-kit/sequence';
import { TRAINING_DEFAULTS } from './defaults';
import { TrainingConfigError } from './errors';
import type { Callback, TrainingContext } from './callbacks/callback';
import { evaluateTensors } from './evaluate';
import { History } from './history';
import { type ProgressOutput, type Verbose } from './progress-bar';
import { CallbackList } from './internal/callback-list';
import { Totals } from './internal/batch-sums';
import { batchRows } from './internal/tensors';
import { getCompiled } from './internal/compiled';
import { EpochReporter } from './internal/reporter';
import { checkStatefulBatches, releaseKeptStates } from './internal/stateful-model';
import { checkData, toTensor } from './internal/tensors';
import { makeTrainStep } from './internal/train-step';

/** When a stateful model's states are reset during `fit`. */
export type ResetPolicy = 'epoch' | 'batch' | 'manual';

/** Options of {@link fit}; defaults are Keras's (see `TRAINING_DEFAULTS`). */
export interface FitOptions {
  /** Samples per update. Default 32 (1 is SGD on single samples, all samples is batch gradient descent). A stateful model requires its fixed batch size. */
  batchSize?: number;
  /** Index of the epoch to stop before (Keras: "epochs" counts from 0, not from initialEpoch). Default 1. */
  epochs?: number;
  /** Shuffle the training samples before each epoch. Default true; false for stateful models, whose batches must stay in order. */
  shuffle?: boolean;
  /** Fraction of the samples, taken from the end before any shuffling (as Keras does), held out for validation. Default 0. */
  validationSplit?: number;
  /** Data to validate on after each epoch (overrides validationSplit); gives `val_loss` and `val_<metric>`. */
  validationData?: { x: NdArray; y: NdArray };
  /** Epoch to start at, to resume a run (history and schedules continue from it). Default 0. */
  initialEpoch?: number;
  /** Callbacks: early stopping, checkpoints, schedules, loggers, or your own. */
  callbacks?: readonly Callback[];
  /** 0 silent, 1 a bar on a terminal and one line per epoch otherwise, 2 one line per epoch. Default 1. */
  verbose?: Verbose;
  /** Where progress goes. Default `process.stdout`. */
  output?: ProgressOutput;
  /**
   * Seed for the shuffling order and the dropout masks, so a run repeats exactly (initial
   * weights come from the layers' own `seed`). Default: a random seed.
   */
  seed?: number;
  /**
   * Stateful models only: when the harness resets the LSTM states. `'epoch'` after every
   * epoch (the course's lab), `'batch'` after every batch (each batch an independent
   * sequence), `'manual'` never (reset in a callback with `ctx.model.resetStates()`).
   * Default `'epoch'`.
   */
  resetStates?: ResetPolicy;
}

function checkPositiveInt(value: number, name: string): void {
  if (!(Number.isInteger(value) && value > 0)) throw new TrainingConfigError(`expected ${name} to be a positive integer, got ${value}`);
}

/**
 * Train a compiled model on in-memory data for a number of epochs, in mini-batches, with
 * optional shuffling, validation, callbacks and progress — Keras's `model.fit` over plain
 * arrays. The data become tensors once; each batch is a slice of them, and the loss is read
 * from the device once per epoch (or when a terminal bar redraws).
 *
 * @param model a model compiled with `compileModel` (one input, one output)
 * @param data `{ x, y }` NdArrays, `x` shaped like the model input, `y` like its output
 * @param options batch size, epochs, shuffle, validation, callbacks, verbosity, seed
 * @returns the history: `history.loss`, `history.val_loss`, metrics, per epoch
 * @throws ShapeError when a dimension of x or y disagrees with the model, or x and y differ in samples
 * @throws TrainingConfigError for an uncompiled model or an invalid option
 * @example
 * compileModel(model, { loss: 'mse', optimizer: 'adam' });
 * const h = await fit(model, { x, y }, { epochs: 100, batchSize: 5, validationSplit: 0.2, verbose: 0 });
 * console.log(h.history.loss.at(-1), h.history.val_loss.at(-1));
 */
export async function fit(model: tf.LayersModel, data: { x: NdArray; y: NdArray }, options: FitOptions = {}): Promise<History> {
  const compiled = getCompiled(model);
  checkData(model, data.x, data.y);
  const epochs = options.epochs ?? TRAINING_DEFAULTS.epochs;
  const initialEpoch = options.initialEpoch ?? TRAINING_DEFAULTS.initialEpoch;
  if (!(Number.isInteger(epochs) && epochs >= 0)) throw new TrainingConfigError(`expected epochs to be a non-negative integer, got ${epochs}`);
  if (!(Number.isInteger(initialEpoch) && initialEpoch >= 0)) throw new TrainingConfigError(`expected initialEpoch to be a non-negative integer, got ${initialEpoch}`);
  const split = options.validationSplit ?? TRAINING_DEFAULTS.validationSplit;
  if (!(split >= 0 && split < 1)) throw new ValueError(`expected validationSplit in [0, 1), got ${split}`);

  // Keras takes the validation samples from the end, before shuffling.
  let train = data;
  let validation = options.validationData;
  if (validation) checkData(model, validation.x, validation.y, 'validationData.');
  else if (split > 0) {
    const at = Math.floor(data.x.shape[0] * (1 - split));
    if (at === 0 || at === data.x.shape[0]) {
      throw new ValueError(`validationSplit ${split} of ${data.x.shape[0]} samples leaves ${at === 0 ? 'no training' : 'no validation'} samples; use more data or another split`);
    }
    train = { x: sliceRows(data.x, 0, at), y: sliceRows(data.y, 0, at) };
    validation = { x: sliceRows(data.x, at), y: sliceRows(data.y, at) };
  }

  const n = train.x.shape[0];
  if (n === 0) throw new ValueError('expected at least one training sample, got x with 0 samples');
  const stateful = model.stateful;
  const batchSize = stateful ? checkStatefulBatches(model, n, options.batchSize, 'x') : options.batchSize ?? TRAINING_DEFAULTS.batchSize;
  checkPositiveInt(batchSize, 'batchSize');
  if (stateful && validation) checkStatefulBatches(model, validation.x.shape[0], batchSize, 'validation x');
  const shuffle = options.shuffle ?? (stateful ? false : TRAINING_DEFAULTS.shuffle);
  const resetPolicy = options.resetStates ?? 'epoch';
  if (!['epoch', 'batch', 'manual'].includes(resetPolicy)) {
    throw new TrainingConfigError(`expected resetStates to be 'epoch', 'batch' or 'manual', got '${resetPolicy}'`);
  }
  const steps = Math.ceil(n / batchSize);
  const verbose = options.verbose ?? TRAINING_DEFAULTS.verbose;
  const output = options.output ?? process.stdout;
  const runSeed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  const rng = createRng(runSeed);

  const metricKeys = ['loss', ...compiled.metrics.map((m) => m.name)];
  const history = new History({
    mode: 'fit',
    epochs,
    initialEpoch,
    batchSize,
    samples: n,
    steps,
    metrics: validation ? [...metricKeys, ...metricKeys.map((k) => `val_${k}`)] : metricKeys,
  });
  const ctx: TrainingContext = { model, optimizer: compiled.optimizer, params: history.params, history, stopTraining: false };
  const callbacks = new CallbackList(options.callbacks ?? [], ctx);
  const reporter = new EpochReporter(verbose, output, epochs, steps);
  // Dropout draws from its own stream, so adding a Dropout layer leaves the shuffling order as it was.
  const step = makeTrainStep(model, compiled, createRng(runSeed + 1));

  const x = toTensor(train.x);
  const y = toTensor(train.y);
  const vx = validation ? toTensor(validation.x) : null;
  const vy = validation ? toTensor(validation.y) : null;
  const totals = new Totals(compiled);
  let lastLogs: Record<string, number> = {};
  try {
    await callbacks.trainBegin();
    for (let epoch = initialEpoch; epoch < epochs && !ctx.stopTraining; epoch++) {
      await callbacks.epochBegin(epoch);
      reporter.epochBegin(epoch);
      // Each batch copies its rows in the epoch's shuffled order (no copy of the whole epoch).
      const order = shuffle ? Int32Array.from(rng.permutation(n)) : undefined;
      for (let b = 0; b < steps; b++) {
        const start = b * batchSize;
        const size = Math.min(batchSize, n - start);
        const whole = steps === 1 && !order;
        const xb = whole ? x : batchRows(x, start, size, order);
        const yb = whole ? y : batchRows(y, start, size, order);
        try {
          step(xb, yb, totals, size);
        } finally {
          if (xb !== x) xb.dispose();
          if (yb !== y) yb.dispose();
        }
        if (stateful) {
          releaseKeptStates(model);
          if (resetPolicy === 'batch') model.resetStates();
        }
        reporter.batchEnd(b + 1, () => totals.read());
        if (callbacks.hasBatchHooks) await callbacks.batchEnd(b);
      }
      const logs = await totals.readAsync();
      totals.reset();
      if (stateful && resetPolicy === 'epoch') model.resetStates();
      if (vx && vy) {
        Object.assign(logs, await evaluateTensors(model, compiled, vx, vy, batchSize, 'val_'));
        // Validation ran through the stateful layers: start the next epoch from clean states
        // unless the user manages them.
        if (stateful && resetPolicy !== 'manual') model.resetStates();
      }
      reporter.epochEnd(epoch, logs);
      await callbacks.epochEnd(epoch, logs);
      // Recorded after the callbacks, like Keras's History (the last callback), so figures a
      // callback adds (the scheduler's `lr`) are kept too.
      history.record(epoch, logs);
      lastLogs = logs;
    }
    await callbacks.trainEnd(lastLogs);
    return history;
  } finally {
    totals.dispose();
    x.dispose();
    y.dispose();
    vx?.dispose();
    vy?.dispose();
  }
}
