import { opsFor, type KernelBackendName } from './kernel-backend.js';
import type { LstmArgs, RecurrentGradients } from './recurrent-args.js';
import { Layout } from './internal/layout.js';
import { checkLength, resolveArgs } from './internal/resolve-args.js';
import { fillRows, fromTimeMajor, setOrZero, toTimeMajor } from './internal/sequence-io.js';
import { checkBackwardInputs } from './internal/tape-check.js';

/**
 * What `lstmBackward` needs from a forward pass. Treat it as opaque: it holds float32 copies
 * of the inputs, the weights and every step's activated gates and states.
 */
export interface LstmTape {
  readonly kind: 'lstm';
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
  /** Activated gates `[T, batch, 4·units]`. */
  readonly gates: Float32Array;
  /** Hidden states `[T + 1, batch, units]`, the initial one first. */
  readonly hs: Float32Array;
  /** Cell states `[T + 1, batch, units]`, the initial one first. */
  readonly cs: Float32Array;
  /** Mask, time-major in processing order `[T, batch]`, or null. */
  readonly mask: Float32Array | null;
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
  /** Gradient of the initial cell state `[batch, units]`. */
  dc0: Float32Array;
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
  const { batch: b, timesteps: T, inputSize: n, units: u, act, recAct } = r;
  checkLength(args.c0, b * u, 'c0', `[batch, units] = [${b}, ${u}]`, fn);
  const ops = opsFor(args.backend);
  const G = 4 * u;
  const rows = T * b;
  const bu = b * u;

  const L = new Layout(ops.base);
  const xT = L.take(rows * n);
  const W = L.take(n * G);
  const U = L.take(u * G);
  const gates = L.take(rows * G);
  const hs = L.take((T + 1) * bu);
  const cs = L.take((T + 1) * bu);
  const mask = args.mask ? L.take(rows) : 0;
  const Up = L.take(ops.packedSize(G, u));
  const scratch = L.take(ops.gemmScratchSize(G, n));
  const heap = ops.reserve(L.end);

  toTimeMajor(heap, xT, args.x, b, T, n, r.goBackwards);
  heap.set(args.kernel, W);
  heap.set(args.recurrentKernel, U);
  if (args.mask) toTimeMajor(heap, mask, args.mask, b, T, 1, r.goBackwards);
  setOrZero(heap, hs, bu, args.h0);
  setOrZero(heap, cs, bu, args.c0);

  // All steps' x·W + b at once: the one large product of the forward pass.
  fillRows(heap, gates, rows, G, args.bias);
  ops.gemm(xT, W, gates, rows, G, n, n, 1, G, 1, true, scratch);
  // U is the same at every step: pack it into panels once, not once per step.
  ops.packB(U, G, u, G, 1, Up);
  for (let t = 0; t < T; t++) {
    const g = gates + t * b * G;
    ops.gemmPacked(hs + t * bu, Up, g, b, G, u, u, 1, true);
    ops.lstmCellForward(g, cs + t * bu, hs + t * bu, cs + (t + 1) * bu, hs + (t + 1) * bu, mask ? mask + t * b : 0, b, u, act, recAct);
  }

