import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { RenderError } from '../errors';

/**
 * Write a file so readers see either the old content or the whole new one, never half a
 * chart: write a temporary file beside the target, then rename it over (atomic on one file
 * system). Missing parent folders are created.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new RenderError(
      `could not write ${path}: ${(error as Error).message}; check the folder exists or can be created and is writable`,
      { cause: error },
    );
  }
}
