import { type OffThreadDigest, SLOT_CAPACITY } from '../off-thread-digest';
import { HEADER_BYTES, TAG_BYTES, chunkNonce, fileKey } from './blob-cipher';
import { openBlobFile } from './blob-file';

/** Chunks read and sent to the worker ahead of the one the caller holds: the disk, AES and the caller's writes overlap. */
const READ_AHEAD = 4;

/**
 * A stored original's bytes for a caller that writes them somewhere (a package): each sealed chunk is
 * read straight into a buffer of the hashing worker's pool, and the worker authenticates, decrypts and
 * hashes it (into `digest`) before it comes back as plaintext. This thread then only moves bytes: no
 * AES, no hashing and no buffer allocated per chunk (Node's decipher allocated two per MiB, and their
 * collection was most of an export's garbage).
 *
 * Each chunk yielded is valid until the next is asked for (its buffer then returns to the pool), so
 * the caller must be done with it by then: `for await (const c of …) await write(c)`. A chunk that
 * does not authenticate ends the stream with an INTEGRITY error before any byte of it is yielded.
 * A file whose chunks do not fit a pool buffer (larger than 1 MiB) comes from `readHere` (the
 * store's own reader, decrypting on this thread) and is copied to the worker for hashing.
 */
export async function* readHashed(
  path: string,
  name: string,
  blobKey: Buffer,
  digest: OffThreadDigest,
  readHere: () => AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const { file, header, fileSize, fail } = await openBlobFile(path, name);
  const key = fileKey(blobKey, header);
  const sealedSize = header.chunkSize + TAG_BYTES;
  const chunks = Math.max(1, Math.ceil((fileSize - HEADER_BYTES) / sealedSize));
  const ahead: Array<Promise<Uint8Array | null>> = [];
  let sent: Promise<unknown> = Promise.resolve();
  let next = 0;

  // The reads run at once; the sends wait for the one before, so the worker hashes in file order.
  const readAndSend = (counter: number) => {
    const position = HEADER_BYTES + counter * sealedSize;
    const length = Math.min(sealedSize, fileSize - position);
    const read = (async () => {
      const slot = await digest.slot();
      try {
        const { bytesRead } = await file.read(slot, 0, length, position);
        if (bytesRead !== length) throw fail('short read');
        return slot;
      } catch (e) {
        digest.release(slot);
        throw e;
      }
    })();
    const sending = Promise.all([read, sent]).then(([slot]) => ({
      plain: digest.openFilled(slot, length, {
        key,
        nonce: chunkNonce(counter, counter === chunks - 1),
        aad: header.bytes,
      }),
    }));
    sent = sending;
    ahead.push(sending.then((s) => s.plain));
  };

  try {
    if (sealedSize > SLOT_CAPACITY) {
      for await (const plain of readHere()) {
        await digest.update(plain);
        yield plain;
      }
      return;
    }
    while (next < Math.min(READ_AHEAD, chunks)) readAndSend(next++);
    for (let counter = 0; counter < chunks; counter++) {
      const plain = await ahead.shift()!;
      if (!plain) throw fail(`chunk ${counter}`);
      if (next < chunks) readAndSend(next++);
      try {
        yield plain;
      } finally {
        // back to the pool once used, or when the caller stops here (a cancel, a failed write):
        // kept, each such stop took one of the pool's 16 buffers for good, and the 17th every read
        digest.release(plain);
      }
    }
  } finally {
    // Stopped early: the chunks still on their way come back (the worker answers each) to the pool.
    for (const p of await Promise.allSettled(ahead)) if (p.status === 'fulfilled' && p.value) digest.release(p.value);
    await file.close();
  }
}
