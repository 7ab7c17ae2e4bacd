import { JejakError } from '../errors';
import { AGE_NONCE_BYTES, ChunkSealer, payloadKey } from './age-stream';
import type { ByteSource } from '../packages/platform';
import { writeAll, type PositionalWriter } from '../packages/zip-write';
import { checkRecipients } from './age-keys';

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

const READ_BYTES = 1 << 20;

/**
 * Encrypts every byte of `source` into `out` (from position 0) as an age file for `recipients`;
 * memory stays one read and one chunk. Returns the age file's size.
 */
export async function sealInto(
  source: ByteSource,
  out: PositionalWriter,
  recipients: readonly string[],
  onBytes?: (done: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  if (recipients.length === 0)
    throw new JejakError('INVALID_INPUT', 'An encrypted package needs at least one recipient.');
  const { prefix, key } = await startAgeFile(recipients);
  const sealer = new ChunkSealer(key);
  await writeAll(out, prefix, 0);
  let position = prefix.length;
  // One buffer for every read where the source can fill it: the sealer is done with it on return.
  const buffer = source.readInto ? new Uint8Array(READ_BYTES) : null;
  let writing: Promise<void> = Promise.resolve();
  try {
    for (let done = 0; done < source.size;) {
      if (signal?.aborted) throw new JejakError('CANCELLED', 'The operation was cancelled.');
      const want = Math.min(READ_BYTES, source.size - done);
      const bytes =
        buffer && source.readInto
          ? buffer.subarray(0, await source.readInto(buffer.subarray(0, want), done))
          : await source.read(done, want);
      if (bytes.length === 0) throw new JejakError('INTERNAL', 'The package being encrypted ended early.');
      const sealed = sealer.push(bytes);
      if (sealed.length > 0) {
        const batch = Buffer.concat(sealed);
        // the next read runs while this batch is written; one write at a time
        await writing;
        writing = writeAll(out, batch, position);
        writing.catch(() => undefined); // thrown where it is awaited next
        position += batch.length;
      }
      done += bytes.length;
      onBytes?.(done);
    }
  } catch (e) {
    // never leave a write running on a handle the caller is about to close
    await writing.catch(() => undefined);
    throw e;
  }
  await writing;
  const last = sealer.finish();
  await writeAll(out, last, position);
  return position + last.length;
}
