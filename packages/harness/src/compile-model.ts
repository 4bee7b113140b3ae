import * as tf from '@tensorflow/tfjs';
import { TrainingConfigError } from './errors';
import { type Loss, type LossFn, type LossName, resolveLoss } from './losses';
import { type Metric, type MetricName, resolveMetric } from './metrics';
import { type OptimizerImplementation, type OptimizerSpec, getLearningRate, resolveOptimizer } from './optimizers';
import { type CompiledModel, setCompiled } from './internal/compiled';

/** Options of {@link compileModel}, named as in Keras's `model.compile`. */
export interface CompileOptions {
  /** The loss: `'categoricalCrossentropy'` / `'categorical_crossentropy'`, `'mse'`, `'mae'`, `'rmse'`, `'binaryCrossentropy'`, or a function. */
  loss: LossName | LossFn | string;
  /** The optimizer: `'adam'`, `'sgd'`, `'rmsprop'`, `'adagrad'`, a config `{ name, learningRate, momentum, decay, ... }`, or a tf.Optimizer. */
  optimizer: OptimizerSpec;
  /** Metrics reported next to the loss, keyed in the history by the name given (`['acc']` gives `acc` and `val_acc`). Default none. */
  metrics?: readonly (MetricName | Metric | string)[];
  /**
   * For an optimizer given by name or config: `'auto'` builds the fused optimizer (every
   * weight updated in place in one pass; same numbers and saved state as tfjs's) on wasm and
   * cpu and tfjs's elsewhere, `'fused'` or `'tfjs'` force one. Default `'auto'`.
   */
  optimizerImplementation?: OptimizerImplementation;
}

// tfjs knows these losses by the same canonical names; passing the name (not our function)
// keeps `model.compile`'s training config serialisable for model.save.
const TFJS_LOSS_NAMES = new Set(['meanSquaredError', 'meanAbsoluteError', 'binaryCrossentropy', 'categoricalCrossentropy']);

/**
 * Configure a model for training with the harness: loss, optimizer and metrics by their Keras
 * names. It also calls tfjs `model.compile` with the same optimizer object, so `model.fit` and
 * `model.save` keep working on the same model.
 *
 * @param model a tfjs LayersModel with one input and one output
 * @param options loss, optimizer and metrics
 * @returns the model, for chaining
 * @throws TrainingConfigError for an unknown loss, metric or optimizer name
 * @example
 * compileModel(model, { loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['acc'] });
 * const history = await fit(model, { x, y }, { epochs: 10, batchSize: 32 });
 * compileModel(model, { loss: 'mse', optimizer: 'adam', optimizerImplementation: 'tfjs' }); // tfjs's Adam
 */
export function compileModel(model: tf.LayersModel, options: CompileOptions): tf.LayersModel {
  if (options == null || options.loss == null || options.optimizer == null) {
    throw new TrainingConfigError(`compileModel needs { loss, optimizer }, got ${JSON.stringify(Object.keys(options ?? {}))}; for example { loss: 'mse', optimizer: 'adam' }`);
  }
  const loss = resolveLoss(options.loss);
  const optimizer = resolveOptimizer(options.optimizer, { implementation: options.optimizerImplementation });
  const outputShape = model.outputs[0].shape;
  const ctx = { lossName: loss.name, outputUnits: outputShape[outputShape.length - 1] ?? 1 };
  const metrics = (options.metrics ?? []).map((m) => resolveMetric(m, ctx));
  const names = new Set<string>(['loss']);
  for (const m of metrics) {
    if (names.has(m.name)) throw new TrainingConfigError(`metric name '${m.name}' is used twice; give each metric a distinct name`);
    names.add(m.name);
  }
  const decay = typeof options.optimizer === 'object' && !(options.optimizer instanceof tf.Optimizer) ? options.optimizer.decay ?? 0 : 0;
  if (!(decay >= 0)) throw new TrainingConfigError(`expected optimizer decay >= 0, got ${decay}`);
  model.compile({ optimizer, loss: TFJS_LOSS_NAMES.has(loss.name) ? loss.name : loss.fn });
  const compiled: CompiledModel = {
    loss,
    optimizer,
    metrics,
    decay,
    initialLearningRate: decay > 0 ? getLearningRate(optimizer) : undefined,
    iterations: 0,
  };
  setCompiled(model, compiled);
  return model;
}

export type { Loss };
