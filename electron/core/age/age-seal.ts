import { JejakError } from '../errors';
import type { ByteSource } from '../packages/platform';
import type { PositionalWriter } from '../packages/zip-write';
import { AgeSink } from './age-sink';

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
  const sink = await AgeSink.start(out, recipients);
  // One buffer for every read where the source can fill it: the sink is done with it on return.
  const buffer = source.readInto ? new Uint8Array(READ_BYTES) : null;
  try {
    for (let done = 0; done < source.size;) {
      if (signal?.aborted) throw new JejakError('CANCELLED', 'The operation was cancelled.');
      const want = Math.min(READ_BYTES, source.size - done);
      const bytes =
        buffer && source.readInto
          ? buffer.subarray(0, await source.readInto(buffer.subarray(0, want), done))
          : await source.read(done, want);
      if (bytes.length === 0) throw new JejakError('INTERNAL', 'The package being encrypted ended early.');
      // the next read runs while this one's ciphertext is written
      await sink.write(bytes, 0, bytes.length, done);
      done += bytes.length;
      onBytes?.(done);
    }
  } catch (e) {
    // never leave a write running on a handle the caller is about to close
    await sink.abandon();
    throw e;
  }
  return sink.finish();
}
