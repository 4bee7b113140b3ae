import { createHash } from 'node:crypto';
import { isAbsolute, posix, resolve, sep, win32 } from 'node:path';
import { version as packageVersion } from '../package.json';
import {
  ChecksumError,
  FormatVersionError,
  ManifestError,
  PathEscapeError,
  TruncatedFileError,
} from './errors';

/** The manifest format this version writes and the newest one it reads. */
export const MANIFEST_FORMAT_VERSION = 1;

/** The `format` tag of every lstm-kit manifest, so other JSON files are told apart. */
export const MANIFEST_FORMAT = 'lstm-kit-bundle';

/** The lstm-kit version recorded in manifests (this package's version). */
export const LSTM_KIT_VERSION: string = packageVersion;

/** What a bundle holds: a whole model, or only weights saved with `saveWeights`. */
export type BundleKind = 'model' | 'weights';

/** One file of a bundle as its manifest records it. */
export interface ManifestFileEntry {
  /** Name relative to the bundle's folder (or part name inside a one-file bundle), `/`-separated. */
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
}

/** The description of a saved bundle, checked before anything in it is used. */
export interface BundleManifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** Format version; a reader refuses versions newer than `MANIFEST_FORMAT_VERSION`. */
  readonly formatVersion: number;
  /** The `@lstm-kit/persistence` version that wrote the bundle. */
  readonly lstmKitVersion: string;
  readonly kind: BundleKind;
  /** ISO-8601 time of writing. */
  readonly createdAt: string;
  readonly files: readonly ManifestFileEntry[];
}

/**
 * The lower-case hex SHA-256 of some bytes.
 *
 * @param bytes the data
 * @returns 64 hex characters
 * @example
 * sha256Hex(new TextEncoder().encode('abc')).slice(0, 8); // 'ba7816bf'
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Describe files as a manifest, with the size and SHA-256 of each.
 *
 * @param kind what the bundle holds
 * @param files each file's relative path and bytes, in the order to record
 * @returns the manifest
 * @throws PathEscapeError when a path is absolute or climbs out with `..`
 * @example
 * const manifest = createManifest('model', [['model.json', jsonBytes], ['weights.bin', weightBytes]]);
 * manifest.files[1].sha256; // hex digest of weightBytes
 */
export function createManifest(kind: BundleKind, files: ReadonlyArray<readonly [string, Uint8Array]>): BundleManifest {
  return {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    lstmKitVersion: LSTM_KIT_VERSION,
    kind,
    createdAt: new Date().toISOString(),
    files: files.map(([path, bytes]) => {
      assertRelativePath(path, 'the file list');
      return { path, size: bytes.byteLength, sha256: sha256Hex(bytes) };
    }),
  };
}

/**
 * Check that a path recorded in a bundle stays inside the bundle: relative, `/`-separated,
 * with no `..`, `.` or empty segment. Bundles may come from elsewhere, and a manifest that
 * points at `../../.ssh/id_rsa` must not make a loader read (or a rollback write) there.
 *
 * @param path the recorded path
 * @param where what recorded it, for the message
 * @throws PathEscapeError when the path could leave the bundle's folder
 * @example
 * assertRelativePath('weights.bin', 'model.json'); // fine
 * assertRelativePath('../x.bin', 'model.json');    // throws PathEscapeError
 */
export function assertRelativePath(path: unknown, where: string): asserts path is string {
  const bad = (why: string): never => {
    throw new PathEscapeError(
      `${where} names the file ${JSON.stringify(path)}, which ${why}; bundle files must be plain relative names inside the bundle's folder (like "weights.bin"). The bundle may have been tampered with: do not load it, re-save the model instead`,
    );
  };
  if (typeof path !== 'string' || path.length === 0) bad('is not a non-empty string');
  const p = path as string;
  if (p.includes('\0')) bad('contains a NUL character');
  if (p.includes('\\')) bad('contains a backslash');
  if (isAbsolute(p) || posix.isAbsolute(p) || win32.isAbsolute(p)) bad('is absolute');
  if (p.split('/').some((s) => s === '..' || s === '.' || s === '')) bad('has a "..", "." or empty segment');
}

/**
 * Resolve a recorded relative path against the bundle's folder, refusing any path that
 * would resolve outside it.
 *
 * @param dir the bundle's folder
 * @param path the recorded path
 * @param where what recorded it, for the message
 * @returns the absolute path inside `dir`
 * @throws PathEscapeError when the path escapes `dir`
 * @example
 * confinedPath('/models/a', 'weights.bin', 'model.json'); // '/models/a/weights.bin'
 */
export function confinedPath(dir: string, path: unknown, where: string): string {
  assertRelativePath(path, where);
  const root = resolve(dir);
  const full = resolve(root, path);
  if (!full.startsWith(root + sep)) {
    throw new PathEscapeError(`${where} names ${JSON.stringify(path)}, which resolves outside ${root}; re-save the model instead of loading it`);
  }
  return full;
}

