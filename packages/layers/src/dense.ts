import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import { LayerConfigError } from './errors';
import { uniqueLayerName } from './layer-names';
import type { ActivationName, BaseLayerOptions, ConstraintLike, InitializerLike, RegularizerLike } from './layer-options';
import { resolveInitializer } from './internal/resolve-initializer';
import { createRng } from '@lstm-kit/sequence';

/** Options of {@link dense} (Keras `Dense`). */
export interface DenseOptions extends BaseLayerOptions {
  /** Positive integer, dimensionality of the output. */
  units: number;
  /** Activation applied to the output. Keras default `'linear'` (none). */
  activation?: ActivationName;
  /** Whether to add a bias vector. Default true. */
  useBias?: boolean;
  /** Initializer of the kernel. Keras default `'glorotUniform'` (tfjs uses glorotNormal). */
  kernelInitializer?: InitializerLike;
  /** Initializer of the bias. Default `'zeros'`. */
  biasInitializer?: InitializerLike;
  /** Regularizer on the kernel. Default none. */
  kernelRegularizer?: RegularizerLike;
  /** Regularizer on the bias. Default none. */
  biasRegularizer?: RegularizerLike;
  /** Regularizer on the output. Default none. */
  activityRegularizer?: RegularizerLike;
  /** Constraint on the kernel. Default none. */
  kernelConstraint?: ConstraintLike;
  /** Constraint on the bias. Default none. */
  biasConstraint?: ConstraintLike;
}

/**
 * Create a fully connected layer with Keras's defaults (linear activation, glorot-uniform
 * kernel). tfjs's own Dense class is reused, so saved models stay stock-compatible.
 *
 * @param options `units`, `activation` and the Keras Dense options
 * @returns a tfjs Dense layer with a Keras-style name (`dense`, `dense_1`, …)
 * @throws LayerConfigError when `units` is not a positive integer
 * @example
 * model.add(dense({ units: 10, activation: 'softmax' })); // 10·(25+1) = 260 params after LSTM(25)
 */
export function dense(options: DenseOptions): tf.layers.Layer {
  if (options == null || !Number.isInteger(options.units) || options.units < 1) {
    throw new LayerConfigError(`expected units to be a positive integer for Dense, got ${options?.units}; e.g. dense({ units: 1 })`);
  }
  const D = KERAS_DEFAULTS.dense;
  const rng = options.seed !== undefined ? createRng(options.seed) : null;
  const { seed: _seed, ...rest } = options;
  return tf.layers.dense({
    ...(rest as object),
    name: options.name ?? uniqueLayerName('dense'),
    activation: (options.activation ?? D.activation) as any,
    useBias: options.useBias ?? D.useBias,
    kernelInitializer: resolveInitializer(options.kernelInitializer, D.kernelInitializer, rng?.nextSeed()) as any,
    biasInitializer: resolveInitializer(options.biasInitializer, D.biasInitializer, rng?.nextSeed()) as any,
  } as any);
}
