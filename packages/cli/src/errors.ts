/**
 * A mistake in how the command was called: an unknown command or option, a missing
 * argument. The command prints the message and the usage, and exits with code 2.
 *
 * @example
 * throw new UsageError("unknown system 'ecoh'; expected one of: echo");
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
