import type * as tf from '@tensorflow/tfjs';
import { FusedOptimizer } from './fused-optimizer';

const f32 = Math.fround;

/**
 * SGD with momentum (Keras `SGD(momentum=…, nesterov=…)`), updating every variable in place in
 * one pass (see {@link FusedOptimizer}) with tfjs's arithmetic: `a ← μ·a + g`, then
 * `w ← w − lr·a`, or with Nesterov `w ← w − lr·(g + μ·a)`. Class name `Momentum`, as tfjs's.
 *
 * @example
 * const opt = new FusedMomentum(0.01, 0.9);
 * opt.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar);
 */
export class FusedMomentum extends FusedOptimizer {
  /** tfjs's registered class name, so `model.save` writes a config tfjs can load. */
  static get className(): string {
    return 'Momentum';
  }

  /**
   * @param learningRate step size (Keras default 0.01)
   * @param momentum decay of the accumulated gradient
   * @param useNesterov Nesterov momentum (default false)
   */
  constructor(
    public learningRate: number,
    public momentum: number,
    public readonly useNesterov = false,
  ) {
    super([{ suffix: 'momentum', initial: 0 }]);
  }

  protected beginStep(): void {}

  protected updateValues(w: Float32Array, g: Float32Array, [a]: Float32Array[]): void {
    const step = f32(-this.learningRate);
    const mu = f32(this.momentum);
    const nesterov = this.useNesterov;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i];
      const ai = f32(f32(mu * a[i]) + gi);
      a[i] = ai;
      w[i] = w[i] + f32(step * (nesterov ? f32(gi + f32(ai * mu)) : ai));
    }
  }

  /** Change the step size (tfjs's Momentum has this method; schedules call it). @param learningRate the new rate */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }

  /** Change the momentum, as tfjs's `setMomentum`. @param momentum the new momentum */
  setMomentum(momentum: number): void {
    this.momentum = momentum;
  }

  /** The constructor arguments, keyed as tfjs's Momentum keys them. */
  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, momentum: this.momentum, useNesterov: this.useNesterov };
  }
}
