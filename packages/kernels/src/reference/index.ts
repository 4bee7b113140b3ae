// Float64 plain-loop references of every kernel, exported as `reference` for tests and for
// anyone checking a kernel change.
export { lstmForward, lstmBackward } from './reference-lstm.js';
export { gruForward, gruBackward } from './reference-gru.js';
export { simpleRnnForward, simpleRnnBackward } from './reference-simple-rnn.js';
export type { ReferenceArgs, ReferenceForward, ReferenceGradients } from './reference-args.js';
