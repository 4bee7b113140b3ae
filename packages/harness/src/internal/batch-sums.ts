import * as tf from '@tensorflow/tfjs';
import { memoryKind, readFloat32 } from './backend-memory';
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
 * Running totals of batch sums over an epoch or a report window. Owns one tensor at a time;
 * on CPU-class backends the sums are read at once into numbers instead (see {@link addBatch}).
 */
export class Totals {
  private sum: tf.Tensor1D | null = null;
  // Sums already read from a CPU-class backend: [loss * n, metric sums...].
  private readonly host: Float64Array;
  private count = 0;

  constructor(private readonly compiled: CompiledModel) {
    this.host = new Float64Array(1 + compiled.metrics.length);
  }

  /**
   * Add one batch from its loss and outputs (disposes `loss`; `yTrue`, `yPred` stay the
   * caller's). On wasm and cpu the loss is read right away: reading is a synchronous copy of
   * a few bytes there, cheaper than the multiply, stack and add that keep sums on the device;
   * elsewhere the sums stay on the device until the window is read.
   */
  addBatch(loss: tf.Scalar, yTrue: tf.Tensor, yPred: tf.Tensor | null, n: number): void {
    if (memoryKind() === null) {
      const sums = batchSums(this.compiled, yTrue, yPred ?? yTrue, loss);
      loss.dispose();
      this.add(sums, n);
      return;
    }
    this.host[0] += readFloat32(loss)[0] * n;
    loss.dispose();
    this.compiled.metrics.forEach((m, i) => {
      const s = tf.tidy(() => tf.sum(m.perSample(yTrue, yPred ?? yTrue)));
      this.host[i + 1] += readFloat32(s)[0];
      s.dispose();
    });
    this.count += n;
  }

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
    this.host.fill(0);
    this.count = 0;
  }

  dispose(): void {
    this.reset();
  }

  private toLogs(device: Float32Array | null, prefix: string): Record<string, number> {
    const logs: Record<string, number> = {};
    const n = this.count || 1;
    const values = this.count === 0 ? null : this.host.map((h, i) => h + (device ? device[i] : 0));
    logs[`${prefix}loss`] = values ? values[0] / n : NaN;
    this.compiled.metrics.forEach((m, i) => {
      const mean = values ? values[i + 1] / n : NaN;
      logs[`${prefix}${m.name}`] = m.finalize ? m.finalize(mean) : mean;
    });
    return logs;
  }
}
