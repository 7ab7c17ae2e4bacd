import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JejakError, isJejakError } from '../../../electron/core/errors';
import { verifyPackage, writePackage } from '../../../electron/core/packages';
import type { Platform } from '../../../electron/core/packages/platform';
import { OffThreadDigest } from '../../../electron/core/off-thread-digest';
import { nodePlatform } from '../../../electron/core/packages/platform-node';
import { withPackage } from '../../../electron/core/packages/verify';
import { verifyZip } from '../../../electron/core/packages/verify-source';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { flip, rezip } from './zip-tools';

afterAll(cleanTempDirs);

const MiB = 2 ** 20;

describe("Node's SHA-512 for the verify path (on the hashing worker beyond 64 KiB)", () => {
  it.each([0, 64 * 1024 - 1, 64 * 1024, 3 * MiB + 17])('%i bytes in odd chunks, awaited or not', async (size) => {
    const bytes = randomBytes(size);
    const expected = createHash('sha512').update(bytes).digest('hex');
    const cuts = [0, Math.floor(size / 3), Math.floor(size / 2) + 1, size];
    const pieces = cuts.slice(1).map((end, i) => bytes.subarray(cuts[i], end));

    const awaited = nodePlatform.sha512(size);
    for (const piece of pieces) await awaited.update(piece);
    // a caller that does not wait still gets its pieces hashed in order, before the digest
    const hurried = nodePlatform.sha512(size);
    for (const piece of pieces) void hurried.update(piece);
    expect(await awaited.digest()).toBe(expected);
    expect(await hurried.digest()).toBe(expected);
  });
});

describe("the verify path's SHA-512 when the hashing worker is behind", () => {
  it('is worked out in-thread: a file begun while every buffer of the worker is out still finishes', async () => {
    const holder = new OffThreadDigest({ sha256: true, sha512: false, md5: false, crc32: false });
    const held: Uint8Array[] = [];
    while (held.length < 16) held.push(await holder.slot());
    let guard: NodeJS.Timeout | undefined;
    try {
      const bytes = randomBytes(3 * MiB);
      const hash = nodePlatform.sha512(bytes.length);
      const hashed = (async () => {
        await hash.update(bytes);
        return hash.digest();
      })();
      // hashed off-thread, it would wait for a buffer until the ones held here go back
      const stuck = new Promise<never>((_, reject) => (guard = setTimeout(() => reject(new Error('stuck')), 10_000)));
      expect(await Promise.race([hashed, stuck])).toBe(createHash('sha512').update(bytes).digest('hex'));
    } finally {
      clearTimeout(guard);
      for (const slot of held) holder.release(slot);
      holder.abandon();
    }
  });
});

describe('verifying with the hashes finished off-thread', () => {
  it("checks a large file against its own manifest lines, not a neighbour's", async () => {
    const { input } = sampleInput(makeSigner('analyst'), 'OFF-1', randomBytes(3 * MiB + 5));
    const good = join(tempDir(), 'OFF-1.zip');
    await writePackage(input, good);
    expect((await verifyPackage(good)).verdict).toBe('valid-untrusted');

    // the large file's last byte changed, the package rebuilt with good CRCs: only its hashes can tell
    const bad = join(tempDir(), 'OFF-1-bad.zip');
    await rezip(good, bad, (e) =>
      e.map((x) => (x.name.endsWith('/data/report.pdf') ? { ...x, data: flip(x.data, x.data.length - 1) } : x)),
    );
    const result = await verifyPackage(bad);
    expect(result.verdict).toBe('invalid');
    const failed = result.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.id)).toEqual(['manifest-sha256', 'manifest-sha512']);
    for (const check of failed) expect(JSON.stringify(check)).toContain('data/report.pdf');
  });

  it('throws a hashing failure of its own instead of calling the package damaged', async () => {
    const { input } = sampleInput(makeSigner('analyst'), 'OFF-2', randomBytes(MiB));
    const path = join(tempDir(), 'OFF-2.zip');
    await writePackage(input, path);
    const lost = new JejakError('INTERNAL', 'Hashes could not be computed: the hashing worker stopped');
    const failing: Platform = {
      ...nodePlatform,
      sha512: () => ({ update: () => Promise.reject(lost), digest: () => Promise.reject(lost) }),
    };
    const err = await withPackage(path, ({ source }) => verifyZip(source, failing)).catch((e: unknown) => e);
    expect(isJejakError(err, 'INTERNAL')).toBe(true);
  });
});
