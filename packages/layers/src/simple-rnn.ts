import * as tf from '@tensorflow/tfjs';
import type { RecurrentImplementation, RecurrentOptions } from './recurrent-options';
import { implementationOf, recurrentArgs } from './internal/recurrent-args';
import { checkSequenceInput, shapeOfInput } from './internal/check-input';
import { callRecurrentLayer } from './internal/recurrent-path';
// Installs the fused kernels of @lstm-kit/kernels behind the recurrent seam.
import './internal/install-fused-paths';
import { type PenaltyFn, withCellLosses } from './internal/cell-losses';

/** Options of {@link simpleRnn}: the shared recurrent options. */
export type SimpleRnnOptions = RecurrentOptions;

type StockSimpleRnn = ReturnType<typeof tf.layers.simpleRNN>;
const StockSimpleRNN = tf.layers.simpleRNN({ units: 1 }).constructor as unknown as new (args: object) => StockSimpleRnn;

/**
 * Keras's SimpleRNN (h_t = activation(x_t·W + h_{t-1}·U + b)) on tfjs-layers, with Keras's
 * glorot-uniform kernel default (tfjs uses glorotNormal); registered as `'SimpleRNN'`.
 *
 * @example
 * const model = tf.sequential({ layers: [simpleRnn({ units: 50, activation: 'sigmoid', inputShape: [3, 1] }), dense({ units: 2 })] });
 * model.layers[0] instanceof SimpleRNN; // true
 * model.countParams();                  // (1 + 50)·50 + 50 + 102 = 2,702
 */
export class SimpleRNN extends StockSimpleRNN {
  static className = 'SimpleRNN';
  /** Which computation runs the sequence (not saved). */
  recurrentImplementation: RecurrentImplementation;

  /**
   * @param options see {@link SimpleRnnOptions}
   * @throws LayerConfigError for invalid options
   */
  constructor(options: SimpleRnnOptions) {
    super(recurrentArgs('SimpleRNN', 'simple_rnn', options));
    this.recurrentImplementation = implementationOf(options);
  }

  /** The layer's regularization penalties, including the kernel, recurrent and bias regularizers held by its cell. */
  override get losses(): PenaltyFn[] {
    return withCellLosses(super.losses as PenaltyFn[], (this as any).cell);
  }

  override apply(inputs: any, kwargs?: any): any {
    checkSequenceInput('SimpleRNN', this.name, shapeOfInput(inputs), this.stateful);
    return super.apply(inputs, kwargs);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: any): tf.Tensor | tf.Tensor[] {
    return callRecurrentLayer(this, 'simpleRnn', inputs, kwargs, () => super.call(inputs, kwargs));
  }

  static fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}
tf.serialization.registerClass(SimpleRNN as any);

/**
 * Create a SimpleRNN layer with Keras's defaults (tanh, glorot-uniform kernel, orthogonal
 * recurrent kernel).
 *
 * @param options `units` and the recurrent options
 * @returns the layer
 * @throws LayerConfigError for invalid options; LayerShapeError for input that is not 3-D
 * @example
 * model.add(simpleRnn({ units: 50, activation: 'sigmoid', inputShape: [3, 1] })); // 2,600 params
 */
export function simpleRnn(options: SimpleRnnOptions): SimpleRNN {
  return new SimpleRNN(options);
}
