import * as tf from '@tensorflow/tfjs';
import { KERAS_DEFAULTS } from './keras-defaults';
import type { RecurrentImplementation, RecurrentOptions } from './recurrent-options';
import type { ActivationName } from './layer-options';
import { implementationOf, recurrentArgs } from './internal/recurrent-args';
import { checkSequenceInput, shapeOfInput } from './internal/check-input';
import { callRecurrentLayer } from './internal/recurrent-path';
// Installs the fused kernels of @lstm-kit/kernels behind the recurrent seam.
import './internal/install-fused-paths';
import { GRUCell } from './internal/gru-cell';
import { type PenaltyFn, withCellLosses } from './internal/cell-losses';

/** Options of {@link gru}: the shared recurrent options plus GRU's own. */
export interface GruOptions extends RecurrentOptions {
  /** Activation of the update and reset gates. Keras default `'sigmoid'` (tfjs: hardSigmoid). */
  recurrentActivation?: ActivationName;
  /**
   * Apply the reset gate after the recurrent product, with separate input and recurrent biases
   * (Keras 2.3+ default, true): 3·((f + u)·u + 2u) params. False gives the original GRU
   * (reset before the product, one bias): 3·((f + u)·u + u).
   */
  resetAfter?: boolean;
}

/**
 * Keras's GRU (update gate z, reset gate r, one merged state), with `resetAfter` (Keras's
 * default) which tfjs-layers lacks. Built on tfjs's `RNN` so masks, `goBackwards`, stateful
 * and serialisation are tfjs's; registered as `'GRU'`.
 *
 * @example
 * const model = tf.sequential({ layers: [gru({ units: 7, inputShape: [4, 3] })] });
 * model.layers[0] instanceof GRU;         // true
 * model.countParams();                    // 3·((3 + 7)·7 + 2·7) = 252 (resetAfter)
 */
export class GRU extends tf.RNN {
  static override className = 'GRU';
  /** Which computation runs the sequence (not saved). */
  recurrentImplementation: RecurrentImplementation;

  /**
   * @param options see {@link GruOptions}; missing values take Keras's defaults
   * @throws LayerConfigError for invalid options
   */
  constructor(options: GruOptions) {
    const args = {
      ...recurrentArgs('GRU', 'gru', options),
      recurrentActivation: options.recurrentActivation ?? KERAS_DEFAULTS.recurrent.recurrentActivation,
      resetAfter: options.resetAfter ?? KERAS_DEFAULTS.gru.resetAfter,
    };
    super({ ...args, cell: new GRUCell(args) } as any);
    this.recurrentImplementation = implementationOf(options);
  }

  /** The layer's regularization penalties, including the kernel, recurrent and bias regularizers held by its cell. */
  override get losses(): PenaltyFn[] {
    return withCellLosses(super.losses as PenaltyFn[], (this as any).cell);
  }

  override apply(inputs: any, kwargs?: any): any {
    checkSequenceInput('GRU', this.name, shapeOfInput(inputs), this.stateful);
    return super.apply(inputs, kwargs);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: any): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      // As tfjs's own GRU: masks from the previous call are stale.
      const cell = this.cell as any;
      if (cell.dropoutMask != null) {
        tf.dispose(cell.dropoutMask);
        cell.dropoutMask = null;
      }
      if (cell.recurrentDropoutMask != null) {
        tf.dispose(cell.recurrentDropoutMask);
        cell.recurrentDropoutMask = null;
      }
      const args = { mask: kwargs?.mask ?? null, training: kwargs?.training ?? null, initialState: kwargs?.initialState ?? null };
      return callRecurrentLayer(this, 'gru', inputs, { ...kwargs, ...args }, () => super.call(inputs, args));
    });
  }

  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }
}
tf.serialization.registerClass(GRU as any);

/**
 * Create a GRU layer with Keras's defaults (sigmoid gates, `resetAfter: true`, glorot-uniform
 * kernel, orthogonal recurrent kernel).
 *
 * @param options `units` and any Keras GRU option (see {@link GruOptions})
 * @returns the layer
 * @throws LayerConfigError for invalid options; LayerShapeError for input that is not 3-D
 * @example
 * const model = tf.sequential();
 * model.add(gru({ units: 8, inputShape: [10, 1] })); // 3·((1+8)·8 + 2·8) = 264 params
 * model.add(dense({ units: 1 }));
 */
export function gru(options: GruOptions): GRU {
  return new GRU(options);
}