/**
 * Parse and validate a manifest's JSON text.
 *
 * @param text the manifest JSON
 * @param where the manifest's location, for messages
 * @returns the manifest
 * @throws ManifestError when it is not valid JSON or not a well-formed lstm-kit manifest
 * @throws FormatVersionError when it was written in a newer format than this reader knows
 * @throws PathEscapeError when a file path leaves the bundle
 * @example
 * const manifest = parseManifest(await readFile('model/manifest.json', 'utf8'), 'model/manifest.json');
 */
export function parseManifest(text: string, where: string): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ManifestError(
      `the manifest ${where} is not valid JSON (${(e as Error).message}); it is truncated or corrupted: restore the bundle from a backup or re-save the model`,
    );
  }
  const m = raw as Partial<BundleManifest> | null;
  if (typeof m !== 'object' || m === null || m.format !== MANIFEST_FORMAT) {
    throw new ManifestError(
      `expected ${where} to be an lstm-kit manifest with format "${MANIFEST_FORMAT}", got ${JSON.stringify((m as { format?: unknown } | null)?.format)}; was the bundle written by another tool?`,
    );
  }
  if (!Number.isInteger(m.formatVersion) || (m.formatVersion as number) < 1) {
    throw new ManifestError(`expected a positive integer formatVersion in ${where}, got ${JSON.stringify(m.formatVersion)}; the manifest was edited or damaged: restore the bundle from a backup or re-save the model`);
  }
  if ((m.formatVersion as number) > MANIFEST_FORMAT_VERSION) {
    throw new FormatVersionError(
      `${where} has format version ${m.formatVersion} (written by lstm-kit ${m.lstmKitVersion ?? 'unknown'}), but this @lstm-kit/persistence ${LSTM_KIT_VERSION} reads versions up to ${MANIFEST_FORMAT_VERSION}; upgrade @lstm-kit/persistence to load it`,
    );
  }
  if (m.kind !== 'model' && m.kind !== 'weights') {
    throw new ManifestError(`expected kind "model" or "weights" in ${where}, got ${JSON.stringify(m.kind)}; the manifest was edited or damaged: restore the bundle from a backup or re-save the model`);
  }
  if (!Array.isArray(m.files)) throw new ManifestError(`expected a files array in ${where}, got ${typeof m.files}; the manifest was edited or damaged: restore the bundle from a backup or re-save the model`);
  const seen = new Set<string>();
  for (const f of m.files as ManifestFileEntry[]) {
    assertRelativePath(f?.path, `the manifest ${where}`);
    if (!Number.isSafeInteger(f.size) || f.size < 0) {
      throw new ManifestError(`expected a non-negative integer size for "${f.path}" in ${where}, got ${JSON.stringify(f.size)}; the manifest was edited or damaged: restore the bundle from a backup or re-save the model`);
    }
    if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) {
      throw new ManifestError(`expected a 64-character hex sha256 for "${f.path}" in ${where}, got ${JSON.stringify(f.sha256)}; the manifest was edited or damaged: restore the bundle from a backup or re-save the model`);
    }
    if (seen.has(f.path)) throw new ManifestError(`"${f.path}" is listed twice in ${where}; re-save the model`);
    seen.add(f.path);
  }
  return m as BundleManifest;
}

/**
 * Check bytes against their manifest entry: size first (a clearer message for a cut-short
 * copy), then SHA-256.
 *
 * @param entry the manifest's record of the file
 * @param bytes the bytes read
 * @param where the file's location, for messages
 * @throws TruncatedFileError when there are fewer bytes than recorded
 * @throws ChecksumError when the size differs otherwise or the digest differs
 * @example
 * verifyFile(manifest.files[0], await readFile('model/model.json'), 'model/model.json');
 */
export function verifyFile(entry: ManifestFileEntry, bytes: Uint8Array, where: string): void {
  if (bytes.byteLength < entry.size) {
    throw new TruncatedFileError(
      `${where} has ${bytes.byteLength} bytes, but its manifest records ${entry.size}: the file was cut short (an interrupted copy or download?); copy it again or re-save the model`,
    );
  }
  if (bytes.byteLength > entry.size) {
    throw new ChecksumError(
      `${where} has ${bytes.byteLength} bytes, but its manifest records ${entry.size}: the file was changed after saving; restore it from a backup or re-save the model`,
    );
  }
  const digest = sha256Hex(bytes);
  if (digest !== entry.sha256) {
    throw new ChecksumError(
      `${where} has SHA-256 ${digest}, but its manifest records ${entry.sha256}: the file is corrupted or was changed after saving; restore it from a backup or re-save the model`,
    );
  }
}
