import { takeArray } from './array-pool.js';
// Moves sequences between the caller's batch-major layout [batch, T, f] and the kernels'
// time-major layout [T, batch, f] in processing order. Time-major keeps each step's rows
// contiguous, so a step is one dense gemm and all steps together are one dense gemm too.

/** heap[dst + (t·batch + b)·f] ← src[(b·T + τ)·f] with τ = t, or T−1−t when reversed. */
export function toTimeMajor(heap: Float32Array, dst: number, src: ArrayLike<number>, batch: number, T: number, f: number, reverse: boolean): void {
  for (let t = 0; t < T; t++) {
    const tau = reverse ? T - 1 - t : t;
    for (let b = 0; b < batch; b++) {
      const o = dst + (t * batch + b) * f;
      const s = (b * T + tau) * f;
      for (let j = 0; j < f; j++) heap[o + j] = src[s + j];
    }
  }
}

/** The inverse of toTimeMajor: a [batch, T, f] array of its own (from the array pool). */
export function fromTimeMajor(heap: Float32Array, src: number, batch: number, T: number, f: number, reverse: boolean): Float32Array {
  const out = takeArray(batch * T * f);
  for (let t = 0; t < T; t++) {
    const tau = reverse ? T - 1 - t : t;
    for (let b = 0; b < batch; b++) {
      const s = src + (t * batch + b) * f;
      const o = (b * T + tau) * f;
      // Narrow rows (one feature is common) copy faster element by element than through a
      // subarray view per row, which also leaves batch·T small objects for the GC.
      if (f < 16) for (let j = 0; j < f; j++) out[o + j] = heap[s + j];
      else out.set(heap.subarray(s, s + f), o);
    }
  }
  return out;
}

/** Writes `rows` copies of `row` (or zeros) starting at dst. */
export function fillRows(heap: Float32Array, dst: number, rows: number, width: number, row: ArrayLike<number> | undefined, rowOffset = 0): void {
  if (!row) {
    heap.fill(0, dst, dst + rows * width);
    return;
  }
  for (let j = 0; j < width; j++) heap[dst + j] = row[rowOffset + j];
  for (let r = 1; r < rows; r++) heap.copyWithin(dst + r * width, dst, dst + width);
}

/** Copies an optional array into the heap, or zeros when absent. */
export function setOrZero(heap: Float32Array, dst: number, n: number, src: ArrayLike<number> | undefined): void {
  if (src) heap.set(src, dst);
  else heap.fill(0, dst, dst + n);
}
