import type { LstmTape } from './lstm.js';
import type { GruTape } from './gru.js';
import type { SimpleRnnTape } from './simple-rnn.js';
import type { DenseTape } from './dense.js';
import { giveBack, releaseTapeArrays } from './internal/array-pool.js';

/**
 * Hands a tape's arrays back to the kernels, which reuse them for the tapes of later forward
 * passes of the same sizes: a training loop then allocates no tape storage after its first
 * step. Call it once the backward pass is done; the tape cannot be used afterwards (a backward
 * pass given it throws). Releasing a tape twice does nothing.
 *
 * @param tape a tape from `lstmForward`, `gruForward`, `simpleRnnForward` or `denseForward`
 * @example
 * const fwd = lstmForward(args);
 * const grads = lstmBackward(fwd.tape!, dOutput);
 * releaseTape(fwd.tape!);
 */
export function releaseTape(tape: LstmTape | GruTape | SimpleRnnTape | DenseTape): void {
  releaseTapeArrays(tape);
}

/**
 * Hands arrays the kernels returned (outputs, final states, gradients) back for reuse by later
 * calls, once their values have been copied elsewhere (into tensors, say). The arrays must not
 * be used afterwards: a later call may overwrite them. Nulls are skipped.
 *
 * @param arrays arrays returned by a forward or backward kernel
 * @example
 * const { output } = lstmForward({ ...args, keepTape: false });
 * const t = tf.tensor(output, shape); // wasm copies the values into its own memory
 * releaseArrays([output]);
 */
export function releaseArrays(arrays: Iterable<Float32Array | null | undefined>): void {
  for (const a of arrays) if (a) giveBack(a);
}
