import type { FileHandle } from 'node:fs/promises';

/** Dirty bytes after which the disk is set to work on them. */
const WRITEBACK_EVERY = 64 * 1024 * 1024;

/**
 * A file being written whose bytes start for the disk while the rest is still being made. Linux
 * leaves written pages in memory until a tenth of RAM is dirty, so a package's one fsync at the end
 * used to wait for the whole file (0.58 s of a 1 GiB export here, the CPU idle; a large original's
 * intake waited the same way). Every 64 MiB a datasync starts on the thread pool, one at a time
 * and never awaited by the writes: the final sync finds little left. An early sync's failure is
 * kept and thrown by `settled()`, which the caller awaits before its final sync: Linux reports a
 * write-back error to a descriptor once, so the final sync alone might never see it.
 */
export class EarlyWriteback {
  private dirty = 0;
  private syncing: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly handle: FileHandle) {}

  async write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    /** null: at the file's own position, after the last write that had none */
    position: number | null,
  ): Promise<{ bytesWritten: number }> {
    const written = await this.handle.write(buffer, offset, length, position);
    this.wrote(written.bytesWritten);
    return written;
  }

  async writev(buffers: Uint8Array[], position?: number): Promise<{ bytesWritten: number }> {
    const written = await this.handle.writev(buffers, position);
    this.wrote(written.bytesWritten);
    return written;
  }

  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    return this.handle.read(buffer, offset, length, position);
  }

  private wrote(bytes: number): void {
    this.dirty += bytes;
    if (this.dirty >= WRITEBACK_EVERY && !this.syncing) {
      this.dirty = 0;
      this.syncing = this.handle
        .datasync()
        .catch((e: unknown) => {
          this.failure ??= e;
        })
        .finally(() => (this.syncing = null));
    }
  }

  /** Waits for an early sync still running (the file is not closed under it); throws the first that failed. */
  async settled(): Promise<void> {
    await this.syncing;
    if (this.failure) throw this.failure;
  }
}
