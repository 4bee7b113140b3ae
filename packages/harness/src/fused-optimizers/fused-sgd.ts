import type * as tf from '@tensorflow/tfjs';
import { FusedOptimizer } from './fused-optimizer';

const f32 = Math.fround;

/**
 * Plain stochastic gradient descent, `w ← w − lr·g`, updating every variable in place in one
 * pass (see {@link FusedOptimizer}); tfjs's arithmetic and class name (`SGD`).
 *
 * @example
 * const opt = new FusedSgd(0.01);
 * opt.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar);
 */
export class FusedSgd extends FusedOptimizer {
  /** tfjs's registered class name, so `model.save` writes a config tfjs can load. */
  static get className(): string {
    return 'SGD';
  }

  /** @param learningRate step size (Keras default 0.01) */
  constructor(public learningRate = 0.01) {
    super([]);
  }

  protected beginStep(): void {}

  protected updateValues(w: Float32Array, g: Float32Array): void {
    const step = f32(-this.learningRate);
    for (let i = 0; i < w.length; i++) w[i] = w[i] + f32(step * g[i]);
  }

  /** Change the step size (tfjs's SGD has this method; schedules call it). @param learningRate the new rate */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }

  /** The constructor arguments, keyed as tfjs's SGD keys them. */
  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate };
  }
}
