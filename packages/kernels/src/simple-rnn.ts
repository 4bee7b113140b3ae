import { opsFor } from './kernel-backend.js';
import type { BackwardOptions, RecurrentArgs, RecurrentGradients, RecurrentTape } from './recurrent-args.js';
import { resolveArgs, checkLength } from './internal/resolve-args.js';
import { commonTapeArrays, forwardOutputs, setUpForward } from './internal/recurrent-forward.js';
import { backwardGradients, setUpBackward, wantsInitialState } from './internal/recurrent-backward.js';
import { checkBackwardInputs } from './internal/tape-check.js';

/** What `simpleRnnBackward` needs from a forward pass; treat it as opaque. */
export interface SimpleRnnTape extends RecurrentTape {
  readonly kind: 'simpleRnn';
  /** Activated outputs of each step before masking `[T, batch, units]`. */
  readonly gates: Float32Array;
}

/** Result of `simpleRnnForward`. */
export interface SimpleRnnForwardResult {
  /** `[batch, timesteps, units]` with `returnSequences`, else `[batch, units]`. */
  output: Float32Array;
  /** Final hidden state `[batch, units]`. */
  h: Float32Array;
  /** Input of `simpleRnnBackward`; null when `keepTape` is false. */
  tape: SimpleRnnTape | null;
}

/**
 * Runs a Keras SimpleRNN layer, h = act(x·W + b + h_prev·U), over whole sequences.
 *
 * @param args inputs, weights and options (see `RecurrentArgs`).
 * @returns the output, final state and the tape for `simpleRnnBackward`.
 * @throws KernelShapeError when an array's length does not match the sizes given.
 * @throws KernelOptionError for a non-positive size or an unknown activation or backend.
 * @example
 * import { simpleRnnForward } from '@lstm-kit/kernels';
 * const x = new Float32Array([0.1, 0.2, 0.3]); // batch 1, 3 steps, 1 feature
 * const { h } = simpleRnnForward({ x, batch: 1, timesteps: 3, units: 1,
 *   kernel: new Float32Array([0.5]), recurrentKernel: new Float32Array([0.9]) });
 * console.log(h);
 */
export function simpleRnnForward(args: RecurrentArgs): SimpleRnnForwardResult {
  const r = resolveArgs(args, 1, 1, 'simpleRnnForward');
  const { batch: b, timesteps: T, inputSize: n, units: u, act } = r;
  const ops = opsFor(args.backend);
  const bu = b * u;

  // One gate: G = units, and the cell needs no regions of its own.
  const f = setUpForward(ops, args, r, u, () => null);
  const { gates, hs, mask, Up } = f;
  for (let t = 0; t < T; t++) {
    const g = gates + t * bu;
    if (t > 0 || !f.h0Zero) ops.gemmPacked(hs + t * bu, Up, g, b, u, u, u, 1, true);
    ops.rnnCellForward(g, hs + t * bu, hs + (t + 1) * bu, mask ? mask + t * b : 0, b, u, act);
  }

  const { output, h } = forwardOutputs(f, r);
  const tape: SimpleRnnTape | null =
    args.keepTape === false
      ? null
      : {
          kind: 'simpleRnn',
          backend: ops.name,
          // No recAct: SimpleRNN has no gates, so its tape lists the sizes one by one.
          batch: b,
          timesteps: T,
          inputSize: n,
          units: u,
          act,
          returnSequences: r.returnSequences,
          goBackwards: r.goBackwards,
          ...commonTapeArrays(f, args, r, u),
        };
  return { output, h, tape };
}

/**
 * Back-propagates through a whole `simpleRnnForward` call.
 *
 * @param tape the `tape` of the forward result.
 * @param dOutput gradient of the forward `output` (same shape).
 * @param dh gradient of the final hidden state `[batch, units]`, when the final state is used.
 * @param options gradients to skip (`dx`, the initial state's); all are computed by default.
 * @returns gradients of x, the weights and the initial state.
 * @throws KernelOptionError when the tape is missing or from another kernel.
 * @throws KernelShapeError when a gradient's length does not match the forward shapes.
 * @example
 * import { simpleRnnForward, simpleRnnBackward } from '@lstm-kit/kernels';
 * const fwd = simpleRnnForward(args);
 * const grads = simpleRnnBackward(fwd.tape!, new Float32Array(fwd.output.length).fill(1));
 * console.log(grads.dKernel);
 */
export function simpleRnnBackward(tape: SimpleRnnTape, dOutput: Float32Array, dh?: Float32Array, options?: BackwardOptions): RecurrentGradients {
  const fn = 'simpleRnnBackward';
  checkBackwardInputs(tape, 'simpleRnn', dOutput, fn);
  const { batch: b, timesteps: T, units: u, act } = tape;
  checkLength(dh, b * u, 'dh', `[batch, units] = [${b}, ${u}]`, fn);
  const ops = opsFor(tape.backend);
  const rows = T * b;
  const bu = b * u;

  const k = setUpBackward(ops, tape, dOutput, dh, u, 1, (L) => L.take(rows * u));
  const { gates, mask, dOutT, UTp, extra: dG } = k;

  const states = wantsInitialState(options);
  let cur = k.cur;
  let nxt = k.nxt;
  for (let t = T - 1; t >= 0; t--) {
    const dg = dG + t * bu;
    ops.rnnCellBackward(gates + t * bu, cur, dOutT ? dOutT + t * bu : 0, dg, nxt, mask ? mask + t * b : 0, b, u, act);
    if (t > 0 || states) ops.gemmPacked(dg, UTp, nxt, b, u, u, u, 1, true);
    const s = cur;
    cur = nxt;
    nxt = s;
  }

  return backwardGradients(ops, k, tape, u, 1, dG, dG, cur, options);
}
