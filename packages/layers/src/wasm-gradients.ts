import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilter, conv2dGeometry } from './internal/conv2d-backprop-filter';
import { maxPoolGrad } from './internal/max-pool-grad';

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
  const values = conv2dBackpropFilter(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(dy), conv2dGeometry(info));
  // Allocate after computing: growing the wasm heap detaches earlier views of it.
  const out = backend.makeOutput(info.filterShape, 'float32');
  backend.typedArrayFromHeap(out).set(values);
  return out;
}

/** Marks lstm-kit's MaxPoolGrad, so registering again leaves it in place. */
const LSTM_KIT_KERNEL = Symbol.for('lstm-kit.wasm-kernel');

function makeMaxPoolGradWasm(stock: tf.KernelConfig) {
  const kernelFunc = (args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo | tf.TensorInfo[] => {
    const backend = args.backend as WasmBackendLike;
    const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    // MaxPool only takes float32 on wasm; anything else goes to the stock kernel untouched.
    if (input.dtype !== 'float32' || dy.dtype !== 'float32') return stock.kernelFunc(args as any);
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as any;
    const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const dx = backend.makeOutput(input.shape, 'float32');
    // Views taken after the only allocation: growing the wasm heap detaches earlier ones.
    maxPoolGrad(backend.typedArrayFromHeap(input), backend.typedArrayFromHeap(dy), backend.typedArrayFromHeap(dx), {
      batchSize: info.batchSize,
      inHeight: info.inHeight,
      inWidth: info.inWidth,
      channels: info.inChannels,
      outHeight: info.outHeight,
      outWidth: info.outWidth,
      filterHeight: info.effectiveFilterHeight,
      filterWidth: info.effectiveFilterWidth,
      strideHeight: info.strideHeight,
      strideWidth: info.strideWidth,
      padTop: info.padInfo.top,
      padLeft: info.padInfo.left,
    });
    return dx;
  };
  (kernelFunc as any)[LSTM_KIT_KERNEL] = true;
  return kernelFunc;
}

/**
 * Register the gradient kernels that stock `@tensorflow/tfjs-backend-wasm` 4.22 lacks, so
 * models with Conv2D (the CNN-LSTM, B8) train on wasm instead of failing with "Kernel
 * 'Conv2DBackpropFilter' not registered for backend 'wasm'", and replace its slow MaxPoolGrad
 * with one that gives the same gradient (tfjs cpu's rule) several times faster. Idempotent;
 * called when `@lstm-kit/layers` is imported. (Conv2DBackpropInput exists in 4.22.)
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
  // tfjs-backend-wasm's own MaxPoolGrad is correct but slow; replace it, keeping its setup and
  // dispose hooks (the fallback for non-float32 input calls into it). Only once the wasm
  // package has registered its kernels (initBackend imports it lazily): registering first would
  // be overwritten by it, with a warning. So maxPooling2d() calls this again when a model is built.
  const stockPoolGrad = tf.getKernel('MaxPoolGrad', 'wasm');
  if (stockPoolGrad != null && !(stockPoolGrad.kernelFunc as any)[LSTM_KIT_KERNEL]) {
    tf.unregisterKernel('MaxPoolGrad', 'wasm');
    tf.registerKernel({
      kernelName: 'MaxPoolGrad',
      backendName: 'wasm',
      kernelFunc: makeMaxPoolGradWasm(stockPoolGrad) as unknown as tf.KernelFunc,
      setupFunc: stockPoolGrad.setupFunc,
      disposeFunc: stockPoolGrad.disposeFunc,
    });
    added.push('MaxPoolGrad');
  }
  return added;
}

registerWasmGradients();
