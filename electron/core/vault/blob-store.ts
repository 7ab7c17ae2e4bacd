import { createHash, createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writevSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from '../crc32';
import { JejakError } from '../errors';
import { type BlobSealing, OffThreadDigest } from '../off-thread-digest';
import { EarlyWriteback } from '../early-writeback';
import { fsyncDirectoryAsync, fsyncOffThread } from '../fs-atomic';
import { BlobShards } from './blob-shards';
import { processMayRun } from '../process-alive';
import { sealFile } from './seal-file';
import { HEADER_BYTES, TAG_BYTES, chunkNonce, fileKey, newBlobHeader, openChunk, sealChunk } from './blob-cipher';
import { openBlobFile } from './blob-file';
import { readHashed } from './blob-read-hashed';

export interface StoredBlob {
  /** file name: HMAC(blob-name key, sha256), hex */
  name: string;
  sha256: string;
  sha512: string;
  size: number;
  /** CRC-32 of the original's bytes, as a ZIP entry records it (taken with the hashes, about 70 ms a GiB) */
  crc32: number;
  /** an identical original was already stored; nothing new was written */
  existed: boolean;
}

/** An original hashed and encrypted in memory; `parts` (the file's bytes) is null when already stored. */
export interface SealedBlob extends Omit<StoredBlob, 'existed' | 'sha512' | 'crc32'> {
  parts: Uint8Array[] | null;
}

/** Bytes in memory, a stream, or a file on disk by its path (read with no copy, see sealFile). */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array> | { path: string };

const TEMP_DIR = 'tmp';

/** Encrypted, content-addressed originals: written once, never changed, read back verified. */
export class BlobStore {
  private readonly shards: BlobShards;

  constructor(
    readonly dir: string,
    private readonly blobKey: Buffer,
    private readonly nameKey: Buffer,
  ) {
    mkdirSync(join(dir, TEMP_DIR), { recursive: true, mode: 0o700 });
    this.shards = new BlobShards(dir);
  }

  nameFor(sha256: string): string {
    return createHmac('sha256', this.nameKey).update(Buffer.from(sha256, 'hex')).digest('hex');
  }

  pathOf(name: string): string {
    if (!/^[0-9a-f]{64}$/.test(name)) throw new JejakError('INVALID_INPUT', 'Not a blob name.');
    return join(this.shards.folderOf(name), name);
  }

  has(name: string): boolean {
    return existsSync(this.pathOf(name));
  }

  /**
   * Leftovers of writes cut short by a crash: never referenced, safe to remove at unlock. A temp
   * file whose writer still runs (the desktop app while `jejak backup` unlocks) is left alone.
   */
  removeTempFiles(): number {
    const tempDir = join(this.dir, TEMP_DIR);
    const stale = readdirSync(tempDir).filter((n) => {
      const pid = /^(\d+)-/.exec(n)?.[1];
      return !pid || !processMayRun(Number(pid));
    });
    for (const n of stale) rmSync(join(tempDir, n), { force: true });
    return stale.length;
  }

  /** `<pid>-<random>`: the writer's pid tells removeTempFiles whether it may still be writing. */
  tempPath(): string {
    return join(this.dir, TEMP_DIR, `${process.pid}-${randomBytes(12).toString('hex')}`);
  }

  /**
   * Hashes (SHA-256, SHA-512) and encrypts in the same single pass over the source, so the bytes
   * hashed are exactly the bytes stored even if the source file changes while we read it. The
   * encrypted file is fsynced and renamed into place before this resolves; the caller's database
   * row commits after, so a crash leaves at worst an unreferenced blob, never a row without one.
   */
  async put(source: ByteSource, signal?: AbortSignal): Promise<StoredBlob> {
    if (source instanceof Uint8Array) return this.putBytes(source);
    if ('path' in source) {
      const tempPath = this.tempPath();
      const sealed = await sealFile(this.blobKey, source.path, tempPath, signal);
      return this.commit(tempPath, sealed);
    }
    const header = newBlobHeader();
    const key = fileKey(this.blobKey, header);
    // Streams (a package, a decision received; large originals come by path): SHA-512 and CRC-32 on the second
    // core while this thread does SHA-256 (the CPU has instructions for it only) and the encryption.
    const sha256 = createHash('sha256');
    const offThread = new OffThreadDigest({ sha256: false, sha512: true, md5: false, crc32: true });
    const tempPath = this.tempPath();
    const file = await open(tempPath, 'wx', 0o600);
    const out = new EarlyWriteback(file);
    let size = 0;
    let counter = 0;
    const chunk = Buffer.allocUnsafe(header.chunkSize);
    let filled = 0;
    let pendingFull = false; // a full chunk waits: it is the last one only if no byte follows
    // One write stays in flight while the next chunk is hashed and encrypted, so the disk and
    // the CPU work at the same time.
    let inFlight: Promise<unknown> = out.write(header.bytes, 0, header.bytes.length, null);
    try {
      const flush = async (last: boolean, length: number) => {
        const [body, tag] = sealChunk(key, header, counter++, last, chunk.subarray(0, length));
        await inFlight;
        inFlight = out.writev([body!, tag!]);
      };
      for await (const piece of source) {
        if (signal?.aborted) throw new JejakError('CANCELLED', 'Cancelled.');
        sha256.update(piece);
        await offThread.update(piece);
        size += piece.length;
        let offset = 0;
        while (offset < piece.length) {
          if (pendingFull) {
            await flush(false, header.chunkSize);
            pendingFull = false;
            filled = 0;
          }
          const take = Math.min(header.chunkSize - filled, piece.length - offset);
          chunk.set(piece.subarray(offset, offset + take), filled);
          filled += take;
          offset += take;
          if (filled === header.chunkSize) pendingFull = true;
        }
      }
      await flush(true, filled);
      await inFlight;
      await out.settled();
      await file.sync();
    } catch (e) {
      offThread.abandon();
      await inFlight.catch(() => undefined);
      await out.settled().catch(() => undefined);
      await file.close();
      await rm(tempPath, { force: true });
      throw e;
    }
    await file.close();
    const { sha512, crc32 } = await offThread.digest();
    return this.commit(tempPath, { sha256: sha256.digest('hex'), sha512: sha512!, crc32: crc32!, size });
  }

  /**
   * Hashes (SHA-256, which names it) and encrypts bytes in memory: what the blob file will hold, not
   * yet written. `parts` is null when the same content is already stored (nothing to encrypt or write).
   */
  seal(bytes: Uint8Array): SealedBlob {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = this.nameFor(sha256);
    const blob = { name, sha256, size: bytes.length };
    if (existsSync(this.pathOf(name))) return { ...blob, parts: null };
    const header = newBlobHeader();
    const key = fileKey(this.blobKey, header);
    const parts: Uint8Array[] = [header.bytes];
    const chunks = Math.max(1, Math.ceil(bytes.length / header.chunkSize));
    for (let i = 0; i < chunks; i++) {
      const plain = bytes.subarray(i * header.chunkSize, (i + 1) * header.chunkSize);
      parts.push(...sealChunk(key, header, i, i === chunks - 1, plain));
    }
    return { ...blob, parts };
  }

  /**
   * How a new file of `size` bytes is sealed by another thread (batch intake's hashing worker): a
   * fresh header and file key, each chunk's nonce, and a temp file to write.
   */
  sealingFor(size: number): BlobSealing {
    const header = newBlobHeader();
    const chunks = Math.max(1, Math.ceil(size / header.chunkSize));
    const nonces = Array.from({ length: chunks }, (_, i) => chunkNonce(i, i === chunks - 1));
    const key = fileKey(this.blobKey, header);
    return { key, header: header.bytes, chunkSize: header.chunkSize, nonces, path: this.tempPath() };
  }

  /**
   * Bytes already in memory (a screenshot, a paste): hashed, sealed and written here (a few
   * milliseconds for a screenshot), the fsyncs off the thread. With the fsync here, one intake held
   * the thread as long as the disk took: 25-52 ms at worst in the bench's 1,000 intakes one by one.
   * Many files at once go through a BlobBatch.
   */
  private async putBytes(bytes: Uint8Array): Promise<StoredBlob> {
    const { parts, ...sealed } = this.seal(bytes);
    const blob = { ...sealed, sha512: createHash('sha512').update(bytes).digest('hex'), crc32: crc32(bytes) };
    // The same content already stored: nothing to write or sync.
    if (!parts) return { ...blob, existed: true };
    const tempPath = this.tempPath();
    const fd = openSync(tempPath, 'wx', 0o600);
    try {
      writevSync(fd, parts);
      await fsyncOffThread(fd);
    } catch (e) {
      closeSync(fd);
      rmSync(tempPath, { force: true });
      throw e;
    }
    closeSync(fd);
    return this.commit(tempPath, blob);
  }

  /** Moves a finished temp file to its content name and makes that durable, unless the content is stored already (`existed`). */
  private async commit(tempPath: string, digests: Omit<StoredBlob, 'name' | 'existed'>): Promise<StoredBlob> {
    const name = this.nameFor(digests.sha256);
    const shard = await this.moveIntoPlace(tempPath, name);
    if (shard) await fsyncDirectoryAsync(shard);
    return { ...digests, name, existed: shard === null };
  }

  /**
   * Moves a written and fsynced temp file to the blob name `name`, off the thread (while the disk
   * flushes, a rename or mkdir waits for the file system's journal). Resolves to the shard folder,
   * whose fsync is the caller's (a batch does one per folder), or to null when that content is stored
   * already (written meanwhile by another process, the CLI beside the app): the temp file is removed.
   */
  async moveIntoPlace(tempPath: string, name: string): Promise<string | null> {
    const finalPath = this.pathOf(name);
    if (existsSync(finalPath)) {
      await rm(tempPath, { force: true }); // rmSync of 868 MiB held the thread 210 ms
      return null;
    }
    const shard = await this.shards.ready(name); // made before the file moves in
    await rename(tempPath, finalPath);
    return shard;
  }

  /**
   * Yields the original bytes one authenticated chunk at a time. A changed, truncated or swapped
   * file fails with an INTEGRITY error before any byte of the bad chunk is released; with
   * `expectedSha256` the whole stream is also checked against the catalogued hash at the end.
   */
  async *read(name: string, expectedSha256?: string): AsyncGenerator<Buffer> {
    const { file, header, fileSize, fail } = await openBlobFile(this.pathOf(name), name);
    // The next chunk is read (on libuv's threads) while this one is decrypted and hashed here, into
    // the other of two buffers: 256 MiB read in 490-606 ms with one buffer, read and then decrypted.
    let reading: Promise<Buffer> | null = null;
    try {
      const key = fileKey(this.blobKey, header);
      const sealedSize = header.chunkSize + TAG_BYTES;
      const buffers = [Buffer.allocUnsafe(sealedSize), Buffer.allocUnsafe(sealedSize)];
      const chunks = Math.max(1, Math.ceil((fileSize - HEADER_BYTES) / sealedSize));
      const readChunk = async (counter: number) => {
        const position = HEADER_BYTES + counter * sealedSize;
        const length = Math.min(sealedSize, fileSize - position);
        const buffer = buffers[counter % 2]!.subarray(0, length);
        const { bytesRead } = await file.read(buffer, 0, length, position);
        if (bytesRead !== length) throw fail('short read');
        return buffer;
      };
      const hash = expectedSha256 ? createHash('sha256') : null;
      for (let counter = 0; counter < chunks; counter++) {
        const sealed = await (reading ?? readChunk(counter));
        reading = counter + 1 < chunks ? readChunk(counter + 1) : null;
        const plain = openChunk(key, header, counter, counter === chunks - 1, sealed);
        if (!plain) throw fail(`chunk ${counter}`);
        hash?.update(plain);
        yield plain;
      }
      if (hash && hash.digest('hex') !== expectedSha256) throw fail('content does not match its catalogued SHA-256');
    } finally {
      await reading?.catch(() => undefined); // stopped early: the read in flight ends before the file closes
      await file.close();
    }
  }

  /**
   * The original's bytes, decrypted and hashed into `digest` on the hashing worker (nothing of them is
   * decrypted, copied or hashed on this thread); see readHashed. Its hashes are the caller's to check.
   */
  readHashed(name: string, digest: OffThreadDigest): AsyncGenerator<Uint8Array> {
    return readHashed(this.pathOf(name), name, this.blobKey, digest, () => this.read(name));
  }

  async readAll(name: string, expectedSha256?: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.read(name, expectedSha256)) parts.push(part);
    return Buffer.concat(parts);
  }
}
