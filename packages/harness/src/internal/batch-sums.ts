import * as tf from '@tensorflow/tfjs';
import type { CompiledModel } from './compiled';

/**
 * The sums an epoch's figures are built from, for one batch: `[loss * n, sum of each
 * metric's per-sample values]`. Summing on the device and reading once per epoch avoids a
 * GPU/wasm sync per batch.
 */
export function batchSums(compiled: CompiledModel, yTrue: tf.Tensor, yPred: tf.Tensor, loss: tf.Scalar): tf.Tensor1D {
  return tf.tidy(() => {
    const n = yTrue.shape[0];
    const parts: tf.Scalar[] = [tf.mul(loss, n) as tf.Scalar];
    for (const m of compiled.metrics) parts.push(tf.sum(m.perSample(yTrue, yPred)) as tf.Scalar);
    return tf.stack(parts) as tf.Tensor1D;
  });
}

/** The model's regularisation penalties added to the loss, as Keras and tfjs `fit` do. */
export function withRegularization(model: tf.LayersModel, loss: tf.Scalar): tf.Scalar {
  const penalties = model.calculateLosses();
  let total = loss;
  for (const p of penalties) total = tf.add(total, p) as tf.Scalar;
  return total;
}

/**
 * Running totals of batch sums over an epoch or a report window. Owns one tensor at a time.
 */
export class Totals {
  private sum: tf.Tensor1D | null = null;
  private count = 0;

  constructor(private readonly compiled: CompiledModel) {}

  /** Add a batch's sums (takes ownership) for `n` samples. */
  add(sums: tf.Tensor1D, n: number): void {
    if (this.sum) {
      const next = tf.add(this.sum, sums) as tf.Tensor1D;
      this.sum.dispose();
      sums.dispose();
      this.sum = next;
    } else {
      this.sum = sums;
    }
    this.count += n;
  }

  get samples(): number {
    return this.count;
  }

  /** The means so far, keyed `loss` and by metric name (reads the device: throttle callers). */
  read(prefix = ''): Record<string, number> {
    return this.toLogs(this.sum ? (this.sum.dataSync() as Float32Array) : null, prefix);
  }

  /** Like {@link read}, without blocking the event loop. */
  async readAsync(prefix = ''): Promise<Record<string, number>> {
    return this.toLogs(this.sum ? ((await this.sum.data()) as Float32Array) : null, prefix);
  }

  /** Forget the sums (start a new epoch or window). */
  reset(): void {
    this.sum?.dispose();
    this.sum = null;
    this.count = 0;
  }

  dispose(): void {
    this.reset();
  }

  private toLogs(values: Float32Array | null, prefix: string): Record<string, number> {
    const logs: Record<string, number> = {};
    const n = this.count || 1;
    logs[`${prefix}loss`] = values ? values[0] / n : NaN;
    this.compiled.metrics.forEach((m, i) => {
      const mean = values ? values[i + 1] / n : NaN;
      logs[`${prefix}${m.name}`] = m.finalize ? m.finalize(mean) : mean;
    });
    return logs;
  }
}
