import * as tf from '@tensorflow/tfjs';

type StockGruCell = ReturnType<typeof tf.layers.gruCell>;
// tfjs exports the factory only; the instance's constructor is the class.
const StockGRUCell = tf.layers.gruCell({ units: 1 }).constructor as unknown as new (args: object) => StockGruCell;

/** A dropout mask kept across the time steps of one call (tfjs's pattern: tf.keep, disposed by the layer). */
function keptMask(like: tf.Tensor, rate: number, training: boolean): tf.Tensor {
  return tf.tidy(() => {
    const ones = tf.onesLike(like);
    return tf.keep(training ? tf.dropout(ones, rate) : ones);
  });
}

/**
 * GRU cell with Keras's `reset_after` (the default since Keras 2.3, and the CuDNN-compatible
 * form): the reset gate is applied after the recurrent product, and input and recurrent
 * products have separate biases (`bias` is `[2, 3·units]`), so the layer has
 * 3·((f + u)·u + 2u) params. tfjs-layers 4.22 throws on `resetAfter: true`; with
 * `resetAfter: false` this is tfjs's own cell unchanged.
 */
export class GRUCell extends StockGRUCell {
  static className = 'GRUCell';
  readonly resetAfter: boolean;

  constructor(args: Record<string, any>) {
    super({ ...args, resetAfter: false });
    this.resetAfter = args.resetAfter ?? true;
  }

  override build(inputShape: any): void {
    if (!this.resetAfter) return super.build(inputShape);
    const self = this as any;
    const shape = Array.isArray(inputShape[0]) ? inputShape[0] : inputShape;
    const inputDim = shape[shape.length - 1];
    const units = self.units as number;
    self.kernel = this.addWeight('kernel', [inputDim, units * 3], undefined, self.kernelInitializer, self.kernelRegularizer, true, self.kernelConstraint);
    self.recurrentKernel = this.addWeight('recurrent_kernel', [units, units * 3], undefined, self.recurrentInitializer, self.recurrentRegularizer, true, self.recurrentConstraint);
    self.bias = self.useBias
      ? this.addWeight('bias', [2, units * 3], undefined, self.biasInitializer, self.biasRegularizer, true, self.biasConstraint)
      : null;
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: any): tf.Tensor | tf.Tensor[] {
    if (!this.resetAfter) return super.call(inputs, kwargs);
    const self = this as any;
    return tf.tidy(() => {
      const list = inputs as tf.Tensor[];
      let x = list[0] as tf.Tensor2D;
      let hPrev = list[1] as tf.Tensor2D;
      const hKeep = hPrev;
      const training = kwargs?.training === true;
      if (self.dropout > 0 && self.dropout < 1) {
        if (self.dropoutMask == null) self.dropoutMask = keptMask(x, self.dropout, training);
        x = tf.mul(x, self.dropoutMask);
      }
      if (self.recurrentDropout > 0 && self.recurrentDropout < 1) {
        if (self.recurrentDropoutMask == null) self.recurrentDropoutMask = keptMask(hPrev, self.recurrentDropout, training);
        hPrev = tf.mul(hPrev, self.recurrentDropoutMask);
      }
      let matrixX = tf.matMul(x, self.kernel.read());
      let matrixInner = tf.matMul(hPrev, self.recurrentKernel.read());
      if (self.bias) {
        const [inputBias, recurrentBias] = tf.unstack(self.bias.read() as tf.Tensor2D);
        matrixX = tf.add(matrixX, inputBias);
        matrixInner = tf.add(matrixInner, recurrentBias);
      }
      const [xZ, xR, xH] = tf.split(matrixX, 3, 1);
      const [rZ, rR, rH] = tf.split(matrixInner, 3, 1);
      const z = self.recurrentActivation.apply(tf.add(xZ, rZ)) as tf.Tensor;
      const r = self.recurrentActivation.apply(tf.add(xR, rR)) as tf.Tensor;
      const hh = self.activation.apply(tf.add(xH, tf.mul(r, rH))) as tf.Tensor;
      // Keras: h = z·h_{t-1} + (1 − z)·ĥ, with the undropped previous state.
      const h = tf.add(tf.mul(z, hKeep), tf.mul(tf.sub(1, z), hh));
      return [h, h];
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), resetAfter: this.resetAfter };
  }
}
tf.serialization.registerClass(GRUCell as any);
