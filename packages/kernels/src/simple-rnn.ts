import { opsFor, type KernelBackendName } from './kernel-backend.js';
import type { RecurrentArgs, RecurrentGradients } from './recurrent-args.js';
import { Layout } from './internal/layout.js';
import { resolveArgs, checkLength } from './internal/resolve-args.js';
import { fillRows, fromTimeMajor, setOrZero, toTimeMajor } from './internal/sequence-io.js';
import { checkBackwardInputs } from './internal/tape-check.js';

/** What `simpleRnnBackward` needs from a forward pass; treat it as opaque. */
export interface SimpleRnnTape {
  readonly kind: 'simpleRnn';
  readonly backend: KernelBackendName;
  readonly batch: number;
  readonly timesteps: number;
  readonly inputSize: number;
  readonly units: number;
  readonly act: number;
  readonly returnSequences: boolean;
  readonly goBackwards: boolean;
  readonly kernel: Float32Array;
  readonly recurrentKernel: Float32Array;
  /** Input, time-major in processing order `[T, batch, inputSize]`. */
  readonly xT: Float32Array;
  /** Activated outputs of each step before masking `[T, batch, units]`. */
  readonly gates: Float32Array;
  /** Hidden states `[T + 1, batch, units]`, the initial one first. */
  readonly hs: Float32Array;
  /** Mask, time-major in processing order `[T, batch]`, or null. */
  readonly mask: Float32Array | null;
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
  const rows = T * b;
  const bu = b * u;

  const L = new Layout(ops.base);
  const xT = L.take(rows * n);
  const W = L.take(n * u);
  const U = L.take(u * u);
  const gates = L.take(rows * u);
  const hs = L.take((T + 1) * bu);
  const mask = args.mask ? L.take(rows) : 0;
  const Up = L.take(ops.packedSize(u, u));
  const scratch = L.take(ops.gemmScratchSize(u, n));
  const heap = ops.reserve(L.end);

  toTimeMajor(heap, xT, args.x, b, T, n, r.goBackwards);
  heap.set(args.kernel, W);
  heap.set(args.recurrentKernel, U);
  if (args.mask) toTimeMajor(heap, mask, args.mask, b, T, 1, r.goBackwards);
  setOrZero(heap, hs, bu, args.h0);

  fillRows(heap, gates, rows, u, args.bias);
  ops.gemm(xT, W, gates, rows, u, n, n, 1, u, 1, true, scratch);
  // U is the same at every step: pack it into panels once, not once per step.
  ops.packB(U, u, u, u, 1, Up);
  for (let t = 0; t < T; t++) {
    const g = gates + t * bu;
    ops.gemmPacked(hs + t * bu, Up, g, b, u, u, u, 1, true);
    ops.rnnCellForward(g, hs + t * bu, hs + (t + 1) * bu, mask ? mask + t * b : 0, b, u, act);
  }

  const last = hs + T * bu;
  const output = r.returnSequences ? fromTimeMajor(heap, hs + bu, b, T, u, false) : heap.slice(last, last + bu);
  const h = heap.slice(last, last + bu);
  const tape: SimpleRnnTape | null =
    args.keepTape === false
      ? null
      : {
          kind: 'simpleRnn',
          backend: ops.name,
          batch: b,
          timesteps: T,
          inputSize: n,
          units: u,
          act,
          returnSequences: r.returnSequences,
          goBackwards: r.goBackwards,
          kernel: args.kernel.slice(), // slice is a memcpy; Float32Array.from walks an iterator
          recurrentKernel: args.recurrentKernel.slice(),
          xT: heap.slice(xT, xT + rows * n),
          gates: heap.slice(gates, gates + rows * u),
          hs: heap.slice(hs, hs + (T + 1) * bu),
          mask: args.mask ? heap.slice(mask, mask + rows) : null,
        };
  return { output, h, tape };
}

