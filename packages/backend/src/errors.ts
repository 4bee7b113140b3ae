/**
 * Raised when a requested backend cannot be started: its package is not installed, or it
 * failed to initialise. The message names the package to install or the fallback to use.
 *
 * @example
 * try { await initBackend({ prefer: 'tensorflow' }); }
 * catch (e) { if (e instanceof BackendUnavailableError) console.error(e.message); }
 */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
}
