import { opsFor } from './kernel-backend.js';
import type { BackwardOptions, LstmArgs, RecurrentGradients, RecurrentTape } from './recurrent-args.js';
import { checkLength, resolveArgs } from './internal/resolve-args.js';
import { setOrZero } from './internal/sequence-io.js';
import { commonTapeArrays, forwardOutputs, setUpForward } from './internal/recurrent-forward.js';
import { backwardGradients, setUpBackward, wantsInitialState } from './internal/recurrent-backward.js';
import { checkBackwardInputs } from './internal/tape-check.js';
import { copyOut } from './internal/array-pool.js';

/**
 * What `lstmBackward` needs from a forward pass. Treat it as opaque: it holds float32 copies
 * of the inputs, the weights and every step's activated gates and states.
 */
export interface LstmTape extends RecurrentTape {
  readonly kind: 'lstm';
  readonly recAct: number;
  /** Activated gates `[T, batch, 4·units]`. */
  readonly gates: Float32Array;
  /** Cell states `[T + 1, batch, units]`, the initial one first. */
  readonly cs: Float32Array;
}

/** Result of `lstmForward`. */
export interface LstmForwardResult {
  /** `[batch, timesteps, units]` with `returnSequences`, else `[batch, units]`. */
  output: Float32Array;
  /** Final hidden state `[batch, units]`. */
  h: Float32Array;
  /** Final cell state `[batch, units]`. */
  c: Float32Array;
  /** Input of `lstmBackward`; null when `keepTape` is false. */
  tape: LstmTape | null;
}

/** Result of `lstmBackward`: the shared gradients plus that of the initial cell state. */
export interface LstmGradients extends RecurrentGradients {
  /** Gradient of the initial cell state `[batch, units]`; null with `initialStateGradients: false`. */
  dc0: Float32Array | null;
}

/**
 * Runs a Keras LSTM layer (gates i, f, c, o) over whole sequences: the input projection of
 * every step in one matrix product, then per step the recurrent product and the fused gate math.
 *
 * @param args inputs, weights and options (see `LstmArgs`).
 * @returns the output, final states and the tape for `lstmBackward`.
 * @throws KernelShapeError when an array's length does not match the sizes given.
 * @throws KernelOptionError for a non-positive size or an unknown activation or backend.
 * @example
 * import { lstmForward } from '@lstm-kit/kernels';
 * const units = 2, x = new Float32Array([0.1, 0.2, 0.3]); // batch 1, 3 steps, 1 feature
 * const { output } = lstmForward({ x, batch: 1, timesteps: 3, units,
 *   kernel: new Float32Array(4 * units).fill(0.1), recurrentKernel: new Float32Array(units * 4 * units).fill(0.1) });
 * console.log(output); // Float32Array(2), the last hidden state
 */
export function lstmForward(args: LstmArgs): LstmForwardResult {
  const fn = 'lstmForward';
  const r = resolveArgs(args, 4, 1, fn);
  const { batch: b, timesteps: T, units: u, act, recAct } = r;
  checkLength(args.c0, b * u, 'c0', `[batch, units] = [${b}, ${u}]`, fn);
  const ops = opsFor(args.backend);
  const G = 4 * u;
  const bu = b * u;

  const f = setUpForward(ops, args, r, G, (L) => L.take((T + 1) * bu));
  const { heap, gates, hs, mask, Up, extra: cs } = f;
  setOrZero(heap, cs, bu, args.c0);
  for (let t = 0; t < T; t++) {
    const g = gates + t * b * G;
    // A zero h0 adds nothing to the first step's gates.
    if (t > 0 || !f.h0Zero) ops.gemmPacked(hs + t * bu, Up, g, b, G, u, u, 1, true);
    ops.lstmCellForward(g, cs + t * bu, hs + t * bu, cs + (t + 1) * bu, hs + (t + 1) * bu, mask ? mask + t * b : 0, b, u, act, recAct);
  }

  const { output, h } = forwardOutputs(f, r);
  const c = copyOut(heap, cs + T * bu, bu);
  const tape: LstmTape | null =
    args.keepTape === false
      ? null
      : { kind: 'lstm', backend: ops.name, ...r, ...commonTapeArrays(f, args, r, G), cs: copyOut(heap, cs, (T + 1) * bu) };
  return { output, h, c, tape };
}

/**
 * Back-propagates through a whole `lstmForward` call: per step the fused gate gradients and
 * dh·Uᵀ, then the weight gradients of all steps in three large products.
 *
 * @param tape the `tape` of the forward result.
 * @param dOutput gradient of the forward `output` (same shape).
 * @param dh gradient of the final hidden state `[batch, units]`, when the final state is used.
 * @param dc gradient of the final cell state `[batch, units]`.
 * @param options gradients to skip (`dx`, the initial states'); all are computed by default.
 * @returns gradients of x, the weights and the initial states.
 * @throws KernelOptionError when the tape is missing or from another kernel.
 * @throws KernelShapeError when a gradient's length does not match the forward shapes.
 * @example
 * import { lstmForward, lstmBackward } from '@lstm-kit/kernels';
 * const fwd = lstmForward(args);
 * const grads = lstmBackward(fwd.tape!, new Float32Array(fwd.output.length).fill(1));
 * console.log(grads.dKernel);
 */
export function lstmBackward(tape: LstmTape, dOutput: Float32Array, dh?: Float32Array, dc?: Float32Array, options?: BackwardOptions): LstmGradients {
  const fn = 'lstmBackward';
  checkBackwardInputs(tape, 'lstm', dOutput, fn);
  const { batch: b, timesteps: T, units: u, act, recAct } = tape;
  checkLength(dh, b * u, 'dh', `[batch, units] = [${b}, ${u}]`, fn);
  checkLength(dc, b * u, 'dc', `[batch, units] = [${b}, ${u}]`, fn);
  const ops = opsFor(tape.backend);
  const G = 4 * u;
  const rows = T * b;
  const bu = b * u;

  const k = setUpBackward(ops, tape, dOutput, dh, G, 1, (L) => ({ cs: L.take((T + 1) * bu), dG: L.take(rows * G), dcB: L.take(bu) }));
  const { heap, gates, mask, dOutT, UTp } = k;
  const { cs, dG, dcB } = k.extra;
  heap.set(tape.cs, cs);
  setOrZero(heap, dcB, bu, dc);

  const states = wantsInitialState(options);
  let cur = k.cur;
  let nxt = k.nxt;
  for (let t = T - 1; t >= 0; t--) {
    const g = gates + t * b * G;
    const dg = dG + t * b * G;
    ops.lstmCellBackward(g, cs + t * bu, cs + (t + 1) * bu, cur, dOutT ? dOutT + t * bu : 0, dcB, dg, nxt, mask ? mask + t * b : 0, b, u, act, recAct);
    if (t > 0 || states) ops.gemmPacked(dg, UTp, nxt, b, u, G, G, 1, true);
    const s = cur;
    cur = nxt;
    nxt = s;
  }

  return { ...backwardGradients(ops, k, tape, G, 1, dG, dG, cur, options), dc0: states ? copyOut(heap, dcB, bu) : null };
}
