import { tmpdir } from 'node:os';
import { ScratchFile } from '../age/scratch-file';
import { crc32 } from '../crc32';
import { asUnwritable } from '../packages/zip-write';
import { releaseNow } from '../release-now';
import type { LaterBytes } from '../packages/write-payload';

/** How much is read back at a time. */
const READ_BYTES = 1024 * 1024;

/**
 * The report PDF as the drawing worker sends it, kept sealed on disk (a ScratchFile: pages under a
 * key that lives only here) until the package writer reaches it, after the evidence. Held in
 * memory instead, it grew with the case: 5.6 MB for 500 items, 33.7 MB for 3,000 (this machine's
 * bench cases), and an export's memory should not.
 *
 * Writes are queued in order (`add` never waits); `settled` and `chunks` wait for them and fail
 * with the first write's error. The caller disposes of it: the file goes, and its key with it.
 */
export class PdfSpool implements LaterBytes {
  size = 0;
  /** taken as the blocks arrive: an encrypted export writes the PDF's entry header first with it */
  crc32 = 0;
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly file: ScratchFile) {}

  static async create(): Promise<PdfSpool> {
    try {
      return new PdfSpool(await ScratchFile.create('report'));
    } catch (e) {
      throw asUnwritable(e, tmpdir(), "The report's sealed temporary copy");
    }
  }

  /** Takes `bytes` (a block moved here from the drawing thread): released once written, not left to the collector. */
  add(bytes: Uint8Array): void {
    const at = this.size;
    this.size += bytes.length;
    this.crc32 = crc32(bytes, this.crc32);
    this.writing = this.writing.then(async () => {
      await this.file.write(bytes, 0, bytes.length, at);
      releaseNow(bytes);
    });
    this.writing.catch(() => undefined); // thrown where it is awaited: settled or chunks
  }

  /** Every byte added is in the file (or the first write's error). */
  settled(): Promise<void> {
    return this.writing;
  }

  async *chunks(): AsyncIterable<Buffer> {
    await this.writing;
    for (let at = 0; at < this.size; at += READ_BYTES) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_BYTES, this.size - at));
      await this.file.read(chunk, 0, chunk.length, at);
      yield chunk;
    }
  }

  async dispose(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.file.dispose();
  }
}
