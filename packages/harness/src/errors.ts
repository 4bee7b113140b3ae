/**
 * Raised when a training option, a loss, metric or optimizer name, or the model's
 * compilation state is not what an operation needs. The message names what was given, what
 * was expected and how to fix it. Shape problems between data and model raise `ShapeError`
 * from `@lstm-kit/sequence` instead, naming the dimension that disagrees.
 *
 * @example
 * try { compileModel(model, { loss: 'msee', optimizer: 'adam' }); }
 * catch (e) { if (e instanceof TrainingConfigError) console.error(e.message); }
 */
export class TrainingConfigError extends Error {
  override readonly name = 'TrainingConfigError';
}
