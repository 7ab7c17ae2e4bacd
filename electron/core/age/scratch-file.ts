import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JejakError } from '../errors';
import { processMayRun } from '../process-alive';
import { releaseNow } from '../release-now';
import type { PositionalReader } from '../packages/platform-node';
import type { PositionalWriter } from '../packages/zip-write';

/**
 * A temporary file that never holds plaintext: pages of 256 KiB, each sealed with AES-256-GCM under
 * a random key that lives only in this object (the blob store's chunked AES-GCM is the model). A
 * ZIP is written into it with the writer's usual positional writes, including going back to fill
 * in an entry's CRC and sizes, and read back in order to be sealed for its recipients; an export's
 * report PDF waits in one while the evidence streams (report/pdf-spool.ts). A page that
 * is written again gets a fresh random nonce; the page number is the associated data, so pages
 * cannot be swapped. Removing the file and forgetting the key leaves nothing readable.
 */

/**
 * `jejak-sealed-<pid>-<6 random>` (a package's ZIP) or `jejak-spool-<pid>-<6 random>` (the report
 * PDF, report.json and notice.json while the evidence streams): the pid tells a later sweep whether
 * its writer may still run.
 */
const SCRATCH_DIR = /^jejak-(?:sealed|spool)-(\d{1,10})-[A-Za-z0-9]{6}$/;

/** What a scratch file holds: its folder's prefix and its name. */
const PURPOSES = {
  package: { prefix: 'jejak-sealed', file: 'package.sealed' },
  report: { prefix: 'jejak-spool', file: 'report.sealed' },
  text: { prefix: 'jejak-spool', file: 'text.sealed' },
} as const;

const PAGE = 256 * 1024;
const NONCE = 12;
const TAG = 16;
const SLOT = NONCE + PAGE + TAG;

export class ScratchFile implements PositionalReader, PositionalWriter {
  size = 0;
  private pagesOnDisk = 0;
  private page: { index: number; data: Buffer; dirty: boolean } | null = null;
  /** where a page read from disk lands before it is opened */
  private slot: Buffer | null = null;
  /** the write of the page flushed last */
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    private readonly handle: FileHandle,
    private readonly key: Buffer,
  ) {}

  static async create(purpose: keyof typeof PURPOSES = 'package'): Promise<ScratchFile> {
    const { prefix, file } = PURPOSES[purpose];
    const dir = await mkdtemp(join(tmpdir(), `${prefix}-${process.pid}-`));
    try {
      return new ScratchFile(dir, await open(join(dir, file), 'wx+', 0o600), randomBytes(32));
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }

  private aad(index: number): Buffer {
    const aad = Buffer.alloc(4);
    aad.writeUInt32BE(index);
    return aad;
  }

  /**
   * Seals the page in memory and starts its write; the write runs while the next page fills. One
   * write at a time: the next flush, a read from disk and dispose wait for it (and see its error).
   */
  private async flush(): Promise<void> {
    const page = this.page;
    if (!page?.dirty) return;
    const nonce = randomBytes(NONCE);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce).setAAD(this.aad(page.index));
    const body = cipher.update(page.data);
    cipher.final();
    const pieces = [nonce, body, cipher.getAuthTag()];
    await this.writing;
    this.writing = this.writeSlot(pieces, page.index);
    this.writing.catch(() => undefined); // its error is thrown where it is awaited next
    this.pagesOnDisk = Math.max(this.pagesOnDisk, page.index + 1);
    page.dirty = false;
  }

  /** One sealed page in one call, without gathering it into a buffer of its own; a short write (rare) is finished from one. */
  private async writeSlot(pieces: Buffer[], index: number): Promise<void> {
    let done = (await this.handle.writev(pieces, index * SLOT)).bytesWritten;
    if (done < SLOT) {
      const slot = Buffer.concat(pieces);
      while (done < SLOT) done += (await this.handle.write(slot, done, SLOT - done, index * SLOT + done)).bytesWritten;
    }
    releaseNow(pieces[1]!); // the sealed page, a new buffer each time (cipher.update)
  }

  private async load(index: number): Promise<Buffer> {
    if (this.page?.index === index) return this.page.data;
    const previous = this.page?.data;
    await this.flush();
    let data: Buffer;
    if (index >= this.pagesOnDisk) {
      // a new page: the one just left is sealed on disk, so its buffer starts this one (cleared)
      data = previous ? previous.fill(0) : Buffer.alloc(PAGE);
    } else {
      const slot = (this.slot ??= Buffer.alloc(SLOT));
      await this.writing; // the page may be the one being written
      const { bytesRead } = await this.handle.read(slot, 0, SLOT, index * SLOT);
      try {
        if (bytesRead !== SLOT) throw new Error('short page');
        const decipher = createDecipheriv('aes-256-gcm', this.key, slot.subarray(0, NONCE)).setAAD(this.aad(index));
        decipher.setAuthTag(slot.subarray(NONCE + PAGE));
        data = decipher.update(slot.subarray(NONCE, NONCE + PAGE));
        decipher.final(); // throws when the page does not authenticate; AES-GCM adds no bytes here
      } catch {
        throw new JejakError(
          'INTEGRITY',
          'The temporary encrypted copy of the package was changed while it was being written.',
        );
      }
    }
    this.page = { index, data, dirty: false };
    // A page read back is a new buffer (decipher.update has no form that fills one given): the one
    // left, cleared, goes at once. Left to the collector, the 3,000-item export's end held about
    // 25 MiB of them while its report PDF was read back.
    if (previous && previous !== data) releaseNow(previous.fill(0));
    return data;
  }

  async write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }> {
    if (position > this.size) throw new JejakError('INTERNAL', 'The scratch file is written without gaps.');
    for (let done = 0; done < length;) {
      const at = position + done;
      const data = await this.load(Math.floor(at / PAGE));
      const part = buffer.subarray(offset + done, offset + Math.min(length, done + PAGE - (at % PAGE)));
      data.set(part, at % PAGE);
      (this.page as { dirty: boolean }).dirty = true;
      done += part.length;
    }
    this.size = Math.max(this.size, position + length);
    return { bytesWritten: length };
  }

  async read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    const want = Math.max(0, Math.min(length, this.size - position));
    for (let done = 0; done < want;) {
      const at = position + done;
      const data = await this.load(Math.floor(at / PAGE));
      done += data.copy(buffer, offset + done, at % PAGE, Math.min(PAGE, (at % PAGE) + want - done));
    }
    return { bytesRead: want };
  }

  async dispose(): Promise<void> {
    this.key.fill(0);
    this.page?.data.fill(0);
    this.page = null;
    await this.writing.catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Removes the scratch folders of package writes and exports whose process was killed. They hold only
 * pages sealed under a key that died with that process, so nothing is audited; this frees the disk
 * (a scratch file is as large as the package). Returns the folders removed.
 */
export function removeStaleScratch(dir = tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const pid = Number(SCRATCH_DIR.exec(name)?.[1] ?? 0);
    if (!pid || pid === process.pid || processMayRun(pid)) return false;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      return true;
    } catch {
      // not ours to remove (permissions): the next sweep tries again
      return false;
    }
  });
}
