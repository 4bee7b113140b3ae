import * as tf from '@tensorflow/tfjs';
import { type NdArray, createRng, ndarray } from '@lstm-kit/sequence';

/** A tiny LSTM classifier built from stock tfjs layers, so harness tests do not wait on @lstm-kit/layers. */
export function tinyClassifier(timesteps: number, features: number, units = 8, seed = 1): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units, inputShape: [timesteps, features], kernelInitializer: tf.initializers.glorotUniform({ seed }), recurrentInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }));
  model.add(tf.layers.dense({ units: features, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }) }));
  return model;
}

/** Echo data: random one-hot sequences; the target is the one-hot value at `index`. */
export function echoData(samples: number, timesteps: number, features: number, index: number, seed: number): { x: NdArray; y: NdArray } {
  const rng = createRng(seed);
  const x = new Float32Array(samples * timesteps * features);
  const y = new Float32Array(samples * features);
  for (let s = 0; s < samples; s++) {
    for (let t = 0; t < timesteps; t++) {
      const v = rng.int(0, features);
      x[(s * timesteps + t) * features + v] = 1;
      if (t === index) y[s * features + v] = 1;
    }
  }
  return { x: ndarray(x, [samples, timesteps, features]), y: ndarray(y, [samples, features]) };
}

/** A regression toy: y = mean of the sequence, learnable by a small LSTM in a few epochs. */
export function meanData(samples: number, timesteps: number, seed: number): { x: NdArray; y: NdArray } {
  const rng = createRng(seed);
  const x = new Float32Array(samples * timesteps);
  const y = new Float32Array(samples);
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let t = 0; t < timesteps; t++) {
      const v = rng.uniform(0, 1);
      x[s * timesteps + t] = v;
      sum += v;
    }
    y[s] = sum / timesteps;
  }
  return { x: ndarray(x, [samples, timesteps, 1]), y: ndarray(y, [samples, 1]) };
}

/** A tiny LSTM regressor: LSTM(units) → Dense(1). */
export function tinyRegressor(timesteps: number, units = 6, seed = 3): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units, inputShape: [timesteps, 1], kernelInitializer: tf.initializers.glorotUniform({ seed }), recurrentInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }));
  model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }) }));
  return model;
}

/** Collects progress output for assertions. */
export function collector(isTTY = false): { write(s: string): void; isTTY: boolean; text(): string } {
  const parts: string[] = [];
  return { write: (s: string) => void parts.push(s), isTTY, text: () => parts.join('') };
}
