/**
 * Base class of every error this package throws, so a caller can catch them all at once.
 * Each message says what was wrong, what was expected and what to do about it.
 *
 * @example
 * try { await loadModel('models/sales'); } catch (e) { if (e instanceof PersistenceError) console.error(e.message); }
 */
export class PersistenceError extends Error {
  override readonly name: string = 'PersistenceError';
}

/**
 * Raised when nothing is saved at the path given to a load function.
 *
 * @example
 * try { await loadModel('missing'); } catch (e) { if (e instanceof ModelNotFoundError) console.error(e.message); }
 */
export class ModelNotFoundError extends PersistenceError {
  override readonly name: string = 'ModelNotFoundError';
}

/**
 * Raised when a saved file's bytes are not what was written: cut short, damaged, or not
 * parseable. `ChecksumError` and `TruncatedFileError` are the specific cases.
 *
 * @example
 * try { await loadModel('model'); } catch (e) { if (e instanceof CorruptFileError) restoreFromBackup(); }
 */
export class CorruptFileError extends PersistenceError {
  override readonly name: string = 'CorruptFileError';
}

/**
 * Raised when a file's SHA-256 differs from the one its manifest recorded at save time.
 *
 * @example
 * try { await loadModel('model'); } catch (e) { if (e instanceof ChecksumError) console.error(e.message); }
 */
export class ChecksumError extends CorruptFileError {
  override readonly name: string = 'ChecksumError';
}

/**
 * Raised when a file is shorter than its manifest (or its weight specs) say it must be.
 *
 * @example
 * try { await loadModel('model'); } catch (e) { if (e instanceof TruncatedFileError) console.error(e.message); }
 */
export class TruncatedFileError extends CorruptFileError {
  override readonly name: string = 'TruncatedFileError';
}

/**
 * Raised when a manifest is missing where one is required, unreadable, or describes files
 * in a way this package refuses (unknown fields, negative sizes, paths outside the bundle).
 *
 * @example
 * try { await loadModel('model.lstmkit'); } catch (e) { if (e instanceof ManifestError) console.error(e.message); }
 */
export class ManifestError extends PersistenceError {
  override readonly name: string = 'ManifestError';
}

/**
 * Raised when a manifest or a `model.json` names a file outside the bundle's own folder
 * (an absolute path or a `..` segment): loading never reads outside the saved model.
 *
 * @example
 * try { await loadModel('downloaded-model'); } catch (e) { if (e instanceof PathEscapeError) console.error(e.message); }
 */
export class PathEscapeError extends ManifestError {
  override readonly name: string = 'PathEscapeError';
}

/**
 * Raised when a bundle was written in a newer format than this version of the package reads.
 *
 * @example
 * try { await loadModel('model'); } catch (e) { if (e instanceof FormatVersionError) console.error('upgrade @lstm-kit/persistence'); }
 */
export class FormatVersionError extends PersistenceError {
  override readonly name: string = 'FormatVersionError';
}

/**
 * Raised when a `model.json` is not a tfjs layers model (missing topology, a graph model,
 * a malformed weights manifest).
 *
 * @example
 * try { await loadModel('graph-model'); } catch (e) { if (e instanceof ModelFormatError) console.error(e.message); }
 */
export class ModelFormatError extends PersistenceError {
  override readonly name: string = 'ModelFormatError';
}

/**
 * Raised when saved weights do not fit a model: another number of layers or weights, another
 * layer class, another weight name or shape. The message names the first layer that differs.
 *
 * @example
 * try { await loadWeights(model, 'weights.lstmkit'); } catch (e) { if (e instanceof WeightsMismatchError) console.error(e.message); }
 */
export class WeightsMismatchError extends PersistenceError {
  override readonly name: string = 'WeightsMismatchError';
}

/**
 * Raised when a bundle's preprocessing pipeline cannot be restored or used (no reviver for
 * its JSON, or `predictRaw` called on a bundle saved without a pipeline and given raw values).
 *
 * @example
 * try { await loadBundle('bundle'); } catch (e) { if (e instanceof PipelineError) console.error(e.message); }
 */
export class PipelineError extends PersistenceError {
  override readonly name: string = 'PipelineError';
}
