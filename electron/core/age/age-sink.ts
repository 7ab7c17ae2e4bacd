import { JejakError } from '../errors';
import { releaseNow } from '../release-now';
import { writeAll, type PositionalWriter } from '../packages/zip-write';
import { checkRecipients } from './age-keys';
import { AGE_NONCE_BYTES, ChunkSealer, payloadKey } from './age-stream';

/**
 * The header and payload nonce of a new age file for `recipients`, and its payload key. The header
 * (one X25519 stanza per recipient, and its MAC) is written by age-encryption itself; a recipient
 * of our own that adds no stanza only learns the file key, so the payload can be sealed natively.
 */
async function startAgeFile(recipients: readonly string[]): Promise<{ prefix: Buffer; key: Buffer }> {
  // age-encryption (about 180 ms to load) only when a package is sealed
  const { Encrypter } = await import('age-encryption');
  const encrypter = new Encrypter();
  for (const recipient of checkRecipients(recipients)) encrypter.addRecipient(recipient);
  let fileKey: Uint8Array | null = null;
  encrypter.addRecipient({
    wrapFileKey(key: Uint8Array) {
      fileKey = Uint8Array.from(key);
      return [];
    },
  });
  // An empty file: header, nonce, and the 16-byte tag of its one empty chunk, which is dropped.
  const empty = Buffer.from(await encrypter.encrypt(new Uint8Array(0)));
  const prefix = empty.subarray(0, empty.length - 16);
  if (!fileKey) throw new JejakError('INTERNAL', 'age-encryption did not produce a file key.');
  return { prefix, key: payloadKey(fileKey, prefix.subarray(prefix.length - AGE_NONCE_BYTES)) };
}

/**
 * An age file written as its plaintext arrives, front to back: what a ZIP written in order
 * (ZipWriter's `inOrder`) writes into, so an encrypted package needs no scratch copy of its ZIP.
 * Each write is sealed at once (only the last, unfinished 64 KiB chunk stays in memory) and its
 * ciphertext written to `out` while the next is made; one write at a time. A write anywhere but at
 * the end is refused: nothing already sealed can be changed.
 */
export class AgeSink implements PositionalWriter {
  private plainBytes = 0;
  private sealedBytes: number;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly out: PositionalWriter,
    private readonly sealer: ChunkSealer,
    prefixBytes: number,
  ) {
    this.sealedBytes = prefixBytes;
  }

  /** Writes the header for `recipients` into `out` (at position 0) and is ready for the plaintext. */
  static async start(out: PositionalWriter, recipients: readonly string[]): Promise<AgeSink> {
    const { prefix, key } = await startAgeFile(recipients);
    await writeAll(out, prefix, 0);
    return new AgeSink(out, new ChunkSealer(key), prefix.length);
  }

  async write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }> {
    if (position !== this.plainBytes)
      throw new JejakError('INTERNAL', 'An encrypted package is written in order; a write went back into it.');
    const sealed = this.sealer.push(buffer.subarray(offset, offset + length));
    this.plainBytes += length;
    if (sealed.length > 0) {
      // Each sealed piece and then the batch given back once used, not left to the collector: a
      // large original sealed while the report was drawn held 15-20 MiB more at the export's peak.
      const batch = Buffer.concat(sealed);
      for (const piece of sealed) releaseNow(piece);
      await this.writing;
      this.writing = writeAll(this.out, batch, this.sealedBytes).then(() => void releaseNow(batch));
      this.writing.catch(() => undefined); // thrown where it is awaited next
      this.sealedBytes += batch.length;
    }
    return { bytesWritten: length };
  }

  /** Seals the last chunk and waits for every write; returns the age file's size. */
  async finish(): Promise<number> {
    await this.writing;
    const last = this.sealer.finish();
    await writeAll(this.out, last, this.sealedBytes);
    return this.sealedBytes + last.length;
  }

  /** Lets a write still running end before the caller closes `out` (after a failure). */
  async abandon(): Promise<void> {
    await this.writing.catch(() => undefined);
  }
}
