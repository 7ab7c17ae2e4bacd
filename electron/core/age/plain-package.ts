import { open, type FileHandle } from 'node:fs/promises';
import { AgeFile, looksLikeAge, type ReadAt } from './age-file';
import { sealInto, type WriteAt } from './age-seal';
import { ScratchFile } from './scratch-file';

/**
 * The one place a package file may be age-encrypted: reading one hands the ZIP reader the
 * plaintext view (decrypted chunk by chunk, never on disk), and writing one passes the ZIP only
 * through a sealed scratch file on its way to being encrypted for its recipients.
 */

/**
 * The ZIP reader, inspect and the ZIP writers reach a package through read(buffer, offset, length,
 * position) and write(…) alone (and countersign through stat, for change detection): this presents
 * a decrypted view with exactly those as the handle they take.
 */
function asHandle(view: ReadAt & Partial<WriteAt>, underlying: FileHandle): FileHandle {
  const handle = { read: view.read.bind(view), stat: () => underlying.stat(), ...(view.write ? { write: view.write.bind(view) } : {}) };
  return handle as unknown as FileHandle;
}

export async function isAgeFile(handle: FileHandle, size: number): Promise<boolean> {
  const head = Buffer.alloc(Math.min(size, 64));
  await handle.read(head, 0, head.length, 0);
  return looksLikeAge(head);
}

/** Whether the file at path is an age file (false for a folder or anything unreadable: the caller reports those). */
export async function isAgePath(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return await isAgeFile(handle, size);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Runs fn over the package's ZIP: the file itself, or for an age file its plaintext as seen
 * through `identities` (WRONG_AGE_KEY when none is a recipient). A chunk that fails to
 * authenticate is reported as that (INTEGRITY), whatever error the reader above made of it.
 */
export async function withPlainPackage<T>(
  handle: FileHandle,
  size: number,
  identities: readonly string[] | undefined,
  fn: (handle: FileHandle, size: number, encrypted: boolean) => Promise<T>,
): Promise<T> {
  if (!(await isAgeFile(handle, size))) return fn(handle, size, false);
  const age = await AgeFile.open(handle, size, identities ?? []);
  try {
    return await fn(asHandle(age, handle), age.size, true);
  } catch (err) {
    throw age.damage ?? err;
  } finally {
    age.close();
  }
}

export interface SealOptions {
  /** age1… recipients; none: the package is written as a plain ZIP */
  recipients: readonly string[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a package into `out`: `write` produces the ZIP through a handle it may write anywhere in
 * and read back, and returns the ZIP's size. With recipients, that handle is a sealed scratch file
 * and `out` receives the age file. Returns the size of what `out` holds.
 */
export async function writePlainOrSealed(out: FileHandle, seal: SealOptions | undefined, write: (handle: FileHandle) => Promise<number>): Promise<number> {
  if (!seal || seal.recipients.length === 0) return write(out);
  const scratch = await ScratchFile.create();
  try {
    const zipBytes = await write(asHandle(scratch, out));
    return await sealInto(scratch, zipBytes, out, seal.recipients, (done) => seal.onProgress?.(done, zipBytes), seal.signal);
  } finally {
    await scratch.dispose();
  }
}
