import * as tf from '@tensorflow/tfjs';
import { TrainingConfigError } from './errors';
import {
  meanPerSample,
  perSampleAbsoluteError,
  perSampleBinaryCrossentropy,
  perSampleCategoricalCrossentropy,
  perSampleSquaredError,
} from './losses';

/**
 * A metric reported next to the loss. It gives one value per sample, the harness averages
 * them over every sample of an epoch (so the epoch figure does not depend on how the samples
 * were batched), and `finalize` turns that mean into the reported number.
 */
export interface Metric {
  /** The history key (`acc` gives `acc` and `val_acc`). */
  readonly name: string;
  /** One value per sample, shape `[samples]`. */
  perSample(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D;
  /** Map the mean of the per-sample values to the reported value (RMSE takes the root). Default: identity. */
  finalize?(mean: number): number;
}

/** Metric names accepted by {@link resolveMetric}. */
export type MetricName =
  | 'acc'
  | 'accuracy'
  | 'binaryAccuracy'
  | 'binary_accuracy'
  | 'categoricalAccuracy'
  | 'categorical_accuracy'
  | 'timestepAccuracy'
  | 'sequenceAccuracy'
  | 'mse'
  | 'mae'
  | 'rmse'
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy';

/** What {@link resolveMetric} needs to pick binary or categorical accuracy for `'acc'`, as Keras does. */
export interface MetricContext {
  /** Canonical loss name (from `resolveLoss`). */
  readonly lossName: string;
  /** Size of the model output's last axis (1 for a single sigmoid unit). */
  readonly outputUnits: number;
}

/**
 * Per-sample binary accuracy: the share of outputs on the right side of 0.5 (Keras's threshold).
 *
 * @example
 * binaryAccuracy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.9], [0.7]])).dataSync(); // [1, 0]
 */
export function binaryAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => meanPerSample(tf.cast(tf.equal(tf.greater(yTrue, 0.5), tf.greater(yPred, 0.5)), 'float32')));
}

/**
 * Per-sample categorical accuracy: whether the arg-max of the prediction is the arg-max of
 * the one-hot target; for sequence outputs `[samples, timesteps, classes]` it is the share of
 * correct time steps (per-time-step accuracy).
 */
export function categoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => meanPerSample(tf.cast(tf.equal(tf.argMax(yTrue, -1), tf.argMax(yPred, -1)), 'float32')));
}

/**
 * Whole-sequence exact match: 1 for a sample only when every time step (and every binary
 * output) is right, the figure the course reports for the cumulative-sum system (B10).
 */
export function sequenceExactMatch(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const last = yTrue.shape[yTrue.rank - 1];
    const correct =
      last === 1 || yTrue.rank <= 1
        ? tf.equal(tf.greater(yTrue, 0.5), tf.greater(yPred, 0.5))
        : tf.equal(tf.argMax(yTrue, -1), tf.argMax(yPred, -1));
    const c = tf.cast(correct, 'float32');
    if (c.rank <= 1) return c as tf.Tensor1D;
    return tf.min(c, Array.from({ length: c.rank - 1 }, (_, i) => i + 1)) as tf.Tensor1D;
  });
}

const metric = (name: string, perSample: Metric['perSample'], finalize?: Metric['finalize']): Metric =>
  finalize ? { name, perSample, finalize } : { name, perSample };

function accuracyFor(name: string, ctx: MetricContext): Metric {
  // Keras picks the accuracy that matches the loss: binary for binary cross-entropy or a
  // single output unit, categorical otherwise.
  const binary = ctx.lossName === 'binaryCrossentropy' || ctx.outputUnits === 1;
  return metric(name, binary ? binaryAccuracy : categoricalAccuracy);
}

const FIXED: Record<string, (name: string) => Metric> = {
  binaryAccuracy: (n) => metric(n, binaryAccuracy),
  binary_accuracy: (n) => metric(n, binaryAccuracy),
  categoricalAccuracy: (n) => metric(n, categoricalAccuracy),
  categorical_accuracy: (n) => metric(n, categoricalAccuracy),
  sequenceAccuracy: (n) => metric(n, sequenceExactMatch),
  mse: (n) => metric(n, perSampleSquaredError),
  meanSquaredError: (n) => metric(n, perSampleSquaredError),
  mae: (n) => metric(n, perSampleAbsoluteError),
  meanAbsoluteError: (n) => metric(n, perSampleAbsoluteError),
  // Root of the mean over all samples (Keras's RootMeanSquaredError), not a mean of batch roots.
  rmse: (n) => metric(n, perSampleSquaredError, Math.sqrt),
  rootMeanSquaredError: (n) => metric(n, perSampleSquaredError, Math.sqrt),
  binaryCrossentropy: (n) => metric(n, perSampleBinaryCrossentropy),
  categoricalCrossentropy: (n) => metric(n, perSampleCategoricalCrossentropy),
};

/** Every metric name {@link resolveMetric} accepts. */
export const METRIC_NAMES: readonly string[] = Object.freeze([
  'acc',
  'accuracy',
  'timestepAccuracy',
  ...Object.keys(FIXED),
]);

/**
 * Turn a metric name or object into a {@link Metric}. `'acc'` and `'accuracy'` (and
 * `'timestepAccuracy'`) pick binary or categorical accuracy from the loss and output size;
 * the history key is the name as given, so `metrics: ['acc']` gives `acc` and `val_acc`.
 *
 * @param spec a name such as `'acc'`, `'mae'`, `'sequenceAccuracy'`, or a {@link Metric}
 * @param ctx the loss and output size, to choose the accuracy
 * @returns the metric
 * @throws TrainingConfigError for an unknown name
 * @example
 * const acc = resolveMetric('acc', { lossName: 'categoricalCrossentropy', outputUnits: 10 });
 * acc.name; // 'acc'
 */
export function resolveMetric(spec: MetricName | Metric | string, ctx: MetricContext): Metric {
  if (typeof spec !== 'string') return spec;
  if (spec === 'acc' || spec === 'accuracy' || spec === 'timestepAccuracy') return accuracyFor(spec, ctx);
  const make = FIXED[spec];
  if (!make) {
    throw new TrainingConfigError(
      `unknown metric '${spec}'; expected one of ${METRIC_NAMES.map((n) => `'${n}'`).join(', ')}, or an object { name, perSample(yTrue, yPred) }`,
    );
  }
  return make(spec);
}
