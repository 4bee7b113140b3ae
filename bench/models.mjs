// The benchmark's models, built the same way on lstm-kit layers (fused kernels) and on stock
// tfjs-layers with Keras's defaults set (sigmoid gates, forget bias 1, glorot-uniform kernels).
// lstm-kit models are compiled by the harness (`compileModel`: fused Adam on wasm/cpu), as
// users compile them; stock ones by tfjs `model.compile` with tfjs's Adam (Keras's defaults).
// Shapes match bench/pytorch_reference.py.
import * as tf from '@tensorflow/tfjs';
import { compileModel } from '@lstm-kit/harness';
import * as kit from '@lstm-kit/layers';

const KERAS = { recurrentActivation: 'sigmoid', unitForgetBias: true, kernelInitializer: 'glorotUniform' };

/** Layer factories of one stack: `kit` (lstm-kit, kernels path) or `stock` (tfjs-layers). */
function layersOf(stack) {
  if (stack === 'kit') {
    return {
      lstm: (o) => kit.lstm({ ...o, implementation: 'kernels' }),
      dense: (o) => kit.dense(o),
      td: (layer, o = {}) => kit.timeDistributed({ layer, ...o }),
      conv2d: (o) => kit.conv2d(o),
      maxPool: () => kit.maxPooling2d({ poolSize: 2 }),
      flatten: () => kit.flatten(),
      repeat: (n) => kit.repeatVector({ n }),
      bi: (layer, o) => kit.bidirectional({ layer, ...o }),
      compile: (model, loss) => compileModel(model, { loss, optimizer: 'adam' }),
    };
  }
  return {
    lstm: (o) => tf.layers.lstm({ ...KERAS, ...o }),
    dense: (o) => tf.layers.dense({ kernelInitializer: 'glorotUniform', ...o }),
    td: (layer, o = {}) => tf.layers.timeDistributed({ layer, ...o }),
    conv2d: (o) => tf.layers.conv2d({ kernelInitializer: 'glorotUniform', ...o }),
    maxPool: () => tf.layers.maxPooling2d({ poolSize: 2 }),
    flatten: () => tf.layers.flatten(),
    repeat: (n) => tf.layers.repeatVector({ n }),
    bi: (layer, o) => tf.layers.bidirectional({ layer, ...o }),
    compile: (model, loss) => model.compile({ loss, optimizer: tf.train.adam(1e-3) }),
  };
}

function compiled(L, layers, loss) {
  const model = tf.sequential({ layers });
  L.compile(model, loss);
  return model;
}

const oneHotBatch = (batch, steps, classes) =>
  tf.tidy(() => tf.oneHot(tf.randomUniform([batch, steps], 0, classes, 'int32', 1), classes).toFloat());

/**
 * Every configuration: its size (samples per epoch, batch), a model builder per stack and one
 * random batch (reused for every step, as the PyTorch script does: only training is timed).
 */
export const CONFIGS = {
  standard: {
    title: 'standard: LSTM(50), 50 steps, 1 feature, batch 32, Adam, MSE',
    // 1,000 steps: long enough that V8's background compilation at start-up does not weigh on the rate.
    samples: 32_000, batch: 32, torch: 'standard',
    build: (L) => compiled(L, [L.lstm({ units: 50, inputShape: [50, 1] }), L.dense({ units: 1 })], 'meanSquaredError'),
    data: (b) => [tf.randomUniform([b, 50, 1]), tf.randomUniform([b, 1])],
  },
  large: {
    title: 'large: LSTM(256), 100 steps, 1 feature, batch 64',
    samples: 640, batch: 64, torch: 'large',
    build: (L) => compiled(L, [L.lstm({ units: 256, inputShape: [100, 1] }), L.dense({ units: 1 })], 'meanSquaredError'),
    data: (b) => [tf.randomUniform([b, 100, 1]), tf.randomUniform([b, 1])],
  },
  B6: {
    title: 'B6 echo: LSTM(25) → Dense(10) softmax, 5 steps × 10 one-hot, 10,000 single-sample updates',
    samples: 10_000, batch: 1, torch: 'B6',
    build: (L) => compiled(L, [L.lstm({ units: 25, inputShape: [5, 10] }), L.dense({ units: 10, activation: 'softmax' })], 'categoricalCrossentropy'),
    data: (b) => [oneHotBatch(b, 5, 10), tf.oneHot(tf.tensor1d([3], 'int32'), 10).toFloat()],
  },
  B7: {
    title: 'B7 damped sine: LSTM(20) → LSTM(20) → Dense(5), 50 steps, 10,000 sequences, batch 10, MAE',
    samples: 10_000, batch: 10, torch: 'B7',
    build: (L) => compiled(L, [L.lstm({ units: 20, returnSequences: true, inputShape: [50, 1] }), L.lstm({ units: 20 }), L.dense({ units: 5 })], 'meanAbsoluteError'),
    data: (b) => [tf.randomUniform([b, 50, 1]), tf.randomUniform([b, 5])],
  },
  B8: {
    title: 'B8 CNN-LSTM: TD(Conv2D(2, 2×2) → MaxPool → Flatten) → LSTM(50) → Dense(1), 50 frames 50×50, 5,000 sequences, batch 32',
    samples: 5000, batch: 32, torch: 'B8',
    build: (L) =>
      compiled(
        L,
        [
          L.td(L.conv2d({ filters: 2, kernelSize: 2, activation: 'relu' }), { inputShape: [50, 50, 50, 1] }),
          L.td(L.maxPool()),
          L.td(L.flatten()),
          L.lstm({ units: 50 }),
          L.dense({ units: 1, activation: 'sigmoid' }),
        ],
        'binaryCrossentropy',
      ),
    data: (b) => [tf.tidy(() => tf.greater(tf.randomUniform([b, 50, 50, 50, 1]), 0.98).toFloat()), tf.tidy(() => tf.randomUniform([b, 1]).round())],
  },
  B9: {
    title: 'B9 encoder-decoder: LSTM(75) → RepeatVector(2) → LSTM(50) → TD(Dense(12) softmax), 8 steps × 12, 75,000 pairs, batch 32',
    samples: 75_000, batch: 32, torch: 'B9',
    build: (L) =>
      compiled(
        L,
        [L.lstm({ units: 75, inputShape: [8, 12] }), L.repeat(2), L.lstm({ units: 50, returnSequences: true }), L.td(L.dense({ units: 12, activation: 'softmax' }))],
        'categoricalCrossentropy',
      ),
    data: (b) => [tf.randomUniform([b, 8, 12]), oneHotBatch(b, 2, 12)],
  },
  B10: {
    title: 'B10 bidirectional: Bidirectional(LSTM(50)) → TD(Dense(1) sigmoid), 10 steps, 50,000 sequences, batch 10',
    samples: 50_000, batch: 10, torch: 'B10',
    build: (L) => compiled(L, [L.bi(L.lstm({ units: 50, returnSequences: true }), { inputShape: [10, 1] }), L.td(L.dense({ units: 1, activation: 'sigmoid' }))], 'binaryCrossentropy'),
    data: (b) => [tf.randomUniform([b, 10, 1]), tf.tidy(() => tf.randomUniform([b, 10, 1]).round())],
  },
};

/** Build a configuration's model on one stack. */
export function buildModel(name, stack) {
  return CONFIGS[name].build(layersOf(stack));
}
