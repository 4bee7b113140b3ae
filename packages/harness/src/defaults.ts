/**
 * The Keras defaults of every harness option, written in one place so `fit`, `fitOnline`,
 * `evaluate` and `predict` agree with each other and with what a Keras user expects.
 */
export const TRAINING_DEFAULTS = Object.freeze({
  /** Keras `batch_size=None` means 32. */
  batchSize: 32,
  /** Keras `epochs=1`. */
  epochs: 1,
  /** Keras shuffles the training samples before every epoch. */
  shuffle: true,
  /** Keras `verbose=1` ("auto"): a progress bar on a terminal, one line per epoch otherwise. */
  verbose: 1 as 0 | 1 | 2,
  /** Keras `validation_split=0`. */
  validationSplit: 0,
  /** Keras `initial_epoch=0`. */
  initialEpoch: 0,
  /** Online training: one freshly generated sample per update, as in the course's echo system. */
  onlineBatchSize: 1,
  /** Smallest interval between two redraws of a terminal progress bar (milliseconds). */
  progressIntervalMs: 100,
  /** Keras's epsilon for clipping probabilities in cross-entropy (`backend.epsilon()`). */
  epsilon: 1e-7,
});
