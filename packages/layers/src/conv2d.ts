import * as tf from '@tensorflow/tfjs';
import './wasm-gradients';
import { createRng } from '@lstm-kit/sequence';
import { KERAS_DEFAULTS } from './keras-defaults';
import { LayerConfigError } from './errors';
import type { ActivationName, BaseLayerOptions, ConstraintLike, InitializerLike, RegularizerLike } from './layer-options';
import { stockArgs } from './internal/stock-args';
import { resolveInitializer } from './internal/resolve-initializer';
import { canUseConv2dBiasAct, conv2dBiasAct } from './internal/conv2d-bias-act';

type StockConv2D = ReturnType<typeof tf.layers.conv2d>;
const StockConv2DClass = tf.layers.conv2d({ filters: 1, kernelSize: 1 }).constructor as unknown as new (args: object) => StockConv2D;

/**
 * tfjs-layers' Conv2D that, on the wasm backend, runs conv + bias + relu/linear as one kernel
 * with its own gradient (see `conv2dBiasAct`); any other case (other backends, activations,
 * channels first, dilation) is tfjs-layers' own call. Same weights and config; registered as
 * `'Conv2D'` so saved models load into it.
 */
export class Conv2D extends StockConv2DClass {
  static className = 'Conv2D';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: any): tf.Tensor | tf.Tensor[] {
    const self = this as any;
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const activation = self.activation?.getClassName();
    const dilation = self.dilationRate as number[];
    const fast =
      (activation === 'relu' || activation === 'linear') &&
      self.bias != null &&
      self.dataFormat === 'channelsLast' &&
      dilation.every((d) => d === 1) &&
      (self.padding === 'valid' || self.padding === 'same') &&
      canUseConv2dBiasAct(x);
    if (!fast) return super.call(inputs, kwargs);
    return tf.tidy(() =>
      conv2dBiasAct(x as tf.Tensor4D, self.kernel.read(), self.bias.read(), { strides: self.strides, pad: self.padding, activation }),
    );
  }
}
tf.serialization.registerClass(Conv2D as any);

/** Options of {@link conv2d} (Keras `Conv2D`). */
export interface Conv2dOptions extends BaseLayerOptions {
  /** Number of output channels (filters). */
  filters: number;
  /** Size of the convolution window, one number or `[rows, cols]`. */
  kernelSize: number | [number, number];
  /** Step of the window. Default 1. */
  strides?: number | [number, number];
  /** `'valid'` (Keras default, output shrinks by kernelSize − 1) or `'same'`. */
  padding?: 'valid' | 'same';
  /** Dilation of the window. Default 1. */
  dilationRate?: number | [number, number];
  /** Activation of the output. Keras default `'linear'`. */
  activation?: ActivationName;
  /** Whether to add a bias per filter. Default true. */
  useBias?: boolean;
  /** Initializer of the kernel. Keras default `'glorotUniform'` (tfjs: glorotNormal). */
  kernelInitializer?: InitializerLike;
  /** Initializer of the bias. Default `'zeros'`. */
  biasInitializer?: InitializerLike;
  /** Regularizer of the kernel. Default none. */
  kernelRegularizer?: RegularizerLike;
  /** Regularizer of the bias. Default none. */
  biasRegularizer?: RegularizerLike;
  /** Constraint on the kernel. Default none. */
  kernelConstraint?: ConstraintLike;
  /** Constraint on the bias. Default none. */
  biasConstraint?: ConstraintLike;
}

/**
 * Create a 2-D convolution layer (channels last) with Keras's defaults. On the wasm backend,
 * training it needs the gradient kernels lstm-kit registers (see `registerWasmGradients`).
 *
 * @param options filters, kernel size and the Keras Conv2D options
 * @returns the layer; params = filters·(kh·kw·channels + 1)
 * @throws LayerConfigError when filters is not a positive integer
 * @example
 * model.add(timeDistributed({ layer: conv2d({ filters: 2, kernelSize: 2, activation: 'relu' }), inputShape: [50, 50, 50, 1] }));
 */
export function conv2d(options: Conv2dOptions): tf.layers.Layer {
  if (options == null || !Number.isInteger(options.filters) || options.filters < 1) {
    throw new LayerConfigError(`expected filters to be a positive integer for Conv2D, got ${options?.filters}; e.g. conv2d({ filters: 2, kernelSize: 2 })`);
  }
  const D = KERAS_DEFAULTS.conv2d;
  const rng = options.seed !== undefined ? createRng(options.seed) : null;
  return new Conv2D({
    strides: D.strides,
    padding: D.padding,
    activation: D.activation,
    ...stockArgs('conv2d', options),
    kernelInitializer: resolveInitializer(options.kernelInitializer, D.kernelInitializer, rng?.nextSeed()),
    biasInitializer: resolveInitializer(options.biasInitializer, 'zeros', rng?.nextSeed()),
  } as any);
}
