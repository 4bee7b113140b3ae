import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilter } from './internal/conv2d-backprop-filter';

/** The wasm backend's methods used here (not in tfjs's public typings). */
interface WasmBackendLike {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  readSync(dataId: object): ArrayLike<number>;
}

function conv2dBackpropFilterWasm(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const backend = args.backend as WasmBackendLike;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as any;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  const values = conv2dBackpropFilter(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(dy), {
    batchSize: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
    channelsLast: info.dataFormat === 'channelsLast',
  });
  // Allocate after computing: growing the wasm heap detaches earlier views of it.
  const out = backend.makeOutput(info.filterShape, 'float32');
  backend.typedArrayFromHeap(out).set(values);
  return out;
}

/**
 * Register the gradient kernels that stock `@tensorflow/tfjs-backend-wasm` 4.22 lacks, so
 * models with Conv2D (the CNN-LSTM, B8) train on wasm instead of failing with "Kernel
 * 'Conv2DBackpropFilter' not registered for backend 'wasm'". Idempotent; called when
 * `@lstm-kit/layers` is imported. (Conv2DBackpropInput and MaxPoolGrad exist in 4.22.)
 *
 * @returns the kernel names registered by this call (empty when already present)
 * @example
 * import { registerWasmGradients } from '@lstm-kit/layers';
 * registerWasmGradients(); // [] — already done on import
 */
export function registerWasmGradients(): string[] {
  const added: string[] = [];
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') == null) {
    tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2dBackpropFilterWasm as unknown as tf.KernelFunc });
    added.push('Conv2DBackpropFilter');
  }
  return added;
}

registerWasmGradients();
