import type { Ops } from './ops.js';
import type { RecurrentArgs } from '../recurrent-args.js';
import { Layout } from './layout.js';
import { takeRecurrentRegions, type RecurrentRegions } from './recurrent-regions.js';
import type { Resolved } from './resolve-args.js';
import { fillRows, fromTimeMajor, setOrZero, toTimeMajor } from './sequence-io.js';
import { copyArray, copyOut } from './array-pool.js';

/**
 * Heap offsets of the regions every recurrent forward pass uses, plus the cell's own regions
 * in `extra`. Offsets are element offsets into `heap`. `gates` already holds bias + x·W of
 * every step when the cell's loop starts.
 */
export interface ForwardHeap<X> extends Readonly<RecurrentRegions> {
  readonly heap: Float32Array;
  /** U packed once by `packB` for the per-step `gemmPacked`. */
  readonly Up: number;
  /** No initial state was given: h0 is zeros, so the first step's h·U is zero and is skipped. */
  readonly h0Zero: boolean;
  readonly extra: X;
}

/**
 * Lays out and fills the heap for a forward pass over `G = k·units` gate columns: copies the
 * input (time-major), the weights, the mask and h0, computes all steps' x·W + bias in one
 * gemm into `gates` and packs U. What remains for the caller is the per-step loop.
 *
 * @param takeExtra reserves the cell's own regions (LSTM's cell states, GRU's recurrent
 *   products); it runs before the heap is grown, so it must only call `L.take`.
 */
export function setUpForward<X>(ops: Ops, args: RecurrentArgs, r: Resolved, G: number, takeExtra: (L: Layout) => X): ForwardHeap<X> {
  const { batch: b, timesteps: T, inputSize: n, units: u } = r;
  const rows = T * b;
  const bu = b * u;

  const L = new Layout(ops.base);
  const { xT, W, U, gates, hs, mask } = takeRecurrentRegions(L, r, G, !!args.mask);
  const extra = takeExtra(L);
  const Up = L.take(ops.packedSize(G, u));
  const scratch = L.take(ops.gemmScratchSize(G, n));
  // Grow the heap once, after every region is known: growing may detach earlier views.
  const heap = ops.reserve(L.end);

  toTimeMajor(heap, xT, args.x, b, T, n, r.goBackwards);
  heap.set(args.kernel, W);
  heap.set(args.recurrentKernel, U);
  if (args.mask) toTimeMajor(heap, mask, args.mask, b, T, 1, r.goBackwards);
  setOrZero(heap, hs, bu, args.h0);

  // All steps' x·W + b at once: the one large product of the forward pass.
  fillRows(heap, gates, rows, G, args.bias);
  ops.gemm(xT, W, gates, rows, G, n, n, 1, G, 1, true, scratch);
  // U is the same at every step: pack it into panels once, not once per step.
  ops.packB(U, G, u, G, 1, Up);
  return { heap, xT, W, U, gates, hs, mask, Up, h0Zero: !args.h0, extra };
}

/**
 * Copies the forward results out of the heap: `output` (every step's h with
 * `returnSequences`, else the last) and the final `h`. Copies, because the heap is reused by
 * the next call.
 */
export function forwardOutputs(f: ForwardHeap<unknown>, r: Resolved): { output: Float32Array; h: Float32Array } {
  const { batch: b, timesteps: T, units: u } = r;
  const bu = b * u;
  const last = f.hs + T * bu;
  const output = r.returnSequences ? fromTimeMajor(f.heap, f.hs + bu, b, T, u, false) : copyOut(f.heap, last, bu);
  const h = copyOut(f.heap, last, bu);
  return { output, h };
}

/** The tape arrays every cell keeps: weights, input, gates, hidden states and mask. */
export interface CommonTapeArrays {
  kernel: Float32Array;
  recurrentKernel: Float32Array;
  xT: Float32Array;
  gates: Float32Array;
  hs: Float32Array;
  mask: Float32Array | null;
  /** The initial hidden state was zeros (none given): its rows add nothing to dU. */
  h0Zero: boolean;
}

/**
 * Copies the arrays every backward pass needs out of the forward heap (`G` gate columns).
 * The weights are copied too, so later changes to the caller's arrays do not alter the tape.
 * The arrays come from released tapes when there are some of the same sizes.
 */
export function commonTapeArrays(f: ForwardHeap<unknown>, args: RecurrentArgs, r: Resolved, G: number): CommonTapeArrays {
  const rows = r.timesteps * r.batch;
  const { heap } = f;
  return {
    kernel: copyArray(args.kernel),
    recurrentKernel: copyArray(args.recurrentKernel),
    xT: copyOut(heap, f.xT, rows * r.inputSize),
    gates: copyOut(heap, f.gates, rows * G),
    hs: copyOut(heap, f.hs, (r.timesteps + 1) * r.batch * r.units),
    mask: args.mask ? copyOut(heap, f.mask, rows) : null,
    h0Zero: f.h0Zero,
  };
}
