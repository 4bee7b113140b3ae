import type * as tf from '@tensorflow/tfjs';

/** An initializer: a Keras/tfjs name (`'glorotUniform'`, `'orthogonal'`, `'zeros'`…) or an instance. */
export type InitializerLike = string | ReturnType<typeof tf.initializers.zeros>;
/** A regularizer: `'l1l2'` or an instance such as `tf.regularizers.l2({ l2: 0.01 })`. */
export type RegularizerLike = string | ReturnType<typeof tf.regularizers.l2>;
/** A constraint: a name (`'maxNorm'`, `'nonNeg'`…) or an instance from `tf.constraints`. */
export type ConstraintLike = string | ReturnType<typeof tf.constraints.nonNeg>;
/** An activation by its Keras/tfjs name: `'tanh'`, `'sigmoid'`, `'relu'`, `'linear'`, `'softmax'`, `'hardSigmoid'`, `'elu'`, `'selu'`, `'softplus'`, `'softsign'`, `'swish'`, `'mish'`, `'gelu'`. */
export type ActivationName = string;

/** Options every layer factory accepts (Keras's base `Layer` arguments). */
export interface BaseLayerOptions {
  /** Layer name. Default: Keras-style (`lstm`, `lstm_1`, …; see `clearSession`). */
  name?: string;
  /** Shape of one sample without the batch, for the first layer of a model, e.g. `[timesteps, features]`. */
  inputShape?: (number | null)[];
  /** Full input shape including the batch size, e.g. `[1, 5, 10]`; needed for stateful layers. */
  batchInputShape?: (number | null)[];
  /** Batch size to combine with `inputShape` (Keras `batch_size`). */
  batchSize?: number;
  /** Whether the layer's weights are updated by training. Default true. */
  trainable?: boolean;
  /** Data type of the weights. Default `'float32'`. */
  dtype?: 'float32';
  /** Seed for the layer's initial weights: the same seed gives the same weights. Default: unseeded. */
  seed?: number;
}
