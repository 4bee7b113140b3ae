import * as tf from '@tensorflow/tfjs';
import { isCpuClassBackend, readFloat32 } from '@lstm-kit/backend';
import { LayerConfigError } from './errors';
import type { BaseLayerOptions } from './layer-options';
import { stockArgs } from './internal/stock-args';

type StockRepeatVector = ReturnType<typeof tf.layers.repeatVector>;
const StockRepeatVectorClass = tf.layers.repeatVector({ n: 1 }).constructor as unknown as new (args: object) => StockRepeatVector;

/**
 * `[batch, features]` → `[batch, n, features]` as one op on Float32Arrays, with the sum over
 * the n copies as its gradient. tfjs-wasm's `Tile` (what stock RepeatVector runs) and its
 * gradient took about a tenth of an encoder-decoder's (B9) training step.
 */
function repeatRows(x: tf.Tensor2D, n: number): tf.Tensor3D {
  const [batch, width] = x.shape;
  const op = tf.customGrad((...args) => {
    const src = readFloat32(args[0] as tf.Tensor);
    const out = new Float32Array(batch * n * width);
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < width; j++) {
        const v = src[b * width + j];
        for (let t = 0; t < n; t++) out[(b * n + t) * width + j] = v;
      }
    }
    return {
      value: tf.tensor3d(out, [batch, n, width], 'float32'),
      gradFunc: (dy: tf.Tensor) => {
        const d = readFloat32(dy);
        const g = new Float32Array(batch * width);
        for (let b = 0; b < batch; b++) {
          for (let t = 0; t < n; t++) {
            const o = (b * n + t) * width;
            for (let j = 0; j < width; j++) g[b * width + j] += d[o + j];
          }
        }
        return tf.tensor2d(g, [batch, width], 'float32');
      },
    };
  });
  return op(x) as tf.Tensor3D;
}

/**
 * Keras `RepeatVector`, registered under that class name (files are unchanged): on CPU-class
 * backends (wasm, cpu) it copies rows on Float32Arrays instead of running tfjs's `Tile`.
 */
export class RepeatVector extends StockRepeatVectorClass {
  static className = 'RepeatVector';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: any): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (x.dtype !== 'float32' || x.rank !== 2 || !isCpuClassBackend()) return super.call(inputs, kwargs);
    return repeatRows(x as tf.Tensor2D, (this as any).n as number);
  }
}
tf.serialization.registerClass(RepeatVector as any);

/** Options of {@link repeatVector} (Keras `RepeatVector`). */
export interface RepeatVectorOptions extends BaseLayerOptions {
  /** How many times to repeat the input vector (the decoder's output length). */
  n: number;
}

/**
 * Create a layer that repeats a `[batch, features]` vector `n` times into `[batch, n, features]`
 * (the bridge between an encoder and a decoder).
 *
 * @param options `n`
 * @returns the layer (no weights)
 * @throws LayerConfigError when n is not a positive integer
 * @example
 * model.add(repeatVector({ n: 2 }));
 */
export function repeatVector(options: RepeatVectorOptions): tf.layers.Layer {
  if (options == null || !Number.isInteger(options.n) || options.n < 1) {
    throw new LayerConfigError(`expected n to be a positive integer for RepeatVector, got ${options?.n}; e.g. repeatVector({ n: 2 })`);
  }
  return new RepeatVector(stockArgs('repeat_vector', options) as any);
}
