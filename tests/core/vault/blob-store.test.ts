import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOriginal, storeOriginal } from '../../../electron/core/vault/originals';
import { newVault } from '../../fixtures/temp';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function* pieces(total: number, piece: number) {
  for (let done = 0; done < total; done += piece) yield Buffer.alloc(Math.min(piece, total - done), done % 256);
}

describe('blob store', () => {
  it('gives back the exact bytes, with SHA-256 and SHA-512 of the original', async () => {
    const { session } = await newVault();
    const bytes = Buffer.from(Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, i) => (i * 31) % 256));
    const stored = await session.blobs.put(bytes);
    expect(stored.sha256).toBe(sha256(bytes));
    expect(stored.sha512).toBe(createHash('sha512').update(bytes).digest('hex'));
    expect(stored.size).toBe(bytes.length);
    expect((await session.blobs.readAll(stored.name, stored.sha256)).equals(bytes)).toBe(true);
    session.close('test');
  });

  it('lets the thread answer while bytes from memory are written and made durable', async () => {
    const { session } = await newVault();
    let turns = 0;
    const count = () => {
      turns++;
      if (!done) setImmediate(count);
    };
    let done = false;
    setImmediate(count);
    const stored = await session.blobs.put(Buffer.alloc(320 * 1024, 7));
    done = true;
    // written, fsynced and moved into place with synchronous calls, no turn would come before this
    expect(turns).toBeGreaterThan(0);
    expect(session.blobs.has(stored.name)).toBe(true);
    session.close('test');
  });

  it('stores empty files and exact multiples of the chunk size', async () => {
    const { session } = await newVault();
    for (const size of [0, 1, 1024 * 1024, 2 * 1024 * 1024]) {
      const stored = await session.blobs.put(pieces(size, 65536));
      const back = await session.blobs.readAll(stored.name, stored.sha256);
      expect(back.length).toBe(size);
      expect(sha256(back)).toBe(stored.sha256);
    }
    session.close('test');
  });

  it('stores equal files once, under a name that is not their hash', async () => {
    const { dir, session } = await newVault();
    const a = await storeOriginal(session, Buffer.from('same bytes'));
    const b = await storeOriginal(session, Buffer.from('same bytes'));
    expect(b.existed).toBe(true);
    expect(b.name).toBe(a.name);
    expect(a.name).not.toBe(a.sha256);
    const files = readdirSync(join(dir, 'blobs'), { recursive: true }).filter((n) => String(n).length > 60);
    expect(files).toHaveLength(1);
    expect(findOriginal(session, a.sha256)?.size).toBe(10);
    session.close('test');
  });

  it('fails with a clear integrity error, never wrong bytes, when one byte of a blob flips', async () => {
    const { session } = await newVault();
    const stored = await session.blobs.put(Buffer.alloc(3 * 1024 * 1024, 7));
    const path = session.blobs.pathOf(stored.name);
    const bytes = readFileSync(path);
    bytes[1536 * 1024]! ^= 0x01;
    writeFileSync(path, bytes);
    const released: Buffer[] = [];
    await expect(async () => {
      for await (const part of session.blobs.read(stored.name)) released.push(part);
    }).rejects.toMatchObject({ code: 'INTEGRITY', message: expect.stringMatching(/integrity check \(chunk 1\)/) });
    // The chunks before the damage were genuine; the damaged one never came out.
    expect(released.every((p) => p.every((byte) => byte === 7))).toBe(true);
    expect(released).toHaveLength(1);
    session.close('test');
  });

  it('detects a blob cut at a chunk boundary, and a blob swapped for another', async () => {
    const { session } = await newVault();
    const a = await session.blobs.put(Buffer.alloc(2 * 1024 * 1024 + 5, 1));
    const b = await session.blobs.put(Buffer.alloc(100, 2));
    truncateSync(session.blobs.pathOf(a.name), 32 + (1024 * 1024 + 16));
    await expect(session.blobs.readAll(a.name)).rejects.toMatchObject({ code: 'INTEGRITY' });
    writeFileSync(session.blobs.pathOf(a.name), readFileSync(session.blobs.pathOf(b.name)));
    await expect(session.blobs.readAll(a.name, a.sha256)).rejects.toMatchObject({
      code: 'INTEGRITY',
      message: expect.stringMatching(/SHA-256/),
    });
    session.close('test');
  });

  it('gives back no byte of a blob whose chunks were swapped in order', async () => {
    const { session } = await newVault();
    const stored = await session.blobs.put(Buffer.alloc(3 * 1024 * 1024, 7));
    const path = session.blobs.pathOf(stored.name);
    const sealed = 1024 * 1024 + 16;
    const bytes = readFileSync(path);
    const swapped = Buffer.concat([
      bytes.subarray(0, 32),
      bytes.subarray(32 + sealed, 32 + 2 * sealed),
      bytes.subarray(32, 32 + sealed),
      bytes.subarray(32 + 2 * sealed),
    ]);
    writeFileSync(path, swapped);
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const part of session.blobs.read(stored.name)) got.push(part.length);
      })(),
    ).rejects.toMatchObject({ code: 'INTEGRITY', message: expect.stringMatching(/chunk 0/) });
    expect(got).toEqual([]);
    session.close('test');
  });

  it('leaves no file open when a reader stops after the first chunk', async () => {
    const { session } = await newVault();
    const stored = await session.blobs.put(Buffer.alloc(5 * 1024 * 1024, 3));
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) for await (const _part of session.blobs.read(stored.name)) break;
    expect(open()).toBe(before);
    expect((await session.blobs.readAll(stored.name, stored.sha256)).length).toBe(5 * 1024 * 1024);
    session.close('test');
  });

  it('streams a large source in bounded memory', async () => {
    const { session } = await newVault();
    const before = process.memoryUsage().rss;
    const total = 256 * 1024 * 1024;
    const stored = await session.blobs.put(pieces(total, 1024 * 1024));
    let read = 0;
    for await (const part of session.blobs.read(stored.name, stored.sha256)) read += part.length;
    expect(read).toBe(total);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    session.close('test');
  });
});
