import * as tf from '@tensorflow/tfjs';
import { type NdArray, ShapeError } from '@lstm-kit/sequence';
import { TRAINING_DEFAULTS } from './defaults';
import { TrainingConfigError } from './errors';
import type { Callback, TrainingContext } from './callbacks/callback';
import { History } from './history';
import type { ProgressOutput, Verbose } from './progress-bar';
import { CallbackList } from './internal/callback-list';
import { Totals } from './internal/batch-sums';
import { getCompiled } from './internal/compiled';
import { EpochReporter } from './internal/reporter';
import { checkStatefulBatches, releaseKeptStates, statefulBatchSize } from './internal/stateful-model';
import { toTensor } from './internal/tensors';
import { makeTrainStep } from './internal/train-step';
import { createRng } from '@lstm-kit/sequence';

/** Options of {@link fitTruncatedBptt}. */
export interface TruncatedBpttOptions {
  /** Seed for the dropout masks, so a run repeats exactly. Default: a random seed. */
  seed?: number;
  /** Time steps per sub-sequence: how far back gradients flow. Must match the model's timesteps when fixed. */
  subsequenceLength: number;
  /** Passes over the data. Default 1. */
  epochs?: number;
  /** 0 silent, 1 a bar on a terminal and a line per epoch otherwise, 2 a line per epoch. Default 1. */
  verbose?: Verbose;
  /** Where progress goes. Default `process.stdout`. */
  output?: ProgressOutput;
  /** Callbacks, as for `fit`; `onBatchEnd` fires after each sub-sequence update. */
  callbacks?: readonly Callback[];
}

/**
 * Train a stateful model with truncated back-propagation through time: each long sequence is
 * split into consecutive sub-sequences of `subsequenceLength` steps, fed in order with the
 * LSTM state carried from one to the next, and the weights are updated after every
 * sub-sequence (gradients stop at its start). States are reset before each new group of
 * sequences. Sequences are never shuffled: their order in time is the point.
 *
 * @param model a compiled stateful model, first layer with `batchInputShape: [batch, subsequenceLength, features]`
 * @param data `x` `[samples, T, features]` with T a multiple of `subsequenceLength`; `y` either
 *   per step `[samples, T, outputs]` (a `returnSequences` model) or per sub-sequence
 *   `[samples, T / subsequenceLength, outputs]` (a many-to-one model)
 * @param options sub-sequence length, epochs, progress, callbacks
 * @returns the history; `loss` is the mean over every sub-sequence update of the epoch
 * @throws ShapeError when T is not a multiple of the sub-sequence length, the samples do not
 *   fill whole batches, or y's time axis fits neither layout
 * @throws TrainingConfigError for a stateless model or mismatched timesteps
 * @example
 * // model: LSTM({ units: 20, stateful: true, batchInputShape: [1, 50, 1], returnSequences: true }) → TimeDistributed(Dense(1))
 * await fitTruncatedBptt(model, { x: long, y: targets }, { subsequenceLength: 50, epochs: 10 });
 */
