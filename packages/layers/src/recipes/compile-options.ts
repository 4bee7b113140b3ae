import type * as tf from '@tensorflow/tfjs';

/** Optional compile step every recipe accepts, for convenience (the harness usually compiles). */
export interface CompileOptions {
  /** Loss name or function, e.g. `'categoricalCrossentropy'`, `'meanAbsoluteError'`. */
  loss: string | string[] | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor);
  /** Optimizer name (`'adam'`, Keras lr 0.001) or instance. Default `'adam'`. */
  optimizer?: string | tf.Optimizer;
  /** Metrics to report, e.g. `['accuracy']`. Default none. */
  metrics?: string[];
}

/** Options every recipe shares. */
export interface RecipeBaseOptions {
  /** Seed of the initial weights of every layer: same seed, same model. Default: unseeded. */
  seed?: number;
  /** Compile the model before returning it. Default: not compiled. */
  compile?: CompileOptions;
  /** The model's name. Default Keras-style `sequential`, `sequential_1`, …. */
  name?: string;
}
