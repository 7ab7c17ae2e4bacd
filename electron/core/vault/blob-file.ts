import { open, type FileHandle } from 'node:fs/promises';
import { JejakError } from '../errors';
import { HEADER_BYTES, parseBlobHeader, type BlobHeader } from './blob-cipher';

/** A stored original's file opened for reading: its header checked, its size known. */
export interface OpenBlob {
  file: FileHandle;
  header: BlobHeader;
  fileSize: number;
  /** the INTEGRITY error for this original, naming what failed */
  fail(what: string): JejakError;
}

export async function openBlobFile(path: string, name: string): Promise<OpenBlob> {
  const fail = (what: string) =>
    new JejakError(
      'INTEGRITY',
      `Stored original ${name.slice(0, 12)}… failed its integrity check (${what}). It was changed or damaged on disk; no bytes of it are shown.`,
    );
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    throw new JejakError('NOT_FOUND', `Stored original ${name.slice(0, 12)}… is missing from the vault.`);
  }
  try {
    const { size: fileSize } = await file.stat();
    const headerBytes = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await file.read(headerBytes, 0, HEADER_BYTES, 0);
    const header = bytesRead === HEADER_BYTES ? parseBlobHeader(headerBytes) : null;
    if (!header) throw fail('unreadable header');
    return { file, header, fileSize, fail };
  } catch (e) {
    await file.close();
    throw e;
  }
}