export async function fitTruncatedBptt(
  model: tf.LayersModel,
  data: { x: NdArray; y: NdArray },
  options: TruncatedBpttOptions,
): Promise<History> {
  const compiled = getCompiled(model);
  const k = options?.subsequenceLength;
  if (!(Number.isInteger(k) && k > 0)) throw new TrainingConfigError(`expected subsequenceLength to be a positive integer, got ${k}`);
  if (statefulBatchSize(model) === null) {
    throw new TrainingConfigError(
      `truncated BPTT carries state between sub-sequences, so the model must be stateful: build its LSTM with stateful: true and batchInputShape: [batch, ${k}, features]`,
    );
  }
  const { x, y } = data;
  const inShape = model.inputs[0].shape;
  const outShape = model.outputs[0].shape;
  if (x.shape.length !== 3) throw new ShapeError(`expected x with 3 dimensions [samples, timesteps, features], got shape [${x.shape.join(', ')}]`);
  const [samples, steps, features] = x.shape;
  if (inShape[1] != null && inShape[1] !== k) {
    throw new TrainingConfigError(`subsequenceLength ${k} differs from the model input's timesteps ${inShape[1]}; build the model with batchInputShape [batch, ${k}, features] or pass subsequenceLength: ${inShape[1]}`);
  }
  if (inShape[2] != null && inShape[2] !== features) {
    throw new ShapeError(`x dimension 2 (features) is ${features} but the model input expects ${inShape[2]}`);
  }
  if (steps % k !== 0) {
    throw new ShapeError(`x dimension 1 (timesteps) is ${steps}, not a multiple of subsequenceLength ${k}; pad or trim the sequence (splitSubsequences in @lstm-kit/sequence has remainder: 'drop' | 'pad')`);
  }
  if (y.shape[0] !== samples) throw new ShapeError(`x has ${samples} samples but y has ${y.shape[0]}: dimension 0 must agree`);
  const chunks = steps / k;
  const perStep = outShape.length === 3;
  const wantSteps = perStep ? steps : chunks;
  if (y.shape.length !== 3 || y.shape[1] !== wantSteps) {
    throw new ShapeError(
      perStep
        ? `y must be [samples, ${steps}, outputs] (one target per time step, the model returns sequences); got shape [${y.shape.join(', ')}]: dimension 1 disagrees`
        : `y must be [samples, ${chunks}, outputs] (one target per sub-sequence of ${k} steps, the model returns one output); got shape [${y.shape.join(', ')}]`,
    );
  }
  const outputs = y.shape[2];
  const want = outShape[outShape.length - 1];
  if (want != null && outputs !== want) throw new ShapeError(`y dimension 2 (outputs) is ${outputs} but the model output expects ${want}`);
  const batch = checkStatefulBatches(model, samples, undefined, 'x');
  const epochs = options.epochs ?? TRAINING_DEFAULTS.epochs;
  const updatesPerEpoch = (samples / batch) * chunks;

  const metricKeys = ['loss', ...compiled.metrics.map((m) => m.name)];
  const history = new History({ mode: 'fit', epochs, initialEpoch: 0, batchSize: batch, samples, steps: updatesPerEpoch, metrics: metricKeys });
  const ctx: TrainingContext = { model, optimizer: compiled.optimizer, params: history.params, history, stopTraining: false };
  const callbacks = new CallbackList(options.callbacks ?? [], ctx);
  const reporter = new EpochReporter(options.verbose ?? TRAINING_DEFAULTS.verbose, options.output ?? process.stdout, epochs, updatesPerEpoch);
  const step = makeTrainStep(model, compiled, createRng(options.seed ?? Math.floor(Math.random() * 2 ** 32)));
  const xt = toTensor(x);
  const yt = toTensor(y);
  const totals = new Totals(compiled);
  let lastLogs: Record<string, number> = {};
  try {
    await callbacks.trainBegin();
    for (let epoch = 0; epoch < epochs && !ctx.stopTraining; epoch++) {
      await callbacks.epochBegin(epoch);
      reporter.epochBegin(epoch);
      let update = 0;
      for (let b0 = 0; b0 < samples; b0 += batch) {
        // A new group of sequences starts from zero state.
        model.resetStates();
        for (let c = 0; c < chunks; c++) {
          const xb = tf.slice(xt, [b0, c * k, 0], [batch, k, features]);
          const yb = perStep
            ? tf.slice(yt, [b0, c * k, 0], [batch, k, outputs])
            : tf.tidy(() => tf.reshape(tf.slice(yt, [b0, c, 0], [batch, 1, outputs]), [batch, outputs]));
          step(xb, yb, totals, batch);
          xb.dispose();
          yb.dispose();
          releaseKeptStates(model);
          update++;
          reporter.batchEnd(update, () => totals.read());
          if (callbacks.hasBatchHooks) await callbacks.batchEnd(update - 1);
        }
      }
      model.resetStates();
      const logs = await totals.readAsync();
      totals.reset();
      reporter.epochEnd(epoch, logs);
      await callbacks.epochEnd(epoch, logs);
      history.record(epoch, logs);
      lastLogs = logs;
    }
    await callbacks.trainEnd(lastLogs);
    return history;
  } finally {
    totals.dispose();
    xt.dispose();
    yt.dispose();
  }
}
