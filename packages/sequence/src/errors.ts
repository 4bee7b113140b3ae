/**
 * Raised when data does not have the shape, size or values an operation expects.
 * The message says what was received, what was expected and how to fix it.
 *
 * @example
 * try { reshape(a, [3, -1]); } catch (e) { if (e instanceof ShapeError) console.error(e.message); }
 */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

/**
 * Raised when values are not acceptable for an operation (NaN where none is allowed, an
 * unknown label, an option out of range).
 *
 * @example
 * try { encoder.transform(['unseen']); } catch (e) { if (e instanceof ValueError) console.error(e.message); }
 */
export class ValueError extends Error {
  override readonly name = 'ValueError';
}
