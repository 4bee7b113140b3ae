import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ManifestError, ModelNotFoundError } from '../errors';
import { type BundleKind, type BundleManifest, confinedPath, createManifest, parseManifest, verifyFile } from '../manifest';
import { swapAsideNameFor, writeDirectoryAtomic, writeDurable, writeFileAtomic } from './atomic-write';
import { decodeBundleFile, encodeBundleFile, isBundleFile } from './bundle-file';

/** The manifest's own name in the directory form. */
export const MANIFEST_NAME = 'manifest.json';

/** The two on-disk forms of a bundle. */
export type BundleFormat = 'directory' | 'file';

/** A saved bundle opened for reading: its manifest (if any) checked, its files reachable by name. */
export interface OpenedStore {
  readonly form: BundleFormat;
  /** The path actually read (the swap-aside folder when recovering from an interrupted save). */
  readonly location: string;
  /** The manifest; null for a folder written by stock tfjs (tfjs-node, the converter). */
  readonly manifest: BundleManifest | null;
  /** The main file's name when the caller pointed at a file inside a folder (e.g. `model.json`). */
  readonly entry: string | null;
  /** A file's bytes by bundle-relative name (verified when a manifest exists), or undefined. */
  part(name: string, where: string): Promise<Uint8Array | undefined>;
}

/**
 * Turn a `file://` URL or a plain path into a path. tfjs-node keeps what follows the scheme
 * as is (relative paths allowed), and so does this, for URLs to behave the same in both.
 */
export function pathFromUrlOrPath(urlOrPath: string): string {
  return urlOrPath.startsWith('file://') ? urlOrPath.slice('file://'.length) : urlOrPath;
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
}

async function readOrUndefined(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function openDirectory(dir: string, entry: string | null): Promise<OpenedStore> {
  const manifestBytes = await readOrUndefined(join(dir, MANIFEST_NAME));
  if (manifestBytes === undefined) {
    return {
      form: 'directory',
      location: dir,
      manifest: null,
      entry,
      part: async (name, where) => readOrUndefined(confinedPath(dir, name, where)),
    };
  }
  const where = join(dir, MANIFEST_NAME);
  const manifest = parseManifest(new TextDecoder().decode(manifestBytes), where);
  // Every listed file is checked up front, so a damaged bundle fails before any of it is used.
  const parts = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    const file = confinedPath(dir, f.path, where);
    const bytes = await readOrUndefined(file);
    if (bytes === undefined) {
      throw new ManifestError(`${where} lists "${f.path}", but ${file} is missing; copy the whole folder again or re-save the model`);
    }
    verifyFile(f, bytes, file);
    parts.set(f.path, bytes);
  }
  return {
    form: 'directory',
    location: dir,
    manifest,
    entry,
    part: async (name, what) => {
      confinedPath(dir, name, what);
      return parts.get(name);
    },
  };
}

/**
 * Open a saved bundle: a folder (with or without an lstm-kit manifest), a `model.json` inside
 * one, or a one-file bundle; verifies sizes and checksums when there is a manifest.
 */
export async function openStore(urlOrPath: string): Promise<OpenedStore> {
  let path = pathFromUrlOrPath(urlOrPath);
  let info = await statOrNull(path);
  if (info === null) {
    // A crash between the two renames of a folder swap leaves the previous model aside.
    const aside = swapAsideNameFor(path);
    info = await statOrNull(aside);
    if (info === null) {
      throw new ModelNotFoundError(`nothing is saved at ${path}; expected a model folder, a model.json or a one-file bundle there (check the path and the working directory ${process.cwd()})`);
    }
    path = aside;
  }
  if (info.isDirectory()) return openDirectory(path, null);
  const bytes = await readFile(path);
  if (isBundleFile(bytes)) {
    const { manifest, parts } = decodeBundleFile(bytes, path);
    return {
      form: 'file',
      location: path,
      manifest,
      entry: null,
      part: async (name, where) => {
        confinedPath('/bundle', name, where);
        return parts.get(name);
      },
    };
  }
  const store = await openDirectory(dirname(path), basename(path));
  if (store.manifest === null) {
    const entryBytes = bytes;
    return { ...store, part: async (name, where) => (name === basename(path) ? entryBytes : store.part(name, where)) };
  }
  return store;
}

/**
 * Write named files as a bundle in either form, atomically, with a manifest.
 *
 * @returns the manifest written
 */
export async function writeStore(
  urlOrPath: string,
  kind: BundleKind,
  parts: ReadonlyArray<readonly [string, Uint8Array]>,
  options: { format: BundleFormat; keepPreviousAt?: string },
): Promise<BundleManifest> {
  const path = pathFromUrlOrPath(urlOrPath);
  if (parts.some(([name]) => name === MANIFEST_NAME)) {
    throw new ManifestError(`"${MANIFEST_NAME}" is reserved for the manifest; name the part otherwise`);
  }
  if (options.format === 'file') {
    const { bytes, manifest } = encodeBundleFile(kind, parts);
    await writeFileAtomic(path, bytes, options.keepPreviousAt);
    return manifest;
  }
  const manifest = createManifest(kind, parts);
  await writeDirectoryAtomic(
    path,
    async (staging) => {
      for (const [name, bytes] of parts) {
        const file = confinedPath(staging, name, 'the bundle being saved');
        await mkdir(dirname(file), { recursive: true });
        await writeDurable(file, bytes);
      }
      // The manifest goes last: a folder with a manifest is one whose files were all written.
      await writeDurable(join(staging, MANIFEST_NAME), new TextEncoder().encode(JSON.stringify(manifest, null, 2)));
    },
    options.keepPreviousAt,
  );
  return manifest;
}
