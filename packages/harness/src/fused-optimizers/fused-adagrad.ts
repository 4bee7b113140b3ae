import * as tf from '@tensorflow/tfjs';
import { FusedOptimizer } from './fused-optimizer';

const f32 = Math.fround;

/**
 * Adagrad, updating every variable in place in one pass (see {@link FusedOptimizer}) with
 * tfjs's arithmetic: `s ← s + g²`, `w ← w − lr·g / √(s + ε)`, ε the backend's (1e-7 on wasm
 * and cpu), accumulators starting at `initialAccumulatorValue`. Class name `Adagrad`, as tfjs's.
 *
 * @example
 * const opt = new FusedAdagrad(0.01);
 * opt.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar);
 */
export class FusedAdagrad extends FusedOptimizer {
  /** tfjs's registered class name, so `model.save` writes a config tfjs can load. */
  static get className(): string {
    return 'Adagrad';
  }

  private epsilon = 1e-7;

  /**
   * @param learningRate step size (Keras default 0.01)
   * @param initialAccumulatorValue starting value of the accumulators (0.1)
   */
  constructor(
    public learningRate = 0.01,
    public readonly initialAccumulatorValue = 0.1,
  ) {
    super([{ suffix: 'accumulator', initial: initialAccumulatorValue }]);
  }

  protected beginStep(): void {
    // tfjs reads the backend's epsilon at every update.
    this.epsilon = tf.backend().epsilon();
  }

  protected updateValues(w: Float32Array, g: Float32Array, [s]: Float32Array[]): void {
    const step = f32(-this.learningRate);
    const eps = f32(this.epsilon);
    for (let i = 0; i < w.length; i++) {
      const gi = g[i];
      const si = f32(s[i] + f32(gi * gi));
      s[i] = si;
      w[i] = w[i] + f32(f32(gi / f32(Math.sqrt(f32(si + eps)))) * step);
    }
  }

  /** The constructor arguments, keyed as tfjs's Adagrad keys them. */
  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, initialAccumulatorValue: this.initialAccumulatorValue };
  }
}
