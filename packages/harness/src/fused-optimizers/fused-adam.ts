import * as tf from '@tensorflow/tfjs';
import { adamUpdate, type AdamCoefficients } from '@lstm-kit/kernels';
import { FusedOptimizer } from './fused-optimizer';

const f32 = Math.fround;

/**
 * Adam with tfjs's arithmetic, updating every variable in place in one pass (see
 * {@link FusedOptimizer}): `m ← β1·m + (1−β1)·g`, `v ← β2·v + (1−β2)·g²`,
 * `w ← w − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)` — ε added after the square root of the
 * bias-corrected second moment, and β1ᵗ, β2ᵗ kept as float32 running products, as tfjs's
 * `AdamOptimizer` does. Its class name is tfjs's (`Adam`), so a saved model reloads with
 * tfjs's Adam and the same state.
 *
 * @example
 * const opt = new FusedAdam(0.001);
 * model.compile({ optimizer: opt, loss: 'meanSquaredError' });
 * opt.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar);
 */
export class FusedAdam extends FusedOptimizer {
  /** tfjs's registered class name, so `model.save` writes a config tfjs can load. */
  static get className(): string {
    return 'Adam';
  }

  // β1ᵗ and β2ᵗ for the update being applied, float32 like tfjs's accBeta variables.
  private accBeta1: number;
  private accBeta2: number;
  private c1 = 1;
  private c2 = 1;

  /**
   * @param learningRate step size (Keras default 0.001)
   * @param beta1 decay of the first moment (0.9)
   * @param beta2 decay of the second moment (0.999)
   * @param epsilon added to the root of the second moment (Keras 1e-7)
   */
  constructor(
    public learningRate = 0.001,
    public readonly beta1 = 0.9,
    public readonly beta2 = 0.999,
    public readonly epsilon = 1e-7,
  ) {
    super([
      { suffix: 'm', initial: 0 },
      { suffix: 'v', initial: 0 },
    ]);
    this.accBeta1 = f32(beta1);
    this.accBeta2 = f32(beta2);
  }

  protected beginStep(): void {
    this.c1 = f32(1 - this.accBeta1);
    this.c2 = f32(1 - this.accBeta2);
    this.coefficients = this.coefficientsNow();
  }

  protected updateValues(w: Float32Array, g: Float32Array, [m, v]: Float32Array[]): void {
    // The element loop runs in the kernels' WebAssembly SIMD (JavaScript where SIMD is
    // missing); both round every operation to float32 in tfjs's order, so it stays
    // bit-identical to tfjs's Adam.
    adamUpdate(w, g, m, v, this.coefficients);
  }

  // This update's constants, built once per update rather than per variable.
  private coefficients!: AdamCoefficients;

  private coefficientsNow(): AdamCoefficients {
    return {
      beta1: f32(this.beta1),
      beta2: f32(this.beta2),
      oneMinusBeta1: f32(1 - this.beta1),
      oneMinusBeta2: f32(1 - this.beta2),
      epsilon: f32(this.epsilon),
      step: f32(-this.learningRate),
      correction1: this.c1,
      correction2: this.c2,
    };
  }

  protected override endStep(): void {
    this.accBeta1 = f32(this.accBeta1 * f32(this.beta1));
    this.accBeta2 = f32(this.accBeta2 * f32(this.beta2));
  }

  protected override restoreStep(iterations: number): void {
    // tfjs restores β^t with the backend's float32 pow; near β2 = 0.999 one ulp of β2ᵗ moves
    // 1 − β2ᵗ by ~1e-5 relative, so the same op keeps a restored run identical to tfjs's.
    [this.accBeta1, this.accBeta2] = tf.tidy(() => Array.from(tf.pow(tf.tensor1d([this.beta1, this.beta2]), iterations + 1).dataSync()));
  }

  /** The constructor arguments, keyed as tfjs's Adam keys them. */
  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
