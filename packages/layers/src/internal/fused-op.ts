import * as tf from '@tensorflow/tfjs';

/** One output of a fused op: its values and shape. */
export interface FusedOutput {
  readonly values: Float32Array;
  readonly shape: number[];
}

/**
 * Gradients of a fused op's inputs, by input name, from the gradients of its outputs (in the
 * order the forward returned them; an output that does not reach the loss gets zeros).
 */
export type FusedBackward = (dys: Float32Array[]) => Record<string, Float32Array>;

/** What the forward of a fused op returns: outputs, and the backward when a tape is recording. */
export interface FusedForward {
  readonly outputs: FusedOutput[];
  readonly backward: FusedBackward | null;
}

/** The wasm backend's zero-copy view of a tensor (not in tfjs's public typings). */
interface HeapViewBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}

/**
 * The float32 values of a tensor with as few copies as the backend allows: on wasm a view
 * into its heap (tfjs's `dataSync` copies there), on cpu the stored array. Views are only
 * valid until tfjs next allocates, so callers read every input before creating any tensor,
 * and the kernels copy what they keep.
 */
export function readFloats(t: tf.Tensor): Float32Array {
  if (t.dtype === 'float32' && tf.getBackend() === 'wasm') {
    return (tf.backend() as unknown as HeapViewBackend).typedArrayFromHeap(t);
  }
  const data = t.dataSync();
  return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
}

/** True when the engine is recording a gradient tape, i.e. the backward pass will be asked for. */
export function isRecordingGradients(): boolean {
  return (tf.engine() as unknown as { isTapeOn(): boolean }).isTapeOn();
}

/**
 * Run a whole-sequence computation on `Float32Array`s as one differentiable tfjs op with
 * several outputs. tfjs's public `customGrad` allows a single output only; the engine's
 * `runKernelFunc` (which `customGrad` itself uses) takes several, so the final states of a
 * recurrent layer get gradients too (needed for `returnState` and encoder-decoder models).
 *
 * @param inputs the differentiable inputs, by name; gradients come back under the same names
 * @param forward runs the computation; `keepTape` says whether a backward will be needed
 * @returns one tensor per forward output
 */
export function runFusedOp(inputs: Record<string, tf.Tensor>, forward: (keepTape: boolean) => FusedForward): tf.Tensor[] {
  const keepTape = isRecordingGradients();
  let backward: FusedBackward | null = null;
  let outputShapes: number[][] = [];
  const forwardFunc = (): tf.Tensor[] => {
    const result = forward(keepTape);
    backward = result.backward;
    outputShapes = result.outputs.map((o) => o.shape);
    return result.outputs.map((o) => tf.tensor(o.values, o.shape, 'float32'));
  };
  const backwardsFunc = (dy: tf.Tensor | tf.Tensor[]): Record<string, () => tf.Tensor> => {
    // Views are fine here: the backward consumes them before tfjs allocates again.
    const dys = (Array.isArray(dy) ? dy : [dy]).map((d, i) => (d == null ? new Float32Array(sizeOf(outputShapes[i])) : readFloats(d)));
    if (backward == null) throw new Error('fused recurrent op: the forward pass ran without a tape, so it cannot be differentiated');
    const grads = backward(dys);
    const out: Record<string, () => tf.Tensor> = {};
    for (const [name, t] of Object.entries(inputs)) {
      const g = grads[name];
      out[name] = () => tf.tensor(g, t.shape, 'float32');
    }
    return out;
  };
  const engine = tf.engine() as unknown as {
    runKernelFunc(p: { forwardFunc: () => tf.Tensor[]; backwardsFunc: typeof backwardsFunc; inputs: Record<string, tf.Tensor> }): tf.Tensor | tf.Tensor[];
  };
  const result = engine.runKernelFunc({ forwardFunc, backwardsFunc, inputs });
  return Array.isArray(result) ? result : [result];
}

function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
