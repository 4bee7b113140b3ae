import type { Layout } from './layout.js';

/** Heap offsets of the arrays both passes of every recurrent kernel hold; `mask` is 0 when absent. */
export interface RecurrentRegions {
  /** Input, time-major in processing order `[T, batch, inputSize]`. */
  xT: number;
  /** Input weights `[inputSize, G]`. */
  W: number;
  /** Recurrent weights `[units, G]`. */
  U: number;
  /** Per-step gate values `[T, batch, G]`. */
  gates: number;
  /** Hidden states `[T + 1, batch, units]`, the initial one first. */
  hs: number;
  /** Mask `[T, batch]`, or 0. */
  mask: number;
}

/**
 * Reserves the regions the forward and the backward pass share, in one order for both, so a
 * tape's arrays land where the forward pass had them.
 */
export function takeRecurrentRegions(
  L: Layout,
  sizes: { batch: number; timesteps: number; inputSize: number; units: number },
  G: number,
  hasMask: boolean,
): RecurrentRegions {
  const { batch: b, timesteps: T, inputSize: n, units: u } = sizes;
  const rows = T * b;
  return {
    xT: L.take(rows * n),
    W: L.take(n * G),
    U: L.take(u * G),
    gates: L.take(rows * G),
    hs: L.take((T + 1) * b * u),
    mask: hasMask ? L.take(rows) : 0,
  };
}
