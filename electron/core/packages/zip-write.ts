import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable, type Readable, type Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { JejakError } from '../errors';
import { fsyncDirectory } from '../fs-atomic';
import { cancelled, throwIfAborted } from './operation';
import { CHUNK } from './zip-read';

const FILE_MODE = 0o100644;

/** System errors at the destination, as the codes a user can act on. */
function asUnwritable(err: unknown, dir: string): unknown {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return err;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new JejakError('NOT_FOUND', `The folder ${dir} does not exist.`, { code });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new JejakError('FORBIDDEN', `The package cannot be written in ${dir} (${code}).`, { code });
  return new JejakError('INTERNAL', `The package could not be written in ${dir} (${code}).`, { code });
}

/**
 * Writes `target` through a temp file beside it (`.<name>.partial-<random>`), fsynced and renamed
 * over the target at the end. On any failure or cancellation the temp file is removed: the
 * destination holds the finished package or nothing new.
 */
export async function writeAtomically<T>(target: string, signal: AbortSignal | undefined, write: (handle: FileHandle) => Promise<T>): Promise<T> {
  throwIfAborted(signal);
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx+');
    const result = await write(handle);
    await handle.sync();
    await handle.close();
    handle = undefined;
    throwIfAborted(signal);
    await rename(temp, target);
    fsyncDirectory(dir);
    return result;
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw asUnwritable(err, dir);
  }
}

/**
 * Writes into a FileHandle we keep owning: handle.createWriteStream would either close it or,
 * without autoClose, hold a reference that makes handle.close() wait forever.
 */
class HandleWriter extends Writable {
  position = 0;

  constructor(private readonly handle: FileHandle) {
    super({ highWaterMark: CHUNK });
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, callback: (err?: Error | null) => void): void {
    const buffers = chunks.map((c) => c.chunk);
    this.handle.writev(buffers, this.position).then(({ bytesWritten }) => {
      this.position += bytesWritten;
      callback(bytesWritten === buffers.reduce((n, b) => n + b.length, 0) ? null : new Error('short write'));
    }, callback);
  }
}

export interface ZipSink {
  /** Streams `source` through `through` into the entry; resolves once the entry's bytes are all in. */
  addStream(name: string, source: Readable, through: Transform, compress: boolean): Promise<void>;
  /** A small entry, stored: sizes known up front, so no data descriptor. */
  addBuffer(name: string, data: Buffer): void;
}

/**
 * Streams a ZIP into `handle` with yazl, one entry at a time, so memory stays bounded by the stream
 * buffers. Streamed entries carry data descriptors; unzip, 7-Zip and yauzl read them from the
 * central directory. Cancellation or any error tears every stream down before this rejects.
 */
export async function writeZip(handle: FileHandle, signal: AbortSignal | undefined, mtime: Date, build: (zip: ZipSink) => Promise<void>): Promise<number> {
  const zip = new ZipFile();
  const out = new HandleWriter(handle);
  const failure = new AbortController();
  const onAbort = (): void => failure.abort(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  zip.on('error', (err: Error) => failure.abort(err));
  const failed = new Promise<never>((_, reject) => failure.signal.addEventListener('abort', () => reject(failure.signal.reason as Error), { once: true }));
  failed.catch(() => undefined);
  const written = pipeline(zip.outputStream, out, { signal: failure.signal });
  written.catch(() => undefined);
  const options = { mtime, mode: FILE_MODE };

  const sink: ZipSink = {
    async addStream(name, source, through, compress) {
      source.on('error', (err) => through.destroy(err));
      zip.addReadStreamLazy(name, { ...options, compress }, (cb) => cb(null, source.pipe(through)));
      try {
        await Promise.race([finished(through), failed]);
      } catch (err) {
        source.destroy();
        through.destroy();
        throw err;
      }
    },
    addBuffer(name, data) {
      zip.addBuffer(data, name, { ...options, compress: false });
    },
  };

  try {
    if (signal?.aborted) throw cancelled();
    await Promise.race([build(sink), failed]);
    zip.end();
    await Promise.race([written, failed]);
    return out.position;
  } catch (err) {
    failure.abort(err);
    await written.catch(() => undefined);
    throw failure.signal.reason;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
