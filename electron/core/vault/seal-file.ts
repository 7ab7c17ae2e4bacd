import { createHash } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { EarlyWriteback } from '../early-writeback';
import { JejakError } from '../errors';
import { OffThreadDigest, SLOT_BYTES } from '../off-thread-digest';
import { fileKey, newBlobHeader, sealChunk } from './blob-cipher';

export interface SealedFile {
  sha256: string;
  sha512: string;
  crc32: number;
  size: number;
}

/**
 * A large original on disk hashed and encrypted into `tempPath` (written and fsynced) in one pass,
 * with no copy of its bytes: each chunk is read straight into a buffer of the hashing worker's pool,
 * hashed (SHA-256) and encrypted here, then moved to the worker for SHA-512 and CRC-32. The next chunk's read
 * runs while this one is hashed; it also says whether this one is the last (the nonce marks it), so
 * a file that grows or shrinks while read is stored as read, hashes and content alike.
 */
export async function sealFile(
  blobKey: Buffer,
  path: string,
  tempPath: string,
  signal?: AbortSignal,
): Promise<SealedFile> {
  const header = newBlobHeader(Math.log2(SLOT_BYTES));
  const key = fileKey(blobKey, header);
  const sha256 = createHash('sha256');
  const sha512 = new OffThreadDigest({ sha256: false, sha512: true, md5: false, crc32: true });
  const source = await open(path, 'r');
  const held: Uint8Array[] = [];
  let out: FileHandle | undefined;
  let target: EarlyWriteback | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  try {
    out = await open(tempPath, 'wx', 0o600);
    target = new EarlyWriteback(out);
    inFlight = target.write(header.bytes, 0, header.bytes.length, null);
    let size = 0;
    let position = 0;
    const readNext = async (): Promise<{ slot: Uint8Array; length: number }> => {
      const slot = await sha512.slot();
      held.push(slot);
      const { bytesRead } = await source.read(slot, 0, SLOT_BYTES, position);
      position += bytesRead;
      return { slot, length: bytesRead };
    };
    let current = await readNext();
    for (let counter = 0; ; counter++) {
      if (signal?.aborted) throw new JejakError('CANCELLED', 'Cancelled.');
      const plain = current.slot.subarray(0, current.length);
      sha256.update(plain);
      const next = current.length === SLOT_BYTES ? readNext() : null;
      const following = next ? await next : null;
      const last = !following || following.length === 0;
      const [body, tag] = sealChunk(key, header, counter, last, plain);
      size += current.length;
      held.splice(held.indexOf(current.slot), 1);
      sha512.updateFilled(current.slot, current.length);
      await inFlight;
      inFlight = target.writev([body!, tag!]);
      if (last) {
        if (following) {
          held.splice(held.indexOf(following.slot), 1);
          sha512.release(following.slot);
        }
        break;
      }
      current = following!;
    }
    await inFlight;
    await target.settled();
    await out.sync();
    await out.close();
    const offThread = await sha512.digest();
    return { sha256: sha256.digest('hex'), sha512: offThread.sha512!, crc32: offThread.crc32!, size };
  } catch (e) {
    sha512.abandon();
    for (const slot of held) sha512.release(slot);
    await inFlight.catch(() => undefined);
    await target?.settled().catch(() => undefined);
    await out?.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw e;
  } finally {
    await source.close();
  }
}
