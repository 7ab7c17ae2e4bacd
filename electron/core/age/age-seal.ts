import { Encrypter } from 'age-encryption';
import { JejakError } from '../errors';
import { AGE_NONCE_BYTES, ChunkSealer, payloadKey } from './age-stream';
import type { ReadAt } from './age-file';
import { checkRecipients } from './age-keys';

export interface WriteAt {
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
}

/**
 * The header and payload nonce of a new age file for `recipients`, and its payload key. The header
 * (one X25519 stanza per recipient, and its MAC) is written by age-encryption itself; a recipient
 * of our own that adds no stanza only learns the file key, so the payload can be sealed natively.
 */
async function startAgeFile(recipients: readonly string[]): Promise<{ prefix: Buffer; key: Buffer }> {
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

async function writeAll(out: WriteAt, buffer: Buffer, position: number): Promise<void> {
  for (let done = 0; done < buffer.length; ) {
    const { bytesWritten } = await out.write(buffer, done, buffer.length - done, position + done);
    done += bytesWritten;
  }
}

const READ_BYTES = 1 << 20;

/**
 * Encrypts `size` bytes read from `source` into `out` (from position 0) as an age file for
 * `recipients`; memory stays one read buffer and one chunk. Returns the age file's size.
 */
export async function sealInto(source: ReadAt, size: number, out: WriteAt, recipients: readonly string[], onBytes?: (done: number) => void, signal?: AbortSignal): Promise<number> {
  if (recipients.length === 0) throw new JejakError('INVALID_INPUT', 'An encrypted package needs at least one recipient.');
  const { prefix, key } = await startAgeFile(recipients);
  const sealer = new ChunkSealer(key);
  await writeAll(out, prefix, 0);
  let position = prefix.length;
  const buffer = Buffer.alloc(Math.min(READ_BYTES, Math.max(size, 1)));
  for (let done = 0; done < size; ) {
    if (signal?.aborted) throw new JejakError('CANCELLED', 'The operation was cancelled.');
    const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, size - done), done);
    if (bytesRead === 0) throw new JejakError('INTERNAL', 'The package being encrypted ended early.');
    const sealed = sealer.push(buffer.subarray(0, bytesRead));
    if (sealed.length > 0) {
      const batch = Buffer.concat(sealed);
      await writeAll(out, batch, position);
      position += batch.length;
    }
    done += bytesRead;
    onBytes?.(done);
  }
  const last = sealer.finish();
  await writeAll(out, last, position);
  return position + last.length;
}
