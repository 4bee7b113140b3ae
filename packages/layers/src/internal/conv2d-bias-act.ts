import * as tf from '@tensorflow/tfjs';

/** lstm-kit's kernel: channels-last Conv2D + bias + (relu | linear), with its own gradient. */
export const CONV2D_BIAS_ACT = 'LstmKitConv2DBiasAct';

/** Activations the fused kernel handles (the ones whose gradient needs only the output). */
export type FusedConvActivation = 'relu' | 'linear';

/** Attributes of {@link CONV2D_BIAS_ACT}. */
export interface Conv2dBiasActAttrs {
  strides: [number, number];
  pad: 'valid' | 'same';
  activation: FusedConvActivation;
}

/**
 * Forward on wasm: XNNPACK's FusedConv2D (conv, bias and activation in one pass). Under a
 * gradient tape tfjs's own `tf.fused.conv2d` falls back to conv2d → broadcast Add → Relu, and
 * wasm's broadcast Add alone took ~10% of a CNN-LSTM (B8) step, plus two saved-tensor copies.
 */
function forwardWasm(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const a = args.attrs as unknown as Conv2dBiasActAttrs;
  const fused = tf.getKernel('FusedConv2D', 'wasm');
  if (fused == null) throw new Error(`${CONV2D_BIAS_ACT} needs tfjs-backend-wasm's FusedConv2D kernel, which is not registered`);
  return fused.kernelFunc({
    inputs: args.inputs,
    backend: args.backend as any,
    attrs: { strides: a.strides, pad: a.pad, dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined as any, activation: a.activation },
  }) as tf.TensorInfo;
}

/**
 * Register the kernel (wasm) and its gradient. The gradient gives one thunk per input, so
 * tfjs computes dx only when something upstream needs it: for the first layer of a model
 * (the input is no variable's descendant) Conv2DBackpropInput is skipped, as with tfjs's own
 * Conv2D. Idempotent.
 */
export function registerConv2dBiasAct(): void {
  if (tf.getKernel(CONV2D_BIAS_ACT, 'wasm') == null) {
    tf.registerKernel({ kernelName: CONV2D_BIAS_ACT, backendName: 'wasm', kernelFunc: forwardWasm as unknown as tf.KernelFunc });
  }
  if (tf.getGradient(CONV2D_BIAS_ACT) == null) {
    tf.registerGradient({
      kernelName: CONV2D_BIAS_ACT,
      inputsToSave: ['x', 'filter'],
      outputsToSave: [true],
      gradFunc: (dy, saved, attrs) => {
        const [x, filter, y] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D];
        const a = attrs as unknown as Conv2dBiasActAttrs;
        // relu'(z) from the output: z > 0 exactly where y > 0 (tfjs's Relu gradient uses step(x)).
        const g = (a.activation === 'relu' ? tf.mul(dy as tf.Tensor, tf.step(y)) : (dy as tf.Tensor)) as tf.Tensor4D;
        const conv = { strides: a.strides, pad: a.pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
        return {
          x: () => tf.engine().runKernel('Conv2DBackpropInput', { dy: g, filter }, { ...conv, inputShape: x.shape } as any) as tf.Tensor,
          filter: () => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: g }, { ...conv, filterShape: filter.shape } as any) as tf.Tensor,
          bias: () => tf.sum(g, [0, 1, 2]),
        };
      },
    });
  }
}

/**
 * Conv2D (NHWC, dilation 1) + bias + activation through {@link CONV2D_BIAS_ACT}; only on the
 * wasm backend (callers check {@link canUseConv2dBiasAct}).
 *
 * @returns the activated output, `[batch, outH, outW, filters]`
 */
export function conv2dBiasAct(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D, attrs: Conv2dBiasActAttrs): tf.Tensor4D {
  registerConv2dBiasAct();
  return tf.engine().runKernel(CONV2D_BIAS_ACT, { x, filter, bias }, attrs as any) as tf.Tensor4D;
}

/** Whether {@link conv2dBiasAct} can run here: the wasm backend, float32 input. */
export function canUseConv2dBiasAct(x: tf.Tensor): boolean {
  return tf.getBackend() === 'wasm' && x.dtype === 'float32' && x.rank === 4;
}
