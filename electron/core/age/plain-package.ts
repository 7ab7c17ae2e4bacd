import { open } from 'node:fs/promises';
import type { ByteSource } from '../packages/platform';
import { fileSource, type PositionalReader } from '../packages/platform-node';
import type { PositionalWriter } from '../packages/zip-write';
import { AgeFile, looksLikeAge } from './age-file';
import { AgeSink } from './age-sink';
import { sealInto } from './age-seal';
import { ScratchFile } from './scratch-file';

/**
 * The one place a package file may be age-encrypted: reading one hands the ZIP reader the
 * plaintext view (decrypted chunk by chunk, never on disk) as the same ByteSource a plain file
 * gives. Writing one seals a ZIP made front to back straight into the age file; one that must be
 * gone back into or read back passes only through a sealed scratch file on its way there.
 */

export async function isAgeSource(source: ByteSource): Promise<boolean> {
  return looksLikeAge(await source.read(0, Math.min(source.size, 64)));
}

/** Whether the file at path is an age file (false for a folder or anything unreadable: the caller reports those). */
export async function isAgePath(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return await isAgeSource(fileSource(handle, size));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/**
 * Runs fn over the package's ZIP: the file's own bytes, or for an age file its plaintext as seen
 * through `identities` (WRONG_AGE_KEY when none is a recipient). A chunk that fails to
 * authenticate is reported as that (INTEGRITY), whatever error the reader above made of it.
 */
export async function withPlainSource<T>(
  file: ByteSource,
  identities: readonly string[] | undefined,
  fn: (zip: ByteSource, encrypted: boolean) => Promise<T>,
): Promise<T> {
  if (!(await isAgeSource(file))) return fn(file, false);
  const age = await AgeFile.open(file, identities ?? []);
  try {
    return await fn(age, true);
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

/** Where a package's ZIP is written: positional writes, and what was written read back to check it. */
export type PackageTarget = PositionalWriter & PositionalReader;

/**
 * Writes a package into `out`: `write` produces the ZIP through a target it may write anywhere in
 * and read back, and returns the ZIP's size. With recipients, that target is a sealed scratch file
 * and `out` receives the age file. Returns the size of what `out` holds.
 */
export async function writePlainOrSealed(
  out: PackageTarget,
  seal: SealOptions | undefined,
  write: (target: PackageTarget) => Promise<number>,
): Promise<number> {
  if (!seal || seal.recipients.length === 0) return write(out);
  const scratch = await ScratchFile.create();
  try {
    const zipBytes = await write(scratch);
    return await sealInto(
      fileSource(scratch, zipBytes),
      out,
      seal.recipients,
      (done) => seal.onProgress?.(done, zipBytes),
      seal.signal,
    );
  } finally {
    await scratch.dispose();
  }
}

/**
 * As writePlainOrSealed, for a ZIP that `write` can make front to back when told to (`inOrder`):
 * with recipients it is sealed into `out` as it is written, with no scratch copy (half the bytes
 * through the disk, one encryption instead of two). A plain ZIP is written as usual.
 */
export async function writeInOrderOrSealed(
  out: PositionalWriter,
  seal: SealOptions | undefined,
  write: (target: PositionalWriter, inOrder: boolean) => Promise<number>,
): Promise<number> {
  if (!seal || seal.recipients.length === 0) return write(out, false);
  const sink = await AgeSink.start(out, seal.recipients);
  try {
    await write(sink, true);
  } catch (e) {
    await sink.abandon();
    throw e;
  }
  return sink.finish();
}
