/**
 * Raised when a problem generator gets options it cannot use (a length of 0, an `outIndex`
 * outside the sequence, `largest` below 1, an unknown option name). The message names the
 * problem, the option, what was expected and how to fix it.
 *
 * @example
 * try { echo({ length: 5, outIndex: 5 }); }
 * catch (e) { if (e instanceof ProblemOptionsError) console.error(e.message); }
 */
export class ProblemOptionsError extends Error {
  override readonly name = 'ProblemOptionsError';
}
