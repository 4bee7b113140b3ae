import { opsFor, type KernelBackendName } from './kernel-backend.js';
import type { GatedRecurrentArgs, RecurrentGradients } from './recurrent-args.js';
import { Layout } from './internal/layout.js';
import { checkLength, resolveArgs } from './internal/resolve-args.js';
import { fillRows, fromTimeMajor, setOrZero, toTimeMajor } from './internal/sequence-io.js';
import { checkBackwardInputs } from './internal/tape-check.js';

/** What `gruBackward` needs from a forward pass; treat it as opaque. */
export interface GruTape {
  readonly kind: 'gru';
  readonly backend: KernelBackendName;
  readonly batch: number;
  readonly timesteps: number;
  readonly inputSize: number;
  readonly units: number;
  readonly act: number;
  readonly recAct: number;
  readonly returnSequences: boolean;
  readonly goBackwards: boolean;
  readonly kernel: Float32Array;
  readonly recurrentKernel: Float32Array;
  /** Input, time-major in processing order `[T, batch, inputSize]`. */
  readonly xT: Float32Array;
  /** z, r and the candidate state per step `[T, batch, 3·units]`. */
  readonly gates: Float32Array;
  /** h_{t-1}·U_h + b_rh per step `[T, batch, units]`, which the reset gate multiplies. */
  readonly rh: Float32Array;
  /** Hidden states `[T + 1, batch, units]`, the initial one first. */
  readonly hs: Float32Array;
  /** Mask, time-major in processing order `[T, batch]`, or null. */
  readonly mask: Float32Array | null;
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
  const { batch: b, timesteps: T, inputSize: n, units: u, act, recAct } = r;
  const ops = opsFor(args.backend);
  const G = 3 * u;
  const rows = T * b;
  const bu = b * u;

  const L = new Layout(ops.base);
  const xT = L.take(rows * n);
  const W = L.take(n * G);
  const U = L.take(u * G);
  const recBias = L.take(G);
  const gates = L.take(rows * G);
  const rec = L.take(b * G);
  const rh = L.take(rows * u);
  const hs = L.take((T + 1) * bu);
  const mask = args.mask ? L.take(rows) : 0;
  const Up = L.take(ops.packedSize(G, u));
  const scratch = L.take(ops.gemmScratchSize(G, n));
  const heap = ops.reserve(L.end);

  toTimeMajor(heap, xT, args.x, b, T, n, r.goBackwards);
  heap.set(args.kernel, W);
  heap.set(args.recurrentKernel, U);
  fillRows(heap, recBias, 1, G, args.bias, G);
  if (args.mask) toTimeMajor(heap, mask, args.mask, b, T, 1, r.goBackwards);
  setOrZero(heap, hs, bu, args.h0);

  fillRows(heap, gates, rows, G, args.bias, 0);
  ops.gemm(xT, W, gates, rows, G, n, n, 1, G, 1, true, scratch);
  // U is the same at every step: pack it into panels once, not once per step.
  ops.packB(U, G, u, G, 1, Up);
  for (let t = 0; t < T; t++) {
    // reset_after needs h·U apart from x·W, because r scales only the recurrent candidate term.
    ops.gemmPacked(hs + t * bu, Up, rec, b, G, u, u, 1, false);
    ops.gruCellForward(gates + t * b * G, rec, recBias, rh + t * bu, hs + t * bu, hs + (t + 1) * bu, mask ? mask + t * b : 0, b, u, act, recAct);
  }

  const last = hs + T * bu;
  const output = r.returnSequences ? fromTimeMajor(heap, hs + bu, b, T, u, false) : heap.slice(last, last + bu);
  const h = heap.slice(last, last + bu);
  const tape: GruTape | null =
    args.keepTape === false
      ? null
      : {
          kind: 'gru',
          backend: ops.name,
          ...r,
          kernel: args.kernel.slice(), // slice is a memcpy; Float32Array.from walks an iterator
          recurrentKernel: args.recurrentKernel.slice(),
          xT: heap.slice(xT, xT + rows * n),
          gates: heap.slice(gates, gates + rows * G),
          rh: heap.slice(rh, rh + rows * u),
          hs: heap.slice(hs, hs + (T + 1) * bu),
          mask: args.mask ? heap.slice(mask, mask + rows) : null,
        };
  return { output, h, tape };
}

