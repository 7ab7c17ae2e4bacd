import { OffThreadDigest } from '../off-thread-digest';
import type { HashedFile } from './write-payload';

/** A file hashed off-thread, its read under way: its chunks are to be written, then its digest asked for. */
export interface StartedFile {
  /** its place in the payload */
  index: number;
  file: HashedFile;
  digest: OffThreadDigest;
  chunks: AsyncIterable<Uint8Array>;
  /** ends the read however far it went (its chunks back to the pool, its file closed) and drops the digest */
  stop(): Promise<void>;
}

/**
 * The files in turn, each one's read started (opened, its first chunks read and on the hashing
 * worker) as the one before it is handed out: the worker decrypts and hashes the next original
 * while this thread writes the current one. One at a time, each 320 KB screenshot waited on four
 * round trips (its file opened, read, opened by the worker, its digest) while the two threads took
 * turns: the 500 of the bench's 1 GiB case took its last 0.6 s, neither thread busy half of it.
 *
 * The caller writes each file's chunks and asks for its digest, or stops it, before it asks for the
 * next. Stopping early (a failure, a cancel) ends the read started ahead too: its chunks go back to
 * the hashing pool, its file closes and its digest is dropped.
 */
export async function* hashedOneAhead(files: ReadonlyArray<[number, HashedFile]>): AsyncGenerator<StartedFile> {
  let upcoming: StartedFile | null = null;
  try {
    for (let k = 0; k < files.length; k++) {
      const current = upcoming ?? start(files[k]!);
      upcoming = k + 1 < files.length ? start(files[k + 1]!) : null;
      yield current;
    }
  } finally {
    await upcoming?.stop();
  }
}

function start([index, file]: [number, HashedFile]): StartedFile {
  const digest = new OffThreadDigest({ sha256: true, sha512: file.knownSha512 === undefined, md5: false, crc32: true });
  const reading = file.hashedInto(digest)[Symbol.asyncIterator]();
  // Asked for now, so the read starts; its failure is raised when the writer takes this chunk.
  const first = reading.next();
  first.catch(() => undefined);
  const endReading = async (): Promise<IteratorResult<Uint8Array>> => {
    await first.catch(() => undefined);
    return (await reading.return?.(undefined)) ?? { done: true, value: undefined };
  };
  let taken = false;
  const chunks: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: () => (taken ? reading.next() : ((taken = true), first)),
      return: endReading,
    }),
  };
  const stop = async () => {
    await endReading();
    digest.abandon();
  };
  return { index, file, digest, chunks, stop };
}
