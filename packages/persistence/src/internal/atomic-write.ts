import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/*
 * Every write in this package lands in a temporary name beside its target and is renamed
 * into place: rename(2) within one directory is atomic on POSIX file systems, so a reader
 * (or a process that starts after a crash) sees the old complete file or the new complete
 * one, never a prefix. Temporary names carry the writer's pid so a later writer can tell a
 * dead writer's leftovers from a live concurrent writer's work and clean only the former.
 */

const TEMP_MARK = '.lstmkit-tmp-';

/** A fresh temporary name beside `target`, hidden, tagged with this process's pid. */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * The hidden name a directory is moved to for the instant between "old moved away" and "new
 * moved in" of a directory swap; loaders fall back to it, so a crash in that instant still
 * leaves the previous model loadable.
 */
export function swapAsideNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.lstmkit-old`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** Flush a directory's entries, so a rename survives a power cut and not just a crash. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (e) {
    // Some file systems (and Windows) refuse fsync on directories; the rename is still atomic.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw e;
  } finally {
    await handle?.close();
  }
}

/** Write bytes to a new file and flush them to disk before returning. */
export async function writeDurable(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temporary files and folders that writers of `target` left behind when they were
 * killed; those of writers still running (this one included) are left alone.
 */
export async function removeStaleTemps(target: string): Promise<void> {
  const dir = dirname(target);
  const prefix = `.${basename(target)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length).split('-')[0], 10);
    if (Number.isInteger(pid) && !isAlive(pid)) await rm(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Put a finished file or folder (`staged`, a temporary name beside `target`) at `target`.
 * With `keepPreviousAt`, whatever was at `target` is kept there instead of dropped.
 */
export async function install(staged: string, target: string, keepPreviousAt?: string): Promise<void> {
  const parent = dirname(target);
  const isDir = (await stat(staged)).isDirectory();
  const targetExists = await exists(target);
  if (targetExists && (await stat(target)).isDirectory() !== isDir) {
    throw new Error(
      `cannot save to ${target}: it is a ${isDir ? 'file' : 'folder'} and this save writes a ${isDir ? 'folder' : 'file'}; choose another path or the other format`,
    );
  }
  if (!isDir) {
    if (targetExists && keepPreviousAt) {
      // A hard link keeps the old bytes under the backup name without copying them; the
      // rename below then swaps only the target's directory entry.
      const tmp = tempNameFor(keepPreviousAt);
      await link(target, tmp);
      await rename(tmp, keepPreviousAt);
    }
    await rename(staged, target);
    await syncDirectory(parent);
    return;
  }
  // Folders cannot be renamed over non-empty folders, so a swap takes two renames; the
  // previous folder waits under the swap-aside name in between, where loaders look for it.
  const aside = swapAsideNameFor(target);
  await rm(aside, { recursive: true, force: true });
  if (targetExists) await rename(target, aside);
  await rename(staged, target);
  await syncDirectory(parent);
  if (targetExists) {
    if (keepPreviousAt) {
      await rm(keepPreviousAt, { recursive: true, force: true });
      await rename(aside, keepPreviousAt);
      await syncDirectory(parent);
    } else {
      await rm(aside, { recursive: true, force: true });
    }
  }
}

/**
 * Finish a directory swap that a crash interrupted (target gone, previous folder still
 * aside), so the next writer starts from a complete model at `target`.
 */
export async function recoverInterruptedSwap(target: string): Promise<void> {
  const aside = swapAsideNameFor(target);
  if (!(await exists(target)) && (await exists(aside))) {
    await rename(aside, target);
    await syncDirectory(dirname(target));
  }
}

/**
 * Write `bytes` to `target` atomically: readers see the old file or the new one, and a
 * failure leaves no temporary file behind.
 *
 * @param keepPreviousAt where to keep the file being replaced, if anywhere
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array, keepPreviousAt?: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await removeStaleTemps(target);
  const tmp = tempNameFor(target);
  try {
    await writeDurable(tmp, bytes);
    await install(tmp, target, keepPreviousAt);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * Build a folder under a temporary name with `fill`, then swap it in at `target`
 * atomically; a failure removes the temporary folder.
 *
 * @param keepPreviousAt where to keep the folder being replaced, if anywhere
 */
export async function writeDirectoryAtomic(
  target: string,
  fill: (staging: string) => Promise<void>,
  keepPreviousAt?: string,
): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  await recoverInterruptedSwap(target);
  await removeStaleTemps(target);
  const staging = tempNameFor(target);
  await mkdir(staging);
  try {
    await fill(staging);
    await syncDirectory(staging);
    await install(staging, target, keepPreviousAt);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Exchange what is at `target` with what is at `other` (both files or both folders), so
 * each ends up under the other's name. A crash midway leaves a complete model at `target`
 * or under its swap-aside name, where loaders look.
 */
export async function exchange(target: string, other: string): Promise<void> {
  const parent = dirname(target);
  const isDir = (await stat(other)).isDirectory();
  if (!isDir) {
    const tmp = tempNameFor(other);
    await link(target, tmp);
    await rename(other, target);
    await rename(tmp, other);
    await syncDirectory(parent);
    return;
  }
  const aside = swapAsideNameFor(target);
  await rm(aside, { recursive: true, force: true });
  await rename(target, aside);
  await rename(other, target);
  await rename(aside, other);
  await syncDirectory(parent);
}
