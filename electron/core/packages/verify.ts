import { open, stat, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { withPlainSource } from '../age/plain-package';
import { JejakError } from '../errors';
import type { PayloadKeep } from './inspect';
import { asUnreadable } from './operation';
import type { ByteSource } from './platform';
import { fileSource, folderSource, nodePlatform } from './platform-node';
import {
  assertPayloadPath,
  readZipEntry,
  verifyBag,
  verifyZip,
  verifyZipKeeping,
  type ReadEntryOptions,
  type VerifyOptions,
  type VerifyResult,
} from './verify-source';

/** Verifying packages and bag folders on disk (the checks themselves are verify-source.ts's, shared with the browser verifier). */

export type { RosterEntry, Verdict } from './judge';
export type { ReadEntryOptions, VerifyOptions, VerifyResult } from './verify-source';

/** What opening a package file on disk may need beyond the shared options. */
export interface PackageFileOptions {
  /** age identities (AGE-SECRET-KEY-1…) to open an age-encrypted package with */
  ageIdentities?: readonly string[];
}

/** A package file opened for reading. */
export interface OpenedPackageFile {
  /** the ZIP's bytes: the file's own, or the plaintext of an age file, decrypted as it is read */
  source: ByteSource;
  encrypted: boolean;
  /** the file on disk still has the size and modification time it had when it was opened */
  unchanged(): Promise<boolean>;
}

async function openedFile(handle: FileHandle): Promise<{ file: ByteSource; unchanged(): Promise<boolean> }> {
  const before = await handle.stat();
  if (!before.isFile()) throw new JejakError('UNREADABLE', 'The package is not a regular file.');
  return {
    file: fileSource(handle, before.size),
    async unchanged() {
      const now = await handle.stat();
      return now.size === before.size && now.mtimeMs === before.mtimeMs;
    },
  };
}

/**
 * Opens a package read-only; a path we cannot read is UNREADABLE, never a verdict. An
 * age-encrypted package is handed over as its decrypted view, opened with `ageIdentities`: the
 * same ByteSource as a plain file, so every check reads both the same way.
 */
export async function withPackage<T>(
  zipPath: string,
  fn: (pkg: OpenedPackageFile) => Promise<T>,
  ageIdentities?: readonly string[],
): Promise<T> {
  let handle: FileHandle;
  try {
    handle = await open(zipPath, 'r');
  } catch (err) {
    throw asUnreadable(err, 'The package');
  }
  try {
    const { file, unchanged } = await openedFile(handle);
    return await withPlainSource(file, ageIdentities, (source, encrypted) => fn({ source, encrypted, unchanged }));
  } catch (err) {
    throw asUnreadable(err, 'The package');
  } finally {
    await handle.close();
  }
}

/**
 * Verifies a package by streaming it: never extracts, never writes. Bad input of any kind gives
 * `invalid` with the failing checks; only our own I/O (UNREADABLE), a key that cannot open an
 * encrypted package (WRONG_AGE_KEY) and cancellation (CANCELLED) throw.
 */
export async function verifyPackage(
  zipPath: string,
  opts: VerifyOptions & PackageFileOptions = {},
): Promise<VerifyResult> {
  return withPackage(
    zipPath,
    async ({ source, encrypted }) => {
      const result = await verifyZip(source, nodePlatform, opts);
      return encrypted ? { ...result, encrypted } : result;
    },
    opts.ageIdentities,
  );
}

/**
 * verifyPackage, keeping the bytes of the payload files `keep` wants (up to keep.maxBytes in all)
 * from the same pass: a caller that takes files in reads each once, as verified.
 */
export async function verifyPackageKeeping(
  zipPath: string,
  opts: VerifyOptions & PackageFileOptions,
  keep: PayloadKeep,
): Promise<{ result: VerifyResult; kept: Map<string, Uint8Array> }> {
  return withPackage(
    zipPath,
    async ({ source, encrypted }) => {
      const { result, kept } = await verifyZipKeeping(source, nodePlatform, opts, keep);
      return { result: encrypted ? { ...result, encrypted } : result, kept };
    },
    opts.ageIdentities,
  );
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
export async function readPackageEntry(
  zipPath: string,
  bagPath: string,
  opts: ReadEntryOptions & PackageFileOptions = {},
): Promise<Buffer> {
  assertPayloadPath(bagPath);
  const bytes = await withPackage(
    zipPath,
    ({ source }) => readZipEntry(source, nodePlatform, bagPath, opts),
    opts.ageIdentities,
  );
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
