/**
 * Raised when an array given to a kernel does not have the length its shape implies.
 * The message says which argument, the length expected and how to fix it.
 *
 * @example
 * try { lstmForward(args); } catch (e) { if (e instanceof KernelShapeError) console.error(e.message); }
 */
export class KernelShapeError extends Error {
  override readonly name = 'KernelShapeError';
}

/**
 * Raised when an option is not one a kernel accepts (an unknown activation or backend, a
 * non-positive size, a tape from another kernel).
 *
 * @example
 * try { setKernelBackend('gpu' as never); } catch (e) { if (e instanceof KernelOptionError) console.error(e.message); }
 */
export class KernelOptionError extends Error {
  override readonly name = 'KernelOptionError';
}
