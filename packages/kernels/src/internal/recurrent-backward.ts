import type { BackwardOptions, RecurrentGradients, RecurrentTape } from '../recurrent-args.js';
import type { Ops } from './ops.js';
import { Layout } from './layout.js';
import { takeRecurrentRegions } from './recurrent-regions.js';
import { fromTimeMajor, setOrZero, toTimeMajor } from './sequence-io.js';
import { copyOut } from './array-pool.js';

/** The sizes and arrays of a tape that the shared backward set-up reads. */
export type BackwardTape = Omit<RecurrentTape, 'backend' | 'act'>;

/**
 * Heap offsets of a backward pass. `cur` holds dh of the step being processed and `nxt`
 * receives dh of the step before; the caller swaps them after every step and passes its
 * final `cur` to `backwardGradients`. `dOutT` and `mask` are 0 when absent.
 */
export interface BackwardHeap<X> {
  readonly heap: Float32Array;
  readonly xT: number;
  readonly W: number;
  readonly gates: number;
  readonly hs: number;
  readonly mask: number;
  readonly cur: number;
  readonly nxt: number;
  /** dOutput, time-major `[T, batch, units]`, with `returnSequences`; else 0. */
  readonly dOutT: number;
  readonly dxT: number;
  readonly dW: number;
  readonly dU: number;
  /** `biasRows · G` floats. */
  readonly dB: number;
  /** Uᵀ packed once for the per-step dh_{t-1} = dG_t·Uᵀ. */
  readonly UTp: number;
  readonly scratch: number;
  readonly extra: X;
}

/**
 * Lays out and fills the heap for a backward pass over `G` gate columns and a bias of
 * `biasRows` rows: copies the tape, packs Uᵀ, seeds dh with `dh` plus the last step's
 * dOutput (or lays out every step's dOutput with `returnSequences`).
 *
 * @param takeExtra reserves the cell's own regions (gate gradients, LSTM's dc, GRU's rh); it
 *   runs before the heap is grown, so it must only call `L.take`, and the caller fills them.
 */
export function setUpBackward<X>(
  ops: Ops,
  tape: BackwardTape,
  dOutput: Float32Array,
  dh: Float32Array | undefined,
  G: number,
  biasRows: number,
  takeExtra: (L: Layout) => X,
): BackwardHeap<X> {
  const { batch: b, timesteps: T, inputSize: n, units: u } = tape;
  const rows = T * b;
  const bu = b * u;

  const L = new Layout(ops.base);
  const { xT, W, U, gates, hs, mask } = takeRecurrentRegions(L, tape, G, !!tape.mask);
  const extra = takeExtra(L);
  const cur = L.take(bu);
  const nxt = L.take(bu);
  const dOutT = tape.returnSequences ? L.take(rows * u) : 0;
  const dxT = L.take(rows * n);
  const dW = L.take(n * G);
  const dU = L.take(u * G);
  const dB = L.take(biasRows * G);
  const UTp = L.take(ops.packedSize(u, G));
  const scratch = L.take(Math.max(ops.gemmScratchSize(G, rows), ops.gemmScratchSize(n, G)));
  // Grow the heap once, after every region is known: growing may detach earlier views.
  const heap = ops.reserve(L.end);

  heap.set(tape.xT, xT);
  heap.set(tape.gates, gates);
  heap.set(tape.hs, hs);
  if (tape.mask) heap.set(tape.mask, mask);
  heap.set(tape.kernel, W);
  heap.set(tape.recurrentKernel, U);
  // dh_{t-1} gets dG_t·Uᵀ at every step: pack Uᵀ (U read with swapped strides) once.
  ops.packB(U, u, G, 1, G, UTp);
  setOrZero(heap, cur, bu, dh);
  // Without returnSequences only the last step has an output, so its gradient joins dh
  // before the loop; otherwise each step's cell adds its own slice of dOutT.
  if (!tape.returnSequences) for (let j = 0; j < bu; j++) heap[cur + j] += dOutput[j];
  else toTimeMajor(heap, dOutT, dOutput, b, T, u, false);

  return { heap, xT, W, gates, hs, mask, cur, nxt, dOutT, dxT, dW, dU, dB, UTp, scratch, extra };
}

/**
 * Whether the step-0 product dG_0·Uᵀ (the initial state's gradient) is needed. Each cell's
 * backward loop skips it at t = 0 when not.
 */
export function wantsInitialState(options: BackwardOptions | undefined): boolean {
  return options?.initialStateGradients !== false;
}

/**
 * Computes the weight and input gradients of all steps at once (xᵀ·dGin, h_prevᵀ·dGrec, the
 * column sums of the gate gradients, dGin·Wᵀ) and copies them out with dh0 from `dhFinal`.
 * Cells whose input and recurrent gate gradients are the same pass one offset for both and
 * `biasRows` 1; GRU (separate recurrent bias row) passes two offsets and 2. With a zero
 * initial state the first step's rows of h_prevᵀ·dGrec are zero and are left out; `options`
 * can skip dx and dh0.
 */
export function backwardGradients(
  ops: Ops,
  k: BackwardHeap<unknown>,
  tape: BackwardTape,
  G: number,
  biasRows: number,
  dGin: number,
  dGrec: number,
  dhFinal: number,
  options?: BackwardOptions,
): RecurrentGradients {
  const { batch: b, timesteps: T, inputSize: n, units: u } = tape;
  const rows = T * b;
  const bu = b * u;
  const { heap, dW, dU, dB, dxT, scratch } = k;

  ops.gemm(k.xT, dGin, dW, n, G, rows, 1, n, G, 1, false, scratch);
  // h_prev of step t is hs row block t; a zero h0 (block 0) contributes nothing.
  const skip = tape.h0Zero ? b : 0;
  if (rows > skip) ops.gemm(k.hs + skip * u, dGrec + skip * G, dU, u, G, rows - skip, 1, u, G, 1, false, scratch);
  else heap.fill(0, dU, dU + u * G);
  heap.fill(0, dB, dB + biasRows * G);
  ops.colSumAccumulate(dGin, rows, G, dB);
  if (biasRows === 2) ops.colSumAccumulate(dGrec, rows, G, dB + G);
  const wantDx = options?.inputGradient !== false;
  if (wantDx) ops.gemm(dGin, k.W, dxT, rows, n, G, G, 1, 1, G, false, scratch);

  return {
    dx: wantDx ? fromTimeMajor(heap, dxT, b, T, n, tape.goBackwards) : null,
    dKernel: copyOut(heap, dW, n * G),
    dRecurrentKernel: copyOut(heap, dU, u * G),
    dBias: copyOut(heap, dB, biasRows * G),
    dh0: wantsInitialState(options) ? copyOut(heap, dhFinal, bu) : null,
  };
}
