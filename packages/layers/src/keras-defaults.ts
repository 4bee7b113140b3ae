/**
 * Keras's defaults for every layer lstm-kit builds, in one place. tfjs-layers differs on
 * several (LSTM/GRU `recurrentActivation` is `hardSigmoid`, no forget-gate bias, kernels are
 * `glorotNormal`, GRU has no `resetAfter`); users of the course expect Keras's numbers.
 *
 * @example
 * KERAS_DEFAULTS.recurrent.recurrentActivation; // 'sigmoid' (tfjs-layers: 'hardSigmoid')
 */
export const KERAS_DEFAULTS = {
  recurrent: {
    activation: 'tanh',
    recurrentActivation: 'sigmoid',
    useBias: true,
    kernelInitializer: 'glorotUniform',
    recurrentInitializer: 'orthogonal',
    biasInitializer: 'zeros',
    dropout: 0,
    recurrentDropout: 0,
    returnSequences: false,
    returnState: false,
    goBackwards: false,
    stateful: false,
    /** Keras's `implementation=2` (batched gate products); tfjs always computes it this way. */
    kerasImplementation: 2,
  },
  lstm: { unitForgetBias: true },
  gru: { resetAfter: true },
  dense: { activation: 'linear', useBias: true, kernelInitializer: 'glorotUniform', biasInitializer: 'zeros' },
  conv2d: { strides: 1, padding: 'valid', activation: 'linear', kernelInitializer: 'glorotUniform' },
  maxPooling2d: { poolSize: 2, padding: 'valid' },
  batchNormalization: { axis: -1, momentum: 0.99, epsilon: 0.001 },
  layerNormalization: { axis: -1, epsilon: 0.001 },
  masking: { maskValue: 0 },
  bidirectional: { mergeMode: 'concat' },
} as const;
