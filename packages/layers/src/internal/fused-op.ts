import * as tf from '@tensorflow/tfjs';
import { readFloat32 } from '@lstm-kit/backend';
import { releaseArrays } from '@lstm-kit/kernels';

/** One output of a fused op: its values and shape. */
export interface FusedOutput {
  readonly values: Float32Array;
  readonly shape: number[];
}

/**
 * Gradients of a fused op's inputs, by input name, from the gradients of its outputs (in the
 * order the forward returned them; an output that does not reach the loss gets zeros).
 * `wanted` names the inputs whose gradients will be read; the others may be left out (null).
 */
export type FusedBackward = (dys: Float32Array[], wanted: ReadonlySet<string>) => Record<string, Float32Array | null>;

/** What the forward of a fused op returns: outputs, and the backward when a tape is recording. */
export interface FusedForward {
  readonly outputs: FusedOutput[];
  readonly backward: FusedBackward | null;
  /** Frees what the backward kept (its tape), once the last gradient has been handed out. */
  readonly release?: () => void;
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
 * @param inputs the differentiable inputs, by name; gradients come back under the same names.
 *   List first those whose gradient is often not needed (the data input, initial states):
 *   the backward skips the gradients of inputs listed before the first one tfjs asks for.
 * @param forward runs the computation; `keepTape` says whether a backward will be needed
 * @returns one tensor per forward output
 */
export function runFusedOp(inputs: Record<string, tf.Tensor>, forward: (keepTape: boolean) => FusedForward): tf.Tensor[] {
  const keepTape = isRecordingGradients();
  let backward: FusedBackward | null = null;
  let release: (() => void) | undefined;
  let outputShapes: number[][] = [];
  const forwardFunc = (): tf.Tensor[] => {
    const result = forward(keepTape);
    backward = result.backward;
    release = result.release;
    outputShapes = result.outputs.map((o) => o.shape);
    const tensors = result.outputs.map((o) => tf.tensor(o.values, o.shape, 'float32'));
    reuseIfCopied(result.outputs.map((o) => o.values));
    return tensors;
  };
  const backwardsFunc = (dy: tf.Tensor | tf.Tensor[]): Record<string, () => tf.Tensor> => {
    // Copies: the gradients are computed when the first input's gradient is asked for.
    const dys = (Array.isArray(dy) ? dy : [dy]).map((d, i) => (d == null ? new Float32Array(sizeOf(outputShapes[i])) : readFloat32(d).slice()));
    const run: FusedBackward | null = backward;
    if (run == null) throw new Error('fused op: the forward pass ran without a tape, so it cannot be differentiated');
    const names = Object.keys(inputs);
    const take = lazyGradients(names, (wanted) => run(dys, wanted));
    const out: Record<string, () => tf.Tensor> = {};
    for (const [name, t] of Object.entries(inputs)) {
      out[name] = () => {
        const g = take(name);
        // tfjs asks in the inputs' order, so the last input's gradient is the last one asked for.
        // A gradient pass inside a recording one (gradient penalties) may be followed by the
        // outer pass through this same op: then the tape stays, for the garbage collector.
        if (name === names[names.length - 1] && !isRecordingGradients()) release?.();
        const tensor = tf.tensor(g, t.shape, 'float32');
        reuseIfCopied([g]);
        return tensor;
      };
    }
    return out;
  };
  const engine = tf.engine() as unknown as {
    runKernelFunc(p: { forwardFunc: () => tf.Tensor[]; backwardsFunc: typeof backwardsFunc; inputs: Record<string, tf.Tensor> }): tf.Tensor | tf.Tensor[];
  };
  const result = engine.runKernelFunc({ forwardFunc, backwardsFunc, inputs });
  return Array.isArray(result) ? result : [result];
}

/**
 * The gradient of each input, computed on the first request. tfjs asks only for the gradients
 * of inputs that depend on a watched variable, one input at a time in the order the op lists
 * them (a model's data input and constant initial states are not asked for). So the first
 * name asked for tells which are wanted: it and the names after it. A name asked for out of
 * that order (not expected from tfjs) gets every gradient computed again.
 *
 * @param names the inputs in the op's order
 * @param compute the gradients of (at least) the wanted inputs
 * @returns a function giving one input's gradient
 */
export function lazyGradients(names: readonly string[], compute: (wanted: ReadonlySet<string>) => Record<string, Float32Array | null>): (name: string) => Float32Array {
  let grads: Record<string, Float32Array | null> | null = null;
  return (name) => {
    grads ??= compute(new Set(names.slice(names.indexOf(name))));
    if (grads[name] == null) grads = compute(new Set(names));
    const g = grads[name];
    if (g == null) throw new Error(`fused op: no gradient computed for input '${name}'`);
    return g;
  };
}

/**
 * Hands the kernels' result arrays back for reuse once tensors were made from them, where
 * that copied them (wasm: into its own memory). The cpu backend keeps the array it is given.
 */
function reuseIfCopied(arrays: Float32Array[]): void {
  if (tf.getBackend() === 'wasm') releaseArrays(arrays);
}

function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
