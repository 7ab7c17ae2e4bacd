import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { JejakError } from '../errors';
import { ARCHIVE_HASH_FILE, MANIFEST_FILE, manifestText } from './backup-manifest';
import { END_OF_ARCHIVE, fileHeader, padding } from './backup-tar';

const BATCH = 1024 * 1024;

/**
 * Streams a backup's tar into a file: every entry is hashed as it goes (for the manifest), and so
 * is every archive byte (for archive-sha256.txt). Memory stays at one batch whatever the sizes.
 */
export class BackupWriter {
  private position = 0;
  private readonly archive = createHash('sha256');
  private readonly written: Array<{ name: string; sha256: string }> = [];

  constructor(
    private readonly handle: FileHandle,
    private readonly mtime: Date,
    private readonly signal?: AbortSignal,
    private readonly onBytes?: (bytes: number) => void,
  ) {}

  get bytes(): number {
    return this.position;
  }

  private async write(buffer: Buffer): Promise<void> {
    for (let done = 0; done < buffer.length;) {
      const { bytesWritten } = await this.handle.write(buffer, done, buffer.length - done, this.position + done);
      done += bytesWritten;
    }
    this.archive.update(buffer);
    this.position += buffer.length;
  }

  /** One entry of exactly `size` bytes from `chunks`; a source that is shorter or longer fails. */
  async add(name: string, size: number, chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<void> {
    await this.write(fileHeader(name, size, this.mtime));
    const hash = createHash('sha256');
    let seen = 0;
    let batch: Buffer[] = [];
    let batched = 0;
    const flush = async () => {
      await this.write(batch.length === 1 ? batch[0]! : Buffer.concat(batch));
      this.onBytes?.(batched);
      batch = [];
      batched = 0;
    };
    for await (const chunk of chunks) {
      if (this.signal?.aborted) throw new JejakError('CANCELLED', 'The backup was cancelled.');
      seen += chunk.length;
      if (seen > size) break;
      hash.update(chunk);
      batch.push(chunk);
      batched += chunk.length;
      if (batched >= BATCH) await flush();
    }
    if (seen !== size)
      throw new JejakError(
        'INTERNAL',
        `${name} changed size while it was copied (${size} bytes expected, ${seen} read).`,
      );
    if (batched > 0) await flush();
    await this.write(padding(size));
    this.written.push({ name, sha256: hash.digest('hex') });
  }

  addBuffer(name: string, data: Buffer): Promise<void> {
    return this.add(name, data.length, [data]);
  }

  /** The manifest, the archive hash and the end blocks; returns what a check must find again. */
  async finish(): Promise<{
    entries: Array<{ name: string; sha256: string }>;
    archiveSha256: string;
    fileSha256: string;
    bytes: number;
  }> {
    const entries = [...this.written];
    await this.addBuffer(MANIFEST_FILE, Buffer.from(manifestText(entries), 'utf8'));
    const archiveSha256 = this.archive.copy().digest('hex');
    await this.addBuffer(ARCHIVE_HASH_FILE, Buffer.from(`${archiveSha256}\n`, 'utf8'));
    await this.write(END_OF_ARCHIVE);
    return { entries, archiveSha256, fileSha256: this.archive.digest('hex'), bytes: this.position };
  }
}
