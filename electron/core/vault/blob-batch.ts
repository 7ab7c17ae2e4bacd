import { closeSync, existsSync, fsync, mkdirSync, openSync, renameSync, rmSync, writevSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { fsyncDirectoryAsync } from '../fs-atomic';
import type { BlobStore, StoredBlob } from './blob-store';
import { OffThreadDigest } from '../off-thread-digest';

/** A blob of the batch, its SHA-512 (and MD5 when asked) worked out on the second core. */
export interface BatchedBlob {
  stored: StoredBlob;
  md5: string | null;
  /** the original's bytes, back from the worker */
  bytes: Buffer;
}

interface Pending {
  blob: { name: string };
  tempPath: string;
  /** the temp file, open and written (into the page cache, not yet synced) */
  fd: number;
}

const fsyncAsync = promisify(fsync);

/**
 * Many originals made durable with one barrier instead of one per file. `add` hashes, encrypts
 * and writes each to its temp file with synchronous calls (into the page cache, a fraction of a
 * millisecond for a screenshot: a CPU profile of 1,000 × 320 KB put async open and writev at 410
 * ms of this thread's 2.7 s, a thread hand-off per call while the other core hashes);
 * `durable` fsyncs the files concurrently on libuv's threads, renames them into place and fsyncs
 * each shard directory once. Only then may the caller commit the rows that point to them, so a
 * crash leaves at worst unreferenced blobs (or temp files, which unlock removes), never a row
 * without its blob.
 *
 * Files with a shared barrier, not segment files (small originals packed into one file, one
 * fsync), though segments measured better on this disk (tests/bench/_disk-probe.ts, 9 runs on a
 * loaded machine): 1,000 × 320 KB appended to one segment and fsynced took 177–1,861 ms, written
 * as files and fsynced concurrently 539–1,881 ms (the segment faster in 7 runs of 9), each file
 * fsynced in turn 972–5,524 ms. Most of the gap is creating 1,000 files (40–1,030 ms of kernel
 * time here). Segments change the blob layout (a migration; reads, purge, backup and key rotation
 * learning offsets in a shared file), which this change does not take on: batching keeps the
 * layout and removes the per-file wait, the larger part of the cost.
 */
export class BlobBatch {
  private readonly pending: Pending[] = [];
  private readonly names = new Set<string>();
  private closed = false;

  constructor(private readonly store: BlobStore) {}

  get size(): number {
    return this.pending.length;
  }

  /**
   * Hashes and encrypts bytes and starts writing them; `existed` when the vault or this batch holds
   * them already. The answer comes when the worker has the SHA-512 (and the MD5 when `md5`); the
   * bytes are moved to it (not copied) once sealed here, so the caller takes them from the answer.
   */
  add(bytes: Uint8Array, md5: boolean): Promise<BatchedBlob> {
    if (this.closed) throw new Error('BlobBatch already made durable');
    const { parts, ...hashed } = this.store.seal(bytes);
    // SHA-512 (and MD5, for the hash lists) on the second core; SHA-256 named the blob here
    const digests = new OffThreadDigest({ sha256: false, sha512: true, md5, crc32: false }).finishWith(bytes);
    const existed = !parts || this.names.has(hashed.name);
    const answer = digests.then(({ digests: d, bytes: back }) => ({
      stored: { ...hashed, sha512: d.sha512!, existed },
      md5: d.md5,
      bytes: Buffer.from(back.buffer, back.byteOffset, back.byteLength),
    }));
    if (existed) return answer;
    this.names.add(hashed.name);
    const tempPath = this.store.tempPath();
    const fd = openSync(tempPath, 'wx', 0o600);
    try {
      writevSync(fd, parts!);
    } catch (e) {
      closeSync(fd);
      rmSync(tempPath, { force: true });
      throw e;
    }
    this.pending.push({ blob: hashed, tempPath, fd });
    return answer;
  }

  /** The durability barrier: every write finished and fsynced, renamed into place, its directory fsynced. */
  async durable(): Promise<void> {
    this.closed = true;
    const results = await Promise.allSettled(this.pending.map((p) => fsyncAsync(p.fd)));
    this.closeFiles();
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) {
      this.removeTemps();
      throw (failed as PromiseRejectedResult).reason;
    }
    const shards = new Set<string>();
    for (const p of this.pending) {
      const finalPath = this.store.pathOf(p.blob.name);
      // Written meanwhile by another process (the CLI beside the app): the same content is already safe.
      if (existsSync(finalPath)) {
        rmSync(p.tempPath, { force: true });
        continue;
      }
      const shard = join(this.store.dir, p.blob.name.slice(0, 2));
      if (!shards.has(shard)) mkdirSync(shard, { recursive: true, mode: 0o700 });
      renameSync(p.tempPath, finalPath);
      shards.add(shard);
    }
    await Promise.all([...shards].map(fsyncDirectoryAsync));
  }

  /** Gives up the batch: temp files removed, nothing renamed. */
  async discard(): Promise<void> {
    this.closed = true;
    this.closeFiles();
    this.removeTemps();
  }

  private closeFiles(): void {
    for (const p of this.pending) if (p.fd >= 0) closeSync(p.fd);
    for (const p of this.pending) p.fd = -1;
  }

  private removeTemps(): void {
    for (const p of this.pending) rmSync(p.tempPath, { force: true });
  }
}
