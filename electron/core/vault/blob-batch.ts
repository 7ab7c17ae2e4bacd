import { createHash } from 'node:crypto';
import { closeSync, rmSync } from 'node:fs';
import { fsyncDirectoryAsync, fsyncOffThread } from '../fs-atomic';
import type { BlobStore, StoredBlob } from './blob-store';
import { OffThreadDigest } from '../off-thread-digest';

/** A blob of the batch, hashed (MD5 too when asked), sealed and written on the hashing worker. */
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

/**
 * An original up to this size has its SHA-256 taken on this thread (0.16 ms for a 320 KB
 * screenshot here, 2.0 ms for 4 MiB), the rest of its work on the worker. With all of it there,
 * the worker was the bottleneck of a batch of screenshots (busy 1.43-1.49 s of 1.50-1.55 s for
 * 1,000 × 320 KB, this thread 0.81-0.87 s); split so, 1.26-1.35 s, the worker 1.08-1.17 s and this
 * thread 0.94-1.01 s. A larger original (to 64 MiB) would hold this thread too long: its SHA-256
 * stays on the worker.
 */
const HASHED_HERE_BYTES = 4 * 1024 * 1024;

/**
 * Many originals made durable with one barrier instead of one per file. `add` moves each original
 * to the hashing worker, which hashes it (SHA-512, CRC-32, MD5 when asked, and SHA-256 of a large
 * one), encrypts it and writes its temp file (into the page cache): this thread reads files, takes
 * a small original's SHA-256 (HASHED_HERE_BYTES) and keeps rows. A profile of 500 × 320 KB taken
 * in had this thread busy 94% of the time when it sealed and wrote each file itself: creating the
 * temp files 0.9 ms each (waiting on the journal behind the previous batch's fsyncs), SHA-256 0.7
 * ms, AES 0.5 ms (under the profiler).
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
  /** every add's answer, settled before the barrier (its file is written only then) */
  private readonly answers: Array<Promise<unknown>> = [];
  private closed = false;

  constructor(private readonly store: BlobStore) {}

  /**
   * Hashes, encrypts and writes bytes on the worker; `existed` when the vault or this batch holds
   * them already (their copy is then removed). The bytes are moved to the worker (not copied), so
   * the caller takes them from the answer.
   */
  add(bytes: Uint8Array, md5: boolean): Promise<BatchedBlob> {
    if (this.closed) throw new Error('BlobBatch already made durable');
    const size = bytes.length;
    const sealing = this.store.sealingFor(size);
    const hashedHere = size <= HASHED_HERE_BYTES ? createHash('sha256').update(bytes).digest('hex') : null;
    const digest = new OffThreadDigest({ sha256: hashedHere === null, sha512: true, md5, crc32: true });
    const answer = digest.finishWith(bytes, sealing).then(({ digests: d, bytes: back, fd }) => {
      const sha256 = hashedHere ?? d.sha256!;
      const name = this.store.nameFor(sha256);
      const existed = this.names.has(name) || this.store.has(name);
      const file = { blob: { name }, tempPath: sealing.path, fd: fd! };
      if (existed) this.remove(file);
      else {
        this.names.add(name);
        this.pending.push(file);
      }
      return {
        stored: { name, sha256, sha512: d.sha512!, crc32: d.crc32!, size, existed },
        md5: d.md5,
        bytes: Buffer.from(back.buffer, back.byteOffset, back.byteLength),
      };
    });
    this.answers.push(answer.catch(() => undefined));
    return answer;
  }

  /** The durability barrier: every write finished and fsynced, renamed into place, its directory fsynced. */
  async durable(): Promise<void> {
    this.closed = true;
    await Promise.all(this.answers);
    const results = await Promise.allSettled(this.pending.map((p) => fsyncOffThread(p.fd)));
    this.closeFiles();
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) {
      this.removeTemps();
      throw (failed as PromiseRejectedResult).reason;
    }
    // Off the thread: a profile caught this loop, synchronous, holding the thread 90 ms while another large write ran.
    const shards = new Set<string>();
    const moved = await Promise.allSettled(
      this.pending.map(async (p) => {
        const shard = await this.store.moveIntoPlace(p.tempPath, p.blob.name);
        if (shard) shards.add(shard);
      }),
    );
    // every move ended, one way or the other, before a failure goes to the caller (who discards the batch)
    const notMoved = moved.find((r) => r.status === 'rejected');
    if (notMoved) throw (notMoved as PromiseRejectedResult).reason;
    await Promise.all([...shards].map(fsyncDirectoryAsync));
  }

  /** Gives up the batch: temp files removed, nothing renamed. */
  async discard(): Promise<void> {
    this.closed = true;
    await Promise.all(this.answers);
    this.closeFiles();
    this.removeTemps();
  }

  private remove(file: Pending): void {
    closeSync(file.fd);
    rmSync(file.tempPath, { force: true });
  }

  private closeFiles(): void {
    for (const p of this.pending) if (p.fd >= 0) closeSync(p.fd);
    for (const p of this.pending) p.fd = -1;
  }

  private removeTemps(): void {
    for (const p of this.pending) rmSync(p.tempPath, { force: true });
  }
}
