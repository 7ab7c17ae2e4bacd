import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newVault, tempDir } from '../../fixtures/temp';

const MiB = 1024 * 1024;
const hex = (algorithm: string, b: Buffer) => createHash(algorithm).update(b).digest('hex');

describe('a blob stored from a file by its path (read into the hashing pool, no copy)', () => {
  it('gives back the exact bytes with both hashes, at every size around the chunk boundary, each stored as a stream stores it', async () => {
    const { dir: vaultDir, session } = await newVault();
    const dir = tempDir();
    for (const size of [0, 1, MiB - 1, MiB, MiB + 1, 2 * MiB, 3 * MiB + 17]) {
      const bytes = Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + size) % 251));
      const path = join(dir, `f${size}`);
      writeFileSync(path, bytes);
      const stored = await session.blobs.put({ path });
      expect([stored.size, stored.sha256, stored.sha512]).toEqual([size, hex('sha256', bytes), hex('sha512', bytes)]);
      expect((await session.blobs.readAll(stored.name, stored.sha256)).equals(bytes)).toBe(true);
      async function* once() {
        yield bytes;
      }
      expect(await session.blobs.put(once())).toMatchObject({ name: stored.name, existed: true });
      expect(await session.blobs.put({ path })).toMatchObject({ name: stored.name, existed: true });
    }
    // each second copy was dropped
    expect(readdirSync(join(vaultDir, 'blobs', 'tmp'))).toEqual([]);
    session.close('test');
  });

  it('a file that cannot be read or a cancelled store leaves no temp file, and the pool is whole after', async () => {
    const { dir: vaultDir, session } = await newVault();
    const dir = tempDir();
    await expect(session.blobs.put({ path: join(dir, 'missing') })).rejects.toThrow();
    const path = join(dir, 'big');
    writeFileSync(path, Buffer.alloc(5 * MiB, 7));
    const stop = new AbortController();
    stop.abort();
    await expect(session.blobs.put({ path }, stop.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(join(vaultDir, 'blobs', 'tmp'))).toEqual([]);
    // and the pool still serves a store of many chunks after
    const large = join(dir, 'large');
    writeFileSync(large, Buffer.alloc(40 * MiB, 9));
    expect((await session.blobs.put({ path: large })).size).toBe(40 * MiB);
    session.close('test');
  });
});
