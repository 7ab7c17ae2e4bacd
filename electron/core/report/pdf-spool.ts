import { tmpdir } from 'node:os';
import { ScratchFile } from '../age/scratch-file';
import { crc32 } from '../crc32';
import { asUnwritable } from '../packages/write-atomically';
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
  /** the drawing thread's, of every byte it sent (`drawn`): the bytes are not hashed again */
  sha256 = '';
  sha512 = '';
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

  /** The drawing is over: the digests of every byte it sent. */
  drawn(digests: { sha256: string; sha512: string }): void {
    this.sha256 = digests.sha256;
    this.sha512 = digests.sha512;
  }

  /** Every byte added is in the file (or the first write's error). */
  settled(): Promise<void> {
    return this.writing;
  }

  /** The bytes in order, each read into the same buffer (LaterBytes: a chunk is used before the next is asked for). */
  async *chunks(): AsyncIterable<Buffer> {
    await this.writing;
    const buffer = Buffer.allocUnsafeSlow(Math.min(READ_BYTES, this.size));
    for (let at = 0; at < this.size; at += READ_BYTES) {
      const chunk = buffer.subarray(0, Math.min(READ_BYTES, this.size - at));
      await this.file.read(chunk, 0, chunk.length, at);
      yield chunk;
    }
    releaseNow(buffer);
  }

  async dispose(): Promise<void> {
    await this.writing.catch(() => undefined);
    await this.file.dispose();
  }
}