  const last = hs + T * bu;
  const output = r.returnSequences ? fromTimeMajor(heap, hs + bu, b, T, u, false) : heap.slice(last, last + bu);
  const h = heap.slice(last, last + bu);
  const c = heap.slice(cs + T * bu, cs + (T + 1) * bu);
  const tape: LstmTape | null =
    args.keepTape === false
      ? null
      : {
          kind: 'lstm',
          backend: ops.name,
          ...r,
          kernel: args.kernel.slice(), // slice is a memcpy; Float32Array.from walks an iterator
          recurrentKernel: args.recurrentKernel.slice(),
          xT: heap.slice(xT, xT + rows * n),
          gates: heap.slice(gates, gates + rows * G),
          hs: heap.slice(hs, hs + (T + 1) * bu),
          cs: heap.slice(cs, cs + (T + 1) * bu),
          mask: args.mask ? heap.slice(mask, mask + rows) : null,
        };
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
 * @returns gradients of x, the weights and the initial states.
 * @throws KernelOptionError when the tape is missing or from another kernel.
 * @throws KernelShapeError when a gradient's length does not match the forward shapes.
 * @example
 * import { lstmForward, lstmBackward } from '@lstm-kit/kernels';
 * const fwd = lstmForward(args);
 * const grads = lstmBackward(fwd.tape!, new Float32Array(fwd.output.length).fill(1));
 * console.log(grads.dKernel);
 */
export function lstmBackward(tape: LstmTape, dOutput: Float32Array, dh?: Float32Array, dc?: Float32Array): LstmGradients {
  const fn = 'lstmBackward';
  checkBackwardInputs(tape, 'lstm', dOutput, fn);
  const { batch: b, timesteps: T, inputSize: n, units: u, act, recAct } = tape;
  checkLength(dh, b * u, 'dh', `[batch, units] = [${b}, ${u}]`, fn);
  checkLength(dc, b * u, 'dc', `[batch, units] = [${b}, ${u}]`, fn);
  const ops = opsFor(tape.backend);
  const G = 4 * u;
  const rows = T * b;
  const bu = b * u;

  const L = new Layout(ops.base);
  const xT = L.take(rows * n);
  const W = L.take(n * G);
  const U = L.take(u * G);
  const gates = L.take(rows * G);
  const hs = L.take((T + 1) * bu);
  const cs = L.take((T + 1) * bu);
  const mask = tape.mask ? L.take(rows) : 0;
  const dG = L.take(rows * G);
  let cur = L.take(bu);
  let nxt = L.take(bu);
  const dcB = L.take(bu);
  const dOutT = tape.returnSequences ? L.take(rows * u) : 0;
  const dxT = L.take(rows * n);
  const dW = L.take(n * G);
  const dU = L.take(u * G);
  const dB = L.take(G);
  const UTp = L.take(ops.packedSize(u, G));
  const scratch = L.take(Math.max(ops.gemmScratchSize(G, rows), ops.gemmScratchSize(n, G)));
  const heap = ops.reserve(L.end);

  heap.set(tape.xT, xT);
  heap.set(tape.gates, gates);
  heap.set(tape.hs, hs);
  heap.set(tape.cs, cs);
  if (tape.mask) heap.set(tape.mask, mask);
  heap.set(tape.kernel, W);
  heap.set(tape.recurrentKernel, U);
  // dh_{t-1} gets dG_t·Uᵀ at every step: pack Uᵀ (U read with swapped strides) once.
  ops.packB(U, u, G, 1, G, UTp);
  setOrZero(heap, cur, bu, dh);
  if (!tape.returnSequences) for (let j = 0; j < bu; j++) heap[cur + j] += dOutput[j];
  else toTimeMajor(heap, dOutT, dOutput, b, T, u, false);
  setOrZero(heap, dcB, bu, dc);

  for (let t = T - 1; t >= 0; t--) {
    const g = gates + t * b * G;
    const dg = dG + t * b * G;
    ops.lstmCellBackward(g, cs + t * bu, cs + (t + 1) * bu, cur, dOutT ? dOutT + t * bu : 0, dcB, dg, nxt, mask ? mask + t * b : 0, b, u, act, recAct);
    ops.gemmPacked(dg, UTp, nxt, b, u, G, G, 1, true);
    const s = cur;
    cur = nxt;
    nxt = s;
  }

  // Weight gradients of all steps at once: xᵀ·dG, h_prevᵀ·dG and the column sums of dG.
  ops.gemm(xT, dG, dW, n, G, rows, 1, n, G, 1, false, scratch);
  ops.gemm(hs, dG, dU, u, G, rows, 1, u, G, 1, false, scratch);
  heap.fill(0, dB, dB + G);
  ops.colSumAccumulate(dG, rows, G, dB);
  ops.gemm(dG, W, dxT, rows, n, G, G, 1, 1, G, false, scratch);

  return {
    dx: fromTimeMajor(heap, dxT, b, T, n, tape.goBackwards),
    dKernel: heap.slice(dW, dW + n * G),
    dRecurrentKernel: heap.slice(dU, dU + u * G),
    dBias: heap.slice(dB, dB + G),
    dh0: heap.slice(cur, cur + bu),
    dc0: heap.slice(dcB, dcB + bu),
  };
}
