import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OffThreadDigest } from '../../../electron/core/off-thread-digest';
import { fileKey, newBlobHeader, sealChunk } from '../../../electron/core/vault/blob-cipher';
import { newVault } from '../../fixtures/temp';

const ask = { sha256: true, sha512: true, md5: false, crc32: true };
const patterned = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 131 + (i >> 20)) % 251));

/** Reads an original through the hashing worker, as an export does: bytes copied out per chunk (each is reused after). */
async function readThrough(session: Awaited<ReturnType<typeof newVault>>['session'], name: string) {
  const digest = new OffThreadDigest(ask);
  const parts: Buffer[] = [];
  try {
    for await (const chunk of session.blobs.readHashed(name, digest)) parts.push(Buffer.from(chunk));
  } catch (e) {
    digest.abandon();
    throw e;
  }
  return { bytes: Buffer.concat(parts), chunks: parts.length, digests: await digest.digest() };
}

describe('reading an original through the hashing worker (decrypted and hashed there)', () => {
  it('gives the exact bytes and their hashes, whatever the size', async () => {
    const { session } = await newVault();
    for (const size of [0, 1, 1024 * 1024, 6 * 1024 * 1024 + 5]) {
      const original = patterned(size);
      const stored = await session.blobs.put(original);
      const { bytes, digests } = await readThrough(session, stored.name);
      expect(bytes.equals(original)).toBe(true);
      expect(digests.sha256).toBe(stored.sha256);
      expect(digests.sha512).toBe(stored.sha512);
      expect(digests.crc32).toBe(crc32(original));
    }
    session.close('test');
  });

  it('stops at a changed chunk with an integrity error, none of its bytes out, and leaks no buffer doing so', async () => {
    const { session } = await newVault();
    const stored = await session.blobs.put(Buffer.alloc(6 * 1024 * 1024, 7));
    const path = session.blobs.pathOf(stored.name);
    const genuine = readFileSync(path);
    const damaged = Buffer.from(genuine);
    damaged[32 + 2 * (1024 * 1024 + 16) + 100]! ^= 0x01; // inside chunk 2
    writeFileSync(path, damaged);
    // The pool holds 16 buffers: a failure that kept the 4 read ahead would starve the reads after it.
    for (let i = 0; i < 6; i++) {
      const released: Buffer[] = [];
      const digest = new OffThreadDigest(ask);
      await expect(async () => {
        for await (const chunk of session.blobs.readHashed(stored.name, digest)) released.push(Buffer.from(chunk));
      }).rejects.toMatchObject({ code: 'INTEGRITY', message: expect.stringMatching(/integrity check \(chunk 2\)/) });
      digest.abandon();
      expect(released.map((c) => c.length)).toEqual([1024 * 1024, 1024 * 1024]);
      expect(released.every((c) => c.every((byte) => byte === 7))).toBe(true);
    }
    writeFileSync(path, genuine);
    const { digests } = await readThrough(session, stored.name);
    expect(digests.sha256).toBe(
      createHash('sha256')
        .update(Buffer.alloc(6 * 1024 * 1024, 7))
        .digest('hex'),
    );
    session.close('test');
  });

  it('refuses a file cut at a chunk boundary (its last chunk is not marked last) and a missing one', async () => {
    const { session } = await newVault();
    const stored = await session.blobs.put(Buffer.alloc(2 * 1024 * 1024 + 5, 1));
    const path = session.blobs.pathOf(stored.name);
    writeFileSync(path, readFileSync(path).subarray(0, 32 + 2 * (1024 * 1024 + 16)));
    await expect(readThrough(session, stored.name)).rejects.toMatchObject({
      code: 'INTEGRITY',
      message: expect.stringMatching(/chunk 1/),
    });
    await expect(readThrough(session, 'ab'.repeat(32))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    session.close('test');
  });

  it('reads a blob written with chunks larger than a pool buffer (2 MiB), opening them on this thread', async () => {
    const { session } = await newVault();
    const original = patterned(3 * 1024 * 1024 + 5);
    const header = newBlobHeader(21);
    const key = fileKey(session.blobs['blobKey'], header);
    const chunks = [original.subarray(0, 2 * 1024 * 1024), original.subarray(2 * 1024 * 1024)];
    const sealed = chunks.flatMap((plain, i) => sealChunk(key, header, i, i === chunks.length - 1, plain));
    const sha256 = createHash('sha256').update(original).digest('hex');
    const name = session.blobs.nameFor(sha256);
    mkdirSync(dirname(session.blobs.pathOf(name)), { recursive: true });
    writeFileSync(session.blobs.pathOf(name), Buffer.concat([header.bytes, ...sealed]));
    const { bytes, chunks: count, digests } = await readThrough(session, name);
    expect(count).toBe(2);
    expect(bytes.equals(original)).toBe(true);
    expect(digests.sha256).toBe(sha256);
    expect(digests.crc32).toBe(crc32(original));
    session.close('test');
  });

  it('a caller that stops early gets every buffer back to the pool', async () => {
    const { session } = await newVault();
    const stored = await session.blobs.put(Buffer.alloc(8 * 1024 * 1024, 3));
    // more than the pool's 16 buffers: one kept by each stop would starve the reads after them
    for (let i = 0; i < 20; i++) {
      const digest = new OffThreadDigest(ask);
      for await (const _chunk of session.blobs.readHashed(stored.name, digest)) break;
      digest.abandon();
    }
    const { bytes } = await readThrough(session, stored.name);
    expect(bytes.length).toBe(8 * 1024 * 1024);
    session.close('test');
  });

  it('keeps the calling thread mostly free: the decryption and hashing happen on the worker', async () => {
    const { session } = await newVault();
    const stored = await session.blobs.put(Buffer.alloc(64 * 1024 * 1024, 9));
    const inThread = async () => {
      const sha256 = createHash('sha256');
      for await (const chunk of session.blobs.read(stored.name)) sha256.update(chunk);
      return sha256.digest('hex');
    };
    const throughWorker = async () => {
      const digest = new OffThreadDigest(ask);
      for await (const _chunk of session.blobs.readHashed(stored.name, digest));
      return (await digest.digest()).sha256;
    };
    await inThread(); // both paths warmed up, their code compiled and the worker started
    await throughWorker();
    const busy = async (read: () => Promise<string | null>) => {
      const before = performance.eventLoopUtilization();
      expect(await read()).toBe(stored.sha256);
      return performance.eventLoopUtilization(before).active;
    };
    // The least of three runs each: other test files share the two cores and stretch single runs.
    const least = async (read: () => Promise<string | null>) =>
      Math.min(await busy(read), await busy(read), await busy(read));
    const inThreadMs = await least(inThread);
    const workerMs = await least(throughWorker);
    // Read, decrypted and hashed here, the same original held this thread inThreadMs.
    expect(workerMs).toBeLessThan(inThreadMs / 2);
    session.close('test');
  });
});
