import { opsFor } from './kernel-backend.js';
import type { BackwardOptions, GatedRecurrentArgs, RecurrentGradients, RecurrentTape } from './recurrent-args.js';
import { checkLength, resolveArgs } from './internal/resolve-args.js';
import { fillRows } from './internal/sequence-io.js';
import { commonTapeArrays, forwardOutputs, setUpForward } from './internal/recurrent-forward.js';
import { backwardGradients, setUpBackward, wantsInitialState } from './internal/recurrent-backward.js';
import { checkBackwardInputs } from './internal/tape-check.js';
import { copyOut } from './internal/array-pool.js';

/** What `gruBackward` needs from a forward pass; treat it as opaque. */
export interface GruTape extends RecurrentTape {
  readonly kind: 'gru';
  readonly recAct: number;
  /** z, r and the candidate state per step `[T, batch, 3·units]`. */
  readonly gates: Float32Array;
  /** h_{t-1}·U_h + b_rh per step `[T, batch, units]`, which the reset gate multiplies. */
  readonly rh: Float32Array;
}

/** Result of `gruForward`. */
export interface GruForwardResult {
  /** `[batch, timesteps, units]` with `returnSequences`, else `[batch, units]`. */
  output: Float32Array;
  /** Final hidden state `[batch, units]`. */
  h: Float32Array;
  /** Input of `gruBackward`; null when `keepTape` is false. */
  tape: GruTape | null;
}

/**
 * Runs a Keras GRU layer with `reset_after=True` (gates z, r, h; bias `[2, 3·units]`, input row
 * then recurrent row) over whole sequences: h = z·h_prev + (1 − z)·act(x·W_h + b_ih + r·(h_prev·U_h + b_rh)).
 *
 * @param args inputs, weights and options (see `GatedRecurrentArgs`; `bias` has 6·units values).
 * @returns the output, final state and the tape for `gruBackward`.
 * @throws KernelShapeError when an array's length does not match the sizes given.
 * @throws KernelOptionError for a non-positive size or an unknown activation or backend.
 * @example
 * import { gruForward } from '@lstm-kit/kernels';
 * const units = 2, x = new Float32Array([0.1, 0.2, 0.3]); // batch 1, 3 steps, 1 feature
 * const { h } = gruForward({ x, batch: 1, timesteps: 3, units,
 *   kernel: new Float32Array(3 * units).fill(0.1), recurrentKernel: new Float32Array(units * 3 * units).fill(0.1) });
 * console.log(h);
 */
export function gruForward(args: GatedRecurrentArgs): GruForwardResult {
  const r = resolveArgs(args, 3, 2, 'gruForward');
  const { batch: b, timesteps: T, units: u, act, recAct } = r;
  const ops = opsFor(args.backend);
  const G = 3 * u;
  const rows = T * b;
  const bu = b * u;

  const f = setUpForward(ops, args, r, G, (L) => ({ recBias: L.take(G), rec: L.take(b * G), rh: L.take(rows * u) }));
  const { heap, gates, hs, mask, Up } = f;
  const { recBias, rec, rh } = f.extra;
  // The second bias row (b_rh) belongs to the recurrent product, which is kept apart.
  fillRows(heap, recBias, 1, G, args.bias, G);
  for (let t = 0; t < T; t++) {
    // reset_after needs h·U apart from x·W, because r scales only the recurrent candidate term.
    // A zero h0 makes the first step's h·U zero.
    if (t > 0 || !f.h0Zero) ops.gemmPacked(hs + t * bu, Up, rec, b, G, u, u, 1, false);
    else heap.fill(0, rec, rec + b * G);
    ops.gruCellForward(gates + t * b * G, rec, recBias, rh + t * bu, hs + t * bu, hs + (t + 1) * bu, mask ? mask + t * b : 0, b, u, act, recAct);
  }

  const { output, h } = forwardOutputs(f, r);
  const tape: GruTape | null =
    args.keepTape === false
      ? null
      : { kind: 'gru', backend: ops.name, ...r, ...commonTapeArrays(f, args, r, G), rh: copyOut(heap, rh, rows * u) };
  return { output, h, tape };
}

/**
 * Back-propagates through a whole `gruForward` call; `dBias` is `[2, 3·units]` like the bias.
 *
 * @param tape the `tape` of the forward result.
 * @param dOutput gradient of the forward `output` (same shape).
 * @param dh gradient of the final hidden state `[batch, units]`, when the final state is used.
 * @param options gradients to skip (`dx`, the initial state's); all are computed by default.
 * @returns gradients of x, the weights and the initial state.
 * @throws KernelOptionError when the tape is missing or from another kernel.
 * @throws KernelShapeError when a gradient's length does not match the forward shapes.
 * @example
 * import { gruForward, gruBackward } from '@lstm-kit/kernels';
 * const fwd = gruForward(args);
 * const grads = gruBackward(fwd.tape!, new Float32Array(fwd.output.length).fill(1));
 * console.log(grads.dRecurrentKernel);
 */
export function gruBackward(tape: GruTape, dOutput: Float32Array, dh?: Float32Array, options?: BackwardOptions): RecurrentGradients {
  const fn = 'gruBackward';
  checkBackwardInputs(tape, 'gru', dOutput, fn);
  const { batch: b, timesteps: T, units: u, act, recAct } = tape;
  checkLength(dh, b * u, 'dh', `[batch, units] = [${b}, ${u}]`, fn);
  const ops = opsFor(tape.backend);
  const G = 3 * u;
  const rows = T * b;
  const bu = b * u;

  const k = setUpBackward(ops, tape, dOutput, dh, G, 2, (L) => ({ rh: L.take(rows * u), dGin: L.take(rows * G), dGrec: L.take(rows * G) }));
  const { heap, gates, hs, mask, dOutT, UTp } = k;
  const { rh, dGin, dGrec } = k.extra;
  heap.set(tape.rh, rh);

  const states = wantsInitialState(options);
  let cur = k.cur;
  let nxt = k.nxt;
  for (let t = T - 1; t >= 0; t--) {
    const dgr = dGrec + t * b * G;
    ops.gruCellBackward(gates + t * b * G, rh + t * bu, hs + t * bu, cur, dOutT ? dOutT + t * bu : 0, dGin + t * b * G, dgr, nxt, mask ? mask + t * b : 0, b, u, act, recAct);
    if (t > 0 || states) ops.gemmPacked(dgr, UTp, nxt, b, u, G, G, 1, true);
    const s = cur;
    cur = nxt;
    nxt = s;
  }

  // The input and recurrent sides have separate gate gradients and bias rows.
  return backwardGradients(ops, k, tape, G, 2, dGin, dGrec, cur, options);
}