/**
 * Back-propagates through a whole `gruForward` call; `dBias` is `[2, 3·units]` like the bias.
 *
 * @param tape the `tape` of the forward result.
 * @param dOutput gradient of the forward `output` (same shape).
 * @param dh gradient of the final hidden state `[batch, units]`, when the final state is used.
 * @returns gradients of x, the weights and the initial state.
 * @throws KernelOptionError when the tape is missing or from another kernel.
 * @throws KernelShapeError when a gradient's length does not match the forward shapes.
 * @example
 * import { gruForward, gruBackward } from '@lstm-kit/kernels';
 * const fwd = gruForward(args);
 * const grads = gruBackward(fwd.tape!, new Float32Array(fwd.output.length).fill(1));
 * console.log(grads.dRecurrentKernel);
 */
export function gruBackward(tape: GruTape, dOutput: Float32Array, dh?: Float32Array): RecurrentGradients {
  const fn = 'gruBackward';
  checkBackwardInputs(tape, 'gru', dOutput, fn);
  const { batch: b, timesteps: T, inputSize: n, units: u, act, recAct } = tape;
  checkLength(dh, b * u, 'dh', `[batch, units] = [${b}, ${u}]`, fn);
  const ops = opsFor(tape.backend);
  const G = 3 * u;
  const rows = T * b;
  const bu = b * u;

  const L = new Layout(ops.base);
  const xT = L.take(rows * n);
  const W = L.take(n * G);
  const U = L.take(u * G);
  const gates = L.take(rows * G);
  const rh = L.take(rows * u);
  const hs = L.take((T + 1) * bu);
  const mask = tape.mask ? L.take(rows) : 0;
  const dGin = L.take(rows * G);
  const dGrec = L.take(rows * G);
  let cur = L.take(bu);
  let nxt = L.take(bu);
  const dOutT = tape.returnSequences ? L.take(rows * u) : 0;
  const dxT = L.take(rows * n);
  const dW = L.take(n * G);
  const dU = L.take(u * G);
  const dB = L.take(2 * G);
  const UTp = L.take(ops.packedSize(u, G));
  const scratch = L.take(Math.max(ops.gemmScratchSize(G, rows), ops.gemmScratchSize(n, G)));
  const heap = ops.reserve(L.end);

  heap.set(tape.xT, xT);
  heap.set(tape.gates, gates);
  heap.set(tape.rh, rh);
  heap.set(tape.hs, hs);
  if (tape.mask) heap.set(tape.mask, mask);
  heap.set(tape.kernel, W);
  heap.set(tape.recurrentKernel, U);
  // dh_{t-1} gets dGrec_t·Uᵀ at every step: pack Uᵀ (U read with swapped strides) once.
  ops.packB(U, u, G, 1, G, UTp);
  setOrZero(heap, cur, bu, dh);
  if (!tape.returnSequences) for (let j = 0; j < bu; j++) heap[cur + j] += dOutput[j];
  else toTimeMajor(heap, dOutT, dOutput, b, T, u, false);

  for (let t = T - 1; t >= 0; t--) {
    const dgr = dGrec + t * b * G;
    ops.gruCellBackward(gates + t * b * G, rh + t * bu, hs + t * bu, cur, dOutT ? dOutT + t * bu : 0, dGin + t * b * G, dgr, nxt, mask ? mask + t * b : 0, b, u, act, recAct);
    ops.gemmPacked(dgr, UTp, nxt, b, u, G, G, 1, true);
    const s = cur;
    cur = nxt;
    nxt = s;
  }

  ops.gemm(xT, dGin, dW, n, G, rows, 1, n, G, 1, false, scratch);
  ops.gemm(hs, dGrec, dU, u, G, rows, 1, u, G, 1, false, scratch);
  heap.fill(0, dB, dB + 2 * G);
  ops.colSumAccumulate(dGin, rows, G, dB);
  ops.colSumAccumulate(dGrec, rows, G, dB + G);
  ops.gemm(dGin, W, dxT, rows, n, G, G, 1, 1, G, false, scratch);

  return {
    dx: fromTimeMajor(heap, dxT, b, T, n, tape.goBackwards),
    dKernel: heap.slice(dW, dW + n * G),
    dRecurrentKernel: heap.slice(dU, dU + u * G),
    dBias: heap.slice(dB, dB + 2 * G),
    dh0: heap.slice(cur, cur + bu),
  };
}
