import { describe, expect, it } from 'vitest';
import {
  ChecksumError,
  FormatVersionError,
  ManifestError,
  PathEscapeError,
  TruncatedFileError,
  assertRelativePath,
  confinedPath,
  createManifest,
  parseManifest,
  sha256Hex,
  verifyFile,
} from './index';

const bytes = new TextEncoder().encode('abc');

describe('manifest', () => {
  it('records size and the SHA-256 of each file (FIPS 180-2 "abc" vector)', () => {
    const m = createManifest('model', [['model.json', bytes]]);
    expect(m.files).toEqual([{ path: 'model.json', size: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' }]);
    expect(m.formatVersion).toBe(1);
    expect(sha256Hex(bytes)).toBe(m.files[0].sha256);
    expect(parseManifest(JSON.stringify(m), 'm')).toEqual(m);
  });

  it.each(['../x', '/etc/passwd', 'a/../../b', 'C:\\x', 'a\\..\\b', '', './x', 'a//b'])('refuses the path %j', (p) => {
    expect(() => assertRelativePath(p, 'test')).toThrow(PathEscapeError);
    const m = { ...createManifest('model', [['model.json', bytes]]) };
    expect(() => parseManifest(JSON.stringify({ ...m, files: [{ ...m.files[0], path: p }] }), 'm')).toThrow(PathEscapeError);
  });

  it('confines paths to the bundle folder', () => {
    expect(confinedPath('/models/a', 'sub/weights.bin', 't')).toBe('/models/a/sub/weights.bin');
    expect(() => confinedPath('/models/a', '../b/weights.bin', 't')).toThrow(PathEscapeError);
  });

  it('refuses malformed and newer manifests with clear errors', () => {
    const m = createManifest('model', [['model.json', bytes]]);
    expect(() => parseManifest('{"format": "lstm-kit-bun', 'm')).toThrow(/not valid JSON/);
    expect(() => parseManifest(JSON.stringify({ ...m, format: 'other' }), 'm')).toThrow(ManifestError);
    expect(() => parseManifest(JSON.stringify({ ...m, formatVersion: 7 }), 'm')).toThrow(FormatVersionError);
    expect(() => parseManifest(JSON.stringify({ ...m, files: [{ ...m.files[0], sha256: 'xyz' }] }), 'm')).toThrow(/64-character hex sha256.*restore the bundle from a backup or re-save the model/);
    expect(() => parseManifest(JSON.stringify({ ...m, files: [m.files[0], m.files[0]] }), 'm')).toThrow(/listed twice/);
  });

  it('tells truncation from corruption', () => {
    const [entry] = createManifest('model', [['model.json', bytes]]).files;
    expect(() => verifyFile(entry, bytes.subarray(0, 2), 'f')).toThrow(TruncatedFileError);
    expect(() => verifyFile(entry, new TextEncoder().encode('abd'), 'f')).toThrow(ChecksumError);
    expect(() => verifyFile(entry, bytes, 'f')).not.toThrow();
  });
});
