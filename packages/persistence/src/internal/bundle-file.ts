import { CorruptFileError, ManifestError, TruncatedFileError } from '../errors';
import { type BundleKind, type BundleManifest, createManifest, parseManifest, verifyFile } from '../manifest';

/*
 * One-file bundle layout (all integers little-endian):
 *   8 bytes   magic "LSTMKIT\0"
 *   4 bytes   uint32 byte length H of the header
 *   H bytes   header: the manifest as UTF-8 JSON (its files in the order of the parts)
 *   ...       the parts' bytes, concatenated in manifest order
 * The header is plain JSON so `head -c 2000 model.lstmkit` shows what a bundle holds; the
 * parts are the same files the directory form writes, so unpacking one is a byte copy.
 */

const MAGIC = new Uint8Array([0x4c, 0x53, 0x54, 0x4d, 0x4b, 0x49, 0x54, 0x00]);
const PREFIX = MAGIC.length + 4;

/** Whether bytes start like a one-file bundle. */
export function isBundleFile(bytes: Uint8Array): boolean {
  return bytes.byteLength >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/** Pack named parts and their manifest into one-file bundle bytes. */
export function encodeBundleFile(
  kind: BundleKind,
  parts: ReadonlyArray<readonly [string, Uint8Array]>,
): { bytes: Uint8Array; manifest: BundleManifest } {
  const manifest = createManifest(kind, parts);
  const header = new TextEncoder().encode(JSON.stringify(manifest));
  const total = PREFIX + header.byteLength + parts.reduce((n, [, b]) => n + b.byteLength, 0);
  const bytes = new Uint8Array(total);
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, header.byteLength, true);
  bytes.set(header, PREFIX);
  let offset = PREFIX + header.byteLength;
  for (const [, b] of parts) {
    bytes.set(b, offset);
    offset += b.byteLength;
  }
  return { bytes, manifest };
}

/** Unpack and verify one-file bundle bytes (sizes and SHA-256 of every part). */
export function decodeBundleFile(
  bytes: Uint8Array,
  where: string,
): { manifest: BundleManifest; parts: Map<string, Uint8Array> } {
  if (!isBundleFile(bytes)) {
    throw new ManifestError(`${where} does not start with the lstm-kit bundle signature; expected a file written by saveModel(..., {format: 'file'})`);
  }
  if (bytes.byteLength < PREFIX) {
    throw new TruncatedFileError(`${where} ends inside its header (${bytes.byteLength} bytes); the file was cut short: copy it again or re-save the model`);
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  if (PREFIX + headerLength > bytes.byteLength) {
    throw new TruncatedFileError(
      `${where} declares a ${headerLength}-byte header but has only ${bytes.byteLength - PREFIX} bytes after the signature; the file was cut short: copy it again or re-save the model`,
    );
  }
  const header = new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + headerLength));
  const manifest = parseManifest(header, `the header of ${where}`);
  const needed = PREFIX + headerLength + manifest.files.reduce((n, f) => n + f.size, 0);
  if (bytes.byteLength < needed) {
    throw new TruncatedFileError(
      `${where} has ${bytes.byteLength} bytes, but its header records ${needed}: the file was cut short (an interrupted copy?); copy it again or re-save the model`,
    );
  }
  if (bytes.byteLength > needed) {
    throw new CorruptFileError(
      `${where} has ${bytes.byteLength - needed} bytes after the last part its header records; the file was changed after saving: restore it from a backup or re-save the model`,
    );
  }
  const parts = new Map<string, Uint8Array>();
  let offset = PREFIX + headerLength;
  for (const f of manifest.files) {
    const part = bytes.subarray(offset, offset + f.size);
    verifyFile(f, part, `part "${f.path}" of ${where}`);
    parts.set(f.path, part);
    offset += f.size;
  }
  return { manifest, parts };
}
