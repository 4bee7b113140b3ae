// Arrays handed back by callers (released tapes, outputs and gradients already copied
// elsewhere), reused by later calls. A training loop runs the same shapes every step, so its
// tapes (gates and states of every step, hundreds of KiB per layer), outputs and gradients
// are taken from here instead of allocated, which keeps the garbage collector out.

/** Pooled floats beyond which the pool is emptied (64 MiB), so odd shapes cannot pile up. */
const MAX_POOLED_FLOATS = 16 * 1024 * 1024;
/** Arrays kept per length: enough for the tapes of a deep stack or a bidirectional layer. */
const MAX_PER_LENGTH = 8;

const free = new Map<number, Float32Array[]>();
let pooled = 0;
const released = new WeakSet<object>();

/** An array of n floats from the pool (stale contents: the caller overwrites all of it), or a new one. */
export function takeArray(n: number): Float32Array {
  const out = free.get(n)?.pop();
  if (!out) return new Float32Array(n);
  pooled -= n;
  return out;
}

/** A copy of heap[from, from + n) in an array from the pool (or a new one). */
export function copyOut(heap: Float32Array, from: number, n: number): Float32Array {
  const out = free.get(n)?.pop();
  if (!out) return heap.slice(from, from + n);
  pooled -= n;
  out.set(heap.subarray(from, from + n));
  return out;
}

/** A copy of `a` in an array from the pool (or a new one). */
export function copyArray(a: Float32Array): Float32Array {
  const out = free.get(a.length)?.pop();
  if (!out) return a.slice();
  pooled -= a.length;
  out.set(a);
  return out;
}

/** Hands an array back to the pool; the caller must not use it afterwards. */
export function giveBack(a: Float32Array): void {
  if (a.length === 0) return;
  if (pooled + a.length > MAX_POOLED_FLOATS) {
    free.clear();
    pooled = 0;
  }
  let list = free.get(a.length);
  if (!list) free.set(a.length, (list = []));
  // An array handed back twice must not be handed out twice.
  if (list.length >= MAX_PER_LENGTH || list.includes(a)) return;
  list.push(a);
  pooled += a.length;
}

/**
 * Hands a tape's arrays back for reuse and marks the tape released; a backward pass given it
 * afterwards throws. Releasing twice is a no-op.
 */
export function releaseTapeArrays(tape: object): void {
  if (released.has(tape)) return;
  released.add(tape);
  for (const v of Object.values(tape)) if (v instanceof Float32Array) giveBack(v);
}

/** Whether `releaseTape` was called on this tape. */
export function isReleased(tape: object): boolean {
  return released.has(tape);
}
