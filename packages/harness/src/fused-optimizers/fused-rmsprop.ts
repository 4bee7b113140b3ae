import type * as tf from '@tensorflow/tfjs';
import { FusedOptimizer } from './fused-optimizer';

const f32 = Math.fround;

/**
 * RMSprop, updating every variable in place in one pass (see {@link FusedOptimizer}) with
 * tfjs's arithmetic: `s ← ρ·s + (1−ρ)·g²`, `a ← μ·a + lr·g / √(s + ε)` (ε inside the root, as
 * tfjs puts it), `w ← w − a`; centered, also `ḡ ← ρ·ḡ + (1−ρ)·g` and the root of
 * `s − (ḡ² + ε)`. Class name `RMSProp`, as tfjs's.
 *
 * @example
 * const opt = new FusedRmsprop(0.001, 0.9);
 * opt.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar);
 */
export class FusedRmsprop extends FusedOptimizer {
  /** tfjs's registered class name, so `model.save` writes a config tfjs can load. */
  static get className(): string {
    return 'RMSProp';
  }

  /**
   * @param learningRate step size (Keras default 0.001)
   * @param decay discounting of the squared-gradient average (Keras `rho`, 0.9)
   * @param momentum momentum of the update (0)
   * @param epsilon fuzz factor (Keras 1e-7)
   * @param centered normalise by the variance rather than the second moment (false)
   */
  constructor(
    public learningRate = 0.001,
    public readonly decay = 0.9,
    public readonly momentum = 0,
    public readonly epsilon = 1e-7,
    public readonly centered = false,
  ) {
    super(
      centered
        ? [
            { suffix: 'rms', initial: 0 },
            { suffix: 'momentum', initial: 0 },
            { suffix: 'mg', initial: 0 },
          ]
        : [
            { suffix: 'rms', initial: 0 },
            { suffix: 'momentum', initial: 0 },
          ],
    );
  }

  protected beginStep(): void {}

  protected updateValues(w: Float32Array, g: Float32Array, [s, a, mg]: Float32Array[]): void {
    const rho = f32(this.decay);
    const oneMinusRho = f32(1 - this.decay);
    const mu = f32(this.momentum);
    const lr = f32(this.learningRate);
    const eps = f32(this.epsilon);
    for (let i = 0; i < w.length; i++) {
      const gi = g[i];
      const si = f32(f32(s[i] * rho) + f32(f32(gi * gi) * oneMinusRho));
      s[i] = si;
      let denominator: number;
      if (mg) {
        const mgi = f32(f32(mg[i] * rho) + f32(gi * oneMinusRho));
        mg[i] = mgi;
        denominator = f32(Math.sqrt(f32(si - f32(f32(mgi * mgi) + eps))));
      } else {
        denominator = f32(Math.sqrt(f32(si + eps)));
      }
      const ai = f32(f32(a[i] * mu) + f32(f32(gi * lr) / denominator));
      a[i] = ai;
      w[i] = w[i] - ai;
    }
  }

  /** The constructor arguments, keyed as tfjs's RMSProp keys them. */
  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, decay: this.decay, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }
}
