import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OffThreadDigest } from '../../electron/core/off-thread-digest';
import { sharedPool } from '../../electron/core/off-thread-shared';

const expected = (bytes: Buffer) => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  sha512: createHash('sha512').update(bytes).digest('hex'),
  md5: null,
  crc32: crc32(bytes),
});

describe('OffThreadDigest', () => {
  it('gives the same hashes as hashing in-thread, for chunks of any size, several files at once', async () => {
    // 40 MiB in uneven chunks: more than the buffers the worker is lent at once, so callers wait for them
    const a = randomBytes(40 * 1024 * 1024 + 17);
    const b = randomBytes(3 * 1024 * 1024 + 5);
    const da = new OffThreadDigest({ sha256: true, sha512: true, md5: false, crc32: true });
    const db = new OffThreadDigest({ sha256: true, sha512: false, md5: false, crc32: false });
    const sizes = [1, 4096, 3 * 1024 * 1024 + 1, 65_536, 1024 * 1024];
    let ia = 0;
    let ib = 0;
    for (let k = 0; ia < a.length || ib < b.length; k++) {
      const n = sizes[k % sizes.length]!;
      await Promise.all([da.update(a.subarray(ia, ia + n)), db.update(b.subarray(ib, ib + n))]);
      ia += n;
      ib += n;
    }
    expect(await da.digest()).toEqual(expected(a));
    expect(await db.digest()).toEqual({ ...expected(b), sha512: null, crc32: null });
    // SHA-512 alone
    const only512 = new OffThreadDigest({ sha256: false, sha512: true, md5: false, crc32: false });
    await only512.update(b);
    expect(await only512.digest()).toEqual({ sha256: null, sha512: expected(b).sha512, md5: null, crc32: null });
  });

  it('hands a whole original over and back without a copy, with its SHA-512 and MD5 (batch intake)', async () => {
    const original = randomBytes(320 * 1024);
    const bytes = new Uint8Array(original); // its own ArrayBuffer, as readFile gives
    const { digests, bytes: back } = await new OffThreadDigest({
      sha256: false,
      sha512: true,
      md5: true,
      crc32: false,
    }).finishWith(bytes);
    expect(bytes.byteLength).toBe(0); // moved: the caller's view is empty until the answer brings it back
    expect(Buffer.from(back).equals(original)).toBe(true);
    expect(digests).toEqual({
      sha256: null,
      sha512: expected(original).sha512,
      md5: createHash('md5').update(original).digest('hex'),
      crc32: null,
    });
    // a view into a larger buffer is copied, and stays the caller's
    const pool = randomBytes(4096);
    const view = pool.subarray(100, 200);
    const copied = await new OffThreadDigest({ sha256: true, sha512: false, md5: false, crc32: false }).finishWith(
      view,
    );
    expect(view.byteLength).toBe(100);
    expect(copied.digests.sha256).toBe(createHash('sha256').update(view).digest('hex'));
  });

  it('is behind while half its buffers are out, with the worker or a caller, and not once they are back', async () => {
    const d = new OffThreadDigest({ sha256: true, sha512: false, md5: false, crc32: false });
    const slots: Uint8Array[] = [];
    for (let i = 0; i < 7; i++) slots.push(await d.slot());
    expect(OffThreadDigest.behind()).toBe(false);
    slots.push(await d.slot());
    expect(OffThreadDigest.behind()).toBe(true);
    for (const slot of slots) d.release(slot);
    expect(OffThreadDigest.behind()).toBe(false);
    d.abandon();
  });

  it('gathers small chunks into one buffer of its pool, not a buffer each', async () => {
    // the pool's buffers from the tests before given back (it keeps none once idle 20 ms)
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sharedPool()?.made).toBe(0);
    const d = new OffThreadDigest({ sha256: true, sha512: true, md5: false, crc32: true });
    const text = randomBytes(15 * 64 * 1024 + 100);
    // not waited for one by one: taken in order all the same
    const updates = [];
    for (let at = 0; at < text.length; at += 64 * 1024) updates.push(d.update(text.subarray(at, at + 64 * 1024)));
    await Promise.all(updates);
    // under 1 MiB given: one buffer of the pool holds it all (a buffer each made all 16 of 1 MiB)
    expect(sharedPool()?.made).toBe(1);
    expect(await d.digest()).toEqual(expected(text));
  });

  it('gives its buffers back once no digest has used them for a moment', async () => {
    const d = new OffThreadDigest({ sha256: false, sha512: true, md5: false, crc32: false });
    // every buffer of the pool made, and back
    const slots = await Promise.all(Array.from({ length: 16 }, () => d.slot()));
    for (const slot of slots) d.release(slot);
    await d.update(randomBytes(1024 * 1024));
    await d.digest();
    const held = process.memoryUsage().arrayBuffers;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(held - process.memoryUsage().arrayBuffers).toBeGreaterThan(12 * 1024 * 1024);
  });

  it('lets a command exit on its own once its digests are finished or abandoned', () => {
    // a child process: were the hashing worker still held, it would never exit and this would time out
    const script = `
      import { OffThreadDigest } from './electron/core/off-thread-digest.ts';
      const abandoned = new OffThreadDigest({ sha256: true, sha512: true, md5: false, crc32: true });
      await abandoned.update(Buffer.alloc(1000, 1));
      abandoned.abandon();
      const finished = new OffThreadDigest({ sha256: true, sha512: false, md5: false, crc32: false });
      await finished.update(Buffer.from('evidence'));
      console.log((await finished.digest()).sha256);`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(out.trim()).toBe(createHash('sha256').update('evidence').digest('hex'));
  });
});