/**
 * Back-propagates through a whole `simpleRnnForward` call.
 *
 * @param tape the `tape` of the forward result.
 * @param dOutput gradient of the forward `output` (same shape).
 * @param dh gradient of the final hidden state `[batch, units]`, when the final state is used.
 * @returns gradients of x, the weights and the initial state.
 * @throws KernelOptionError when the tape is missing or from another kernel.
 * @throws KernelShapeError when a gradient's length does not match the forward shapes.
 * @example
 * import { simpleRnnForward, simpleRnnBackward } from '@lstm-kit/kernels';
 * const fwd = simpleRnnForward(args);
 * const grads = simpleRnnBackward(fwd.tape!, new Float32Array(fwd.output.length).fill(1));
 * console.log(grads.dKernel);
 */
export function simpleRnnBackward(tape: SimpleRnnTape, dOutput: Float32Array, dh?: Float32Array): RecurrentGradients {
  const fn = 'simpleRnnBackward';
  checkBackwardInputs(tape, 'simpleRnn', dOutput, fn);
  const { batch: b, timesteps: T, inputSize: n, units: u, act } = tape;
  checkLength(dh, b * u, 'dh', `[batch, units] = [${b}, ${u}]`, fn);
  const ops = opsFor(tape.backend);
  const rows = T * b;
  const bu = b * u;

  const L = new Layout(ops.base);
  const xT = L.take(rows * n);
  const W = L.take(n * u);
  const U = L.take(u * u);
  const gates = L.take(rows * u);
  const hs = L.take((T + 1) * bu);
  const mask = tape.mask ? L.take(rows) : 0;
  const dG = L.take(rows * u);
  let cur = L.take(bu);
  let nxt = L.take(bu);
  const dOutT = tape.returnSequences ? L.take(rows * u) : 0;
  const dxT = L.take(rows * n);
  const dW = L.take(n * u);
  const dU = L.take(u * u);
  const dB = L.take(u);
  const UTp = L.take(ops.packedSize(u, u));
  const scratch = L.take(Math.max(ops.gemmScratchSize(u, rows), ops.gemmScratchSize(n, u)));
  const heap = ops.reserve(L.end);

  heap.set(tape.xT, xT);
  heap.set(tape.gates, gates);
  heap.set(tape.hs, hs);
  if (tape.mask) heap.set(tape.mask, mask);
  heap.set(tape.kernel, W);
  heap.set(tape.recurrentKernel, U);
  // dh_{t-1} gets dG_t·Uᵀ at every step: pack Uᵀ (U read with swapped strides) once.
  ops.packB(U, u, u, 1, u, UTp);
  setOrZero(heap, cur, bu, dh);
  if (!tape.returnSequences) for (let j = 0; j < bu; j++) heap[cur + j] += dOutput[j];
  else toTimeMajor(heap, dOutT, dOutput, b, T, u, false);

  for (let t = T - 1; t >= 0; t--) {
    const dg = dG + t * bu;
    ops.rnnCellBackward(gates + t * bu, cur, dOutT ? dOutT + t * bu : 0, dg, nxt, mask ? mask + t * b : 0, b, u, act);
    ops.gemmPacked(dg, UTp, nxt, b, u, u, u, 1, true);
    const s = cur;
    cur = nxt;
    nxt = s;
  }

  ops.gemm(xT, dG, dW, n, u, rows, 1, n, u, 1, false, scratch);
  ops.gemm(hs, dG, dU, u, u, rows, 1, u, u, 1, false, scratch);
  heap.fill(0, dB, dB + u);
  ops.colSumAccumulate(dG, rows, u, dB);
  ops.gemm(dG, W, dxT, rows, n, u, u, 1, 1, u, false, scratch);

  return {
    dx: fromTimeMajor(heap, dxT, b, T, n, tape.goBackwards),
    dKernel: heap.slice(dW, dW + n * u),
    dRecurrentKernel: heap.slice(dU, dU + u * u),
    dBias: heap.slice(dB, dB + u),
    dh0: heap.slice(cur, cur + bu),
  };
}
