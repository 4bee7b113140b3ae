import * as tf from '@tensorflow/tfjs';
import { isCpuClassBackend } from '@lstm-kit/backend';
import type { RecurrentImplementation } from '../recurrent-options';
import { LayerConfigError } from '../errors';
import { describeSequenceCall } from './recurrent-args';
import { fixStatefulCall } from './stateful-fix';

/** The recurrent cell types that have one whole-sequence entry point each. */
export type RecurrentKind = 'lstm' | 'gru' | 'simpleRnn';

/**
 * Everything a whole-sequence recurrent computation needs, in Keras weight layout: kernel
 * `[features, k·units]`, recurrent kernel `[units, k·units]`, bias `[k·units]` (GRU reset-after:
 * `[2, 3·units]`), gate order i, f, c, o (LSTM) and z, r, h (GRU).
 */
export interface RecurrentSequenceCall {
  readonly kind: RecurrentKind;
  readonly inputs: tf.Tensor3D;
  readonly kernel: tf.Tensor2D;
  readonly recurrentKernel: tf.Tensor2D;
  readonly bias: tf.Tensor | null;
  readonly initialState: tf.Tensor2D[] | null;
  readonly mask: tf.Tensor | null;
  readonly training: boolean;
  readonly units: number;
  readonly activation: string;
  readonly recurrentActivation: string | null;
  readonly goBackwards: boolean;
  readonly returnSequences: boolean;
  readonly returnState: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly resetAfter: boolean;
}

/**
 * A fused implementation of one cell type over a whole sequence: returns the output (last
 * step, or all steps when `returnSequences`) and the final states, differentiable (e.g.
 * through `tf.customGrad`), or null when it cannot compute this call (training dropout, an
 * activation it lacks), which then runs on tfjs ops. Keeping stateful layers' states is done
 * by the caller.
 */
export type FusedSequenceFn = (call: RecurrentSequenceCall) => { output: tf.Tensor; states: tf.Tensor[] } | null;

/** Fused paths, installed from `@lstm-kit/kernels` on import (`install-fused-paths.ts`). */
const fusedPaths = new Map<RecurrentKind, FusedSequenceFn>();

/**
 * Install the fused whole-sequence implementation of a cell type. The layers keep their
 * weights, config and serialisation; only the computation of `call` changes.
 */
export function installFusedPath(kind: RecurrentKind, fn: FusedSequenceFn | null): void {
  if (fn) fusedPaths.set(kind, fn);
  else fusedPaths.delete(kind);
}

/**
 * Decide which path computes a call. `auto` takes the fused kernels when they are installed
 * and the backend is CPU-class (wasm, cpu), where per-step op dispatch dominates; on GPU-class
 * backends tfjs ops are faster.
 *
 * @throws LayerConfigError when `kernels` is forced but no fused path is installed for the kind
 */
export function resolvePath(kind: RecurrentKind, implementation: RecurrentImplementation, layerName: string): 'kernels' | 'tfjs' {
  if (implementation === 'tfjs') return 'tfjs';
  const installed = fusedPaths.has(kind);
  if (implementation === 'kernels') {
    if (!installed) {
      throw new LayerConfigError(
        `layer '${layerName}' asked for implementation 'kernels', but no fused ${kind} kernel is installed in this build of @lstm-kit/layers; use implementation 'auto' (falls back to tfjs ops) or 'tfjs'`,
      );
    }
    return 'kernels';
  }
  return installed && isCpuClassBackend() ? 'kernels' : 'tfjs';
}

/**
 * The one seam every recurrent layer's `call` goes through: runs the fused kernel when chosen,
 * else the stock tfjs-layers RNN loop (`viaTfjs`). A stateful layer keeps the fused path's
 * final states through `keepStates`, as the stock loop does.
 */
export function runRecurrent(
  kind: RecurrentKind,
  implementation: RecurrentImplementation,
  layerName: string,
  describe: () => RecurrentSequenceCall,
  viaTfjs: () => tf.Tensor | tf.Tensor[],
  keepStates: ((states: tf.Tensor[], training: boolean) => void) | null,
): tf.Tensor | tf.Tensor[] {
  if (resolvePath(kind, implementation, layerName) === 'kernels') {
    // The tidy frees the final states when the caller does not take them (no returnState).
    const fused = tf.tidy((): tf.Tensor | tf.Tensor[] | undefined => {
      const call = describe();
      const result = fusedPaths.get(kind)!(call);
      if (result == null) return undefined;
      if (keepStates) keepStates(result.states, call.training);
      return call.returnState ? [result.output, ...result.states] : result.output;
    });
    if (fused !== undefined) return fused as tf.Tensor | tf.Tensor[];
  }
  return viaTfjs();
}

/**
 * The whole `call` of an lstm-kit recurrent layer: frees the states a stateful layer kept
 * from its previous training batch, then runs the sequence on the fused kernel or through the
 * stock tfjs-layers loop (`viaTfjs`), keeping a stateful layer's final states either way.
 *
 * @param layer the LSTM, GRU or SimpleRNN layer (tfjs's RNN internals are untyped)
 * @param kind which cell it is
 * @param inputs and `kwargs` as tfjs passes them to `call`
 * @param viaTfjs the stock loop (the class's `super.call`)
 */
export function callRecurrentLayer(
  layer: any,
  kind: RecurrentKind,
  inputs: tf.Tensor | tf.Tensor[],
  kwargs: Record<string, any> | undefined,
  viaTfjs: () => tf.Tensor | tf.Tensor[],
): tf.Tensor | tf.Tensor[] {
  return fixStatefulCall(layer, kwargs, () =>
    runRecurrent(
      kind,
      layer.recurrentImplementation,
      layer.name,
      () => describeSequenceCall(kind, layer, inputs, kwargs),
      viaTfjs,
      layer.stateful ? (states, training) => layer.resetStates(states, training) : null,
    ),
  );
}
