// A tiny tfjs trial for executor tests: imports tfjs itself and sets the cpu backend once
// per thread (one tfjs per worker), seeds every initialiser, trains full-batch without
// shuffling, so the score depends only on the seed.
import * as tf from '@tensorflow/tfjs';

let ready;

export async function tfjsTrial(ctx) {
  ready ??= tf.setBackend('cpu');
  await ready;
  const x = tf.tensor3d([0, 0.1, 0.2, 0.3, 0.4], [5, 1, 1]);
  const y = tf.tensor2d([0.1, 0.2, 0.3, 0.4, 0.5], [5, 1]);
  const xv = tf.tensor3d([0.5, 0.6, 0.7, 0.8, 0.9], [5, 1, 1]);
  const yv = tf.tensor2d([0.6, 0.7, 0.8, 0.9, 1.0], [5, 1]);
  const model = tf.sequential();
  model.add(
    tf.layers.lstm({
      units: 3,
      inputShape: [1, 1],
      recurrentActivation: 'sigmoid',
      unitForgetBias: true,
      kernelInitializer: tf.initializers.glorotUniform({ seed: ctx.seed }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: ctx.seed + 1 }),
    }),
  );
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: ctx.seed + 2 }) }));
  model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.01) });
  const h = await model.fit(x, y, { epochs: 15, validationData: [xv, yv], shuffle: false, verbose: 0 });
  model.dispose();
  tf.dispose([x, y, xv, yv]);
  const val = h.history.val_loss;
  return { score: val[val.length - 1], history: { loss: h.history.loss, val_loss: val } };
}
