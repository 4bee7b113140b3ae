import * as tf from '@tensorflow/tfjs';
import { createRng } from '@lstm-kit/sequence';
import { KERAS_DEFAULTS } from './keras-defaults';
import { LayerConfigError } from './errors';
import type { ActivationName, BaseLayerOptions, InitializerLike, RegularizerLike } from './layer-options';
import { stockArgs } from './internal/stock-args';
import { resolveInitializer } from './internal/resolve-initializer';
import { type PenaltyFn, withCellLosses } from './internal/cell-losses';

type StockConvLstm2d = ReturnType<typeof tf.layers.convLstm2d>;
const StockConvLSTM2D = tf.layers.convLstm2d({ filters: 1, kernelSize: 1 }).constructor as unknown as new (args: object) => StockConvLstm2d;

// As for LSTM: the cell holds the weights and their regularizers, which stock tfjs leaves out
// of the training loss. Registered under the stock name, so files stay interchangeable.
class ConvLSTM2D extends StockConvLSTM2D {
  static className = 'ConvLSTM2D';

  override get losses(): PenaltyFn[] {
    return withCellLosses(super.losses as PenaltyFn[], (this as any).cell);
  }
}
tf.serialization.registerClass(ConvLSTM2D as any);

/** Options of {@link convLstm2d} (Keras `ConvLSTM2D`). */
export interface ConvLstm2dOptions extends BaseLayerOptions {
  /** Number of output channels. */
  filters: number;
  /** Size of the convolution window, one number or `[rows, cols]`. */
  kernelSize: number | [number, number];
  /** Step of the window. Default 1. */
  strides?: number | [number, number];
  /** `'valid'` (Keras default) or `'same'`. */
  padding?: 'valid' | 'same';
  /** Activation of the candidate/output. Keras default `'tanh'`. */
  activation?: ActivationName;
  /** Activation of the gates. Keras default `'sigmoid'` (tfjs: hardSigmoid). */
  recurrentActivation?: ActivationName;
  /** Forget-gate bias 1 at initialisation. Keras default true. */
  unitForgetBias?: boolean;
  /** Initializer of the input kernel. Keras default `'glorotUniform'`. */
  kernelInitializer?: InitializerLike;
  /** Initializer of the recurrent kernel. Keras default `'orthogonal'`. */
  recurrentInitializer?: InitializerLike;
  /** Regularizer of the input kernel. Default none. */
  kernelRegularizer?: RegularizerLike;
  /** Regularizer of the recurrent kernel. Default none. */
  recurrentRegularizer?: RegularizerLike;
  /** Regularizer of the bias. Default none. */
  biasRegularizer?: RegularizerLike;
  /** Return the whole output sequence. Default false. */
  returnSequences?: boolean;
  /** Process the sequence backwards. Default false. */
  goBackwards?: boolean;
  /** Keep states across batches. Default false. */
  stateful?: boolean;
  /** Input dropout fraction. Default 0. */
  dropout?: number;
  /** Recurrent dropout fraction. Default 0. */
  recurrentDropout?: number;
}

/**
 * Create a convolutional LSTM (input `[batch, time, rows, cols, channels]`) with Keras's
 * defaults; tfjs's ConvLSTM2D is reused with the recurrent activation and initializers fixed.
 *
 * @param options filters, kernel size and the Keras ConvLSTM2D options
 * @returns the layer; params = 4·(kh·kw·(channels + filters)·filters + filters)
 * @throws LayerConfigError when filters is not a positive integer
 * @example
 * model.add(convLstm2d({ filters: 4, kernelSize: 3, inputShape: [10, 8, 8, 1] }));
 */
export function convLstm2d(options: ConvLstm2dOptions): tf.layers.Layer {
  if (options == null || !Number.isInteger(options.filters) || options.filters < 1) {
    throw new LayerConfigError(`expected filters to be a positive integer for ConvLSTM2D, got ${options?.filters}; e.g. convLstm2d({ filters: 4, kernelSize: 3 })`);
  }
  const R = KERAS_DEFAULTS.recurrent;
  const rng = options.seed !== undefined ? createRng(options.seed) : null;
  return new ConvLSTM2D({
    activation: R.activation,
    recurrentActivation: R.recurrentActivation,
    unitForgetBias: KERAS_DEFAULTS.lstm.unitForgetBias,
    padding: 'valid',
    ...stockArgs('conv_lstm2d', options),
    kernelInitializer: resolveInitializer(options.kernelInitializer, R.kernelInitializer, rng?.nextSeed()),
    recurrentInitializer: resolveInitializer(options.recurrentInitializer, R.recurrentInitializer, rng?.nextSeed()),
  } as any);
}
