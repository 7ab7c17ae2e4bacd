import { open, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { JejakError } from '../errors';
import { asUnreadable } from './operation';
import { fileSource, folderSource, nodePlatform } from './platform-node';
import { assertPayloadPath, readZipEntry, verifyBag, verifyZip, type ReadEntryOptions, type VerifyOptions, type VerifyResult } from './verify-source';

/** Verifying packages and bag folders on disk (the checks themselves are verify-source.ts's, shared with the browser verifier). */

export type { RosterEntry, Verdict } from './judge';
export type { ReadEntryOptions, VerifyOptions, VerifyResult } from './verify-source';

/** Opens a package read-only; a path we cannot read is UNREADABLE, never a verdict. */
export async function withPackage<T>(zipPath: string, fn: (handle: FileHandle, size: number) => Promise<T>): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await open(zipPath, 'r');
  } catch (err) {
    throw asUnreadable(err, 'The package');
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new JejakError('UNREADABLE', 'The package is not a regular file.');
    return await fn(handle, stat.size);
  } catch (err) {
    throw asUnreadable(err, 'The package');
  } finally {
    await handle.close();
  }
}

/**
 * Verifies a package by streaming it: never extracts, never writes. Bad input of any kind gives
 * `invalid` with the failing checks; only our own I/O (UNREADABLE) and cancellation (CANCELLED) throw.
 */
export async function verifyPackage(zipPath: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  return withPackage(zipPath, (handle, size) => verifyZip(fileSource(handle, size), nodePlatform, opts));
}

/**
 * Verifies a bag that is already unzipped, FOLDER being the bag folder itself: the same checks and
 * verdicts as for its ZIP, with the folder's own equivalents of the ZIP-only ones.
 */
export async function verifyFolder(folder: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const root = resolve(folder);
  try {
    if (!(await stat(root)).isDirectory()) throw new JejakError('UNREADABLE', `${root} is not a folder.`);
  } catch (err) {
    throw asUnreadable(err, 'The folder');
  }
  return verifyBag(folderSource(root), nodePlatform, opts);
}

/**
 * One payload file's bytes (bag path, e.g. "data/evidence/001-0123456789ab.png"), for showing it
 * during review. Checks the structure, tag files, every signature and this file's hashes, but does
 * not re-read the rest of the payload: run verifyPackage once for the verdict. Throws INTEGRITY
 * (with the failing checks in details) if what it checks fails.
 */
export async function readPackageEntry(zipPath: string, bagPath: string, opts: ReadEntryOptions = {}): Promise<Buffer> {
  assertPayloadPath(bagPath);
  const bytes = await withPackage(zipPath, (handle, size) => readZipEntry(fileSource(handle, size), nodePlatform, bagPath, opts));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
