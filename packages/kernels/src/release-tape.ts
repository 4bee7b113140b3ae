import type { LstmTape } from './lstm.js';
import type { GruTape } from './gru.js';
import type { SimpleRnnTape } from './simple-rnn.js';
import { releaseTapeArrays } from './internal/tape-pool.js';

/**
 * Hands a tape's arrays back to the kernels, which reuse them for the tapes of later forward
 * passes of the same sizes: a training loop then allocates no tape storage after its first
 * step. Call it once the backward pass is done; the tape cannot be used afterwards (a backward
 * pass given it throws). Releasing a tape twice does nothing.
 *
 * @param tape a tape from `lstmForward`, `gruForward` or `simpleRnnForward`
 * @example
 * const fwd = lstmForward(args);
 * const grads = lstmBackward(fwd.tape!, dOutput);
 * releaseTape(fwd.tape!);
 */
export function releaseTape(tape: LstmTape | GruTape | SimpleRnnTape): void {
  releaseTapeArrays(tape);
}
