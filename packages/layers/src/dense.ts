import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import { LayerConfigError } from './errors';
import { uniqueLayerName } from './layer-names';
import type { ActivationName, BaseLayerOptions, ConstraintLike, InitializerLike, RegularizerLike } from './layer-options';
import { resolveInitializer } from './internal/resolve-initializer';
import { createRng } from '@lstm-kit/sequence';
import { isCpuClassBackend } from '@lstm-kit/backend';
import { denseKernelActivation, fusedDense } from './internal/fused-dense';

type StockDense = ReturnType<typeof tf.layers.dense>;
const StockDenseClass = tf.layers.dense({ units: 1 }).constructor as unknown as new (args: object) => StockDense;

/**
 * Keras `Dense`, registered under that class name (files are unchanged). On CPU-class backends
 * (wasm, cpu) a float32 call with a linear, relu, sigmoid, tanh or softmax activation runs as
 * one op on `@lstm-kit/kernels` (product, bias and activation, and one backward); otherwise it
 * runs tfjs-layers' own Dense.
 */
export class Dense extends StockDenseClass {
  static className = 'Dense';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: any): tf.Tensor | tf.Tensor[] {
    const self = this as any;
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const activation = denseKernelActivation(self.activation?.getClassName());
    if (activation == null || x.dtype !== 'float32' || self.kernel == null || !isCpuClassBackend()) return super.call(inputs, kwargs);
    return tf.tidy(() => {
      self.invokeCallHook(inputs, kwargs);
      return fusedDense(x, self.kernel.read(), self.bias ? self.bias.read() : null, activation);
    });
  }
}
tf.serialization.registerClass(Dense as any);

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
 * kernel). It is tfjs's Dense class with a fused computation on wasm and cpu (see
 * {@link Dense}), registered under the same name, so saved models stay stock-compatible.
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
  return new Dense({
    ...(rest as object),
    name: options.name ?? uniqueLayerName('dense'),
    activation: (options.activation ?? D.activation) as any,
    useBias: options.useBias ?? D.useBias,
    kernelInitializer: resolveInitializer(options.kernelInitializer, D.kernelInitializer, rng?.nextSeed()) as any,
    biasInitializer: resolveInitializer(options.biasInitializer, D.biasInitializer, rng?.nextSeed()) as any,
  } as any);
}
