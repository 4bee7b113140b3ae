import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import type { RecurrentImplementation, RecurrentOptions } from './recurrent-options';
import type { ActivationName } from './layer-options';
import { implementationOf, recurrentArgs } from './internal/recurrent-args';
import { checkSequenceInput, shapeOfInput } from './internal/check-input';
import { callRecurrentLayer } from './internal/recurrent-path';
// Installs the fused kernels of @lstm-kit/kernels behind the recurrent seam.
import './internal/install-fused-paths';
import { tidyForgetBiasInit } from './internal/forget-bias-init';
import { type PenaltyFn, withCellLosses } from './internal/cell-losses';

/** Options of {@link lstm}: the shared recurrent options plus LSTM's own. */
export interface LstmOptions extends RecurrentOptions {
  /** Activation of the input, forget and output gates. Keras default `'sigmoid'` (tfjs: hardSigmoid). */
  recurrentActivation?: ActivationName;
  /** Add 1 to the forget-gate bias at initialisation (Jozefowicz et al. 2015). Keras default true. */
  unitForgetBias?: boolean;
}

type StockLstm = ReturnType<typeof tf.layers.lstm>;
// tfjs exports the LSTM factory, not the class; the instance's constructor is the class, so
// subclassing it keeps tfjs's weights, config format and serialisation.
const StockLSTM = tf.layers.lstm({ units: 1 }).constructor as unknown as new (args: object) => StockLstm;

/**
 * Keras's LSTM on tfjs-layers: Keras defaults (sigmoid gates, forget bias 1, glorot-uniform
 * kernel, orthogonal recurrent kernel), a clear error for non-sequence input, and one seam
 * (`callRecurrentLayer`) through which the fused kernels of `@lstm-kit/kernels` can take over the whole
 * sequence. Registered as `'LSTM'`, so files load in stock tfjs and Keras and vice versa.
 *
 * @example
 * const layer = new LSTM({ units: 25, inputShape: [5, 10] }); // or lstm({ ... }), which also checks the options
 * const model = tf.sequential({ layers: [layer, dense({ units: 10, activation: 'softmax' })] });
 * model.layers[0] instanceof LSTM; // true, also after saving and loading the model
 */
export class LSTM extends StockLSTM {
  static className = 'LSTM';
  /** Which computation runs the sequence (not saved: weights and config are the same either way). */
  recurrentImplementation: RecurrentImplementation;

  /**
   * @param options see {@link LstmOptions}; missing values take Keras's defaults
   * @throws LayerConfigError for a non-positive `units`, a dropout outside [0, 1) or an unknown implementation
   */
  constructor(options: LstmOptions) {
    super({
      ...recurrentArgs('LSTM', 'lstm', options),
      recurrentActivation: options.recurrentActivation ?? KERAS_DEFAULTS.recurrent.recurrentActivation,
      unitForgetBias: options.unitForgetBias ?? KERAS_DEFAULTS.lstm.unitForgetBias,
    });
    this.recurrentImplementation = implementationOf(options);
    tidyForgetBiasInit((this as any).cell);
  }

  /** The layer's regularization penalties, including the kernel, recurrent and bias regularizers held by its cell. */
  override get losses(): PenaltyFn[] {
    return withCellLosses(super.losses as PenaltyFn[], (this as any).cell);
  }

  override apply(inputs: any, kwargs?: any): any {
    checkSequenceInput('LSTM', this.name, shapeOfInput(inputs), this.stateful);
    return super.apply(inputs, kwargs);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: any): tf.Tensor | tf.Tensor[] {
    return callRecurrentLayer(this, 'lstm', inputs, kwargs, () => super.call(inputs, kwargs));
  }

  static fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}
tf.serialization.registerClass(LSTM as any);

/**
 * Create an LSTM layer with Keras's defaults.
 *
 * @param options `units` and any Keras LSTM option (see {@link LstmOptions})
 * @returns the layer, to add to a `tf.sequential()` or apply to a symbolic tensor
 * @throws LayerConfigError for invalid options; LayerShapeError later for input that is not `[batch, timesteps, features]`
 * @example
 * const model = tf.sequential();
 * model.add(lstm({ units: 25, inputShape: [5, 10] }));
 * model.add(dense({ units: 10, activation: 'softmax' }));
 * summary(model); // lstm (LSTM) (None, 25) 3600 …
 */
export function lstm(options: LstmOptions): LSTM {
  return new LSTM(options);
}
