import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, rmSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BlobBatch } from '../../../electron/core/vault/blob-batch';
import { allFiles, newVault } from '../../fixtures/temp';

const sha = (name: string, bytes: Uint8Array) => createHash(name).update(bytes).digest('hex');

describe('a batch of originals, sealed and written on the hashing worker', () => {
  it('stores each original encrypted, readable back byte for byte, with its hashes; a repeat is stored once', async () => {
    const { dir, session } = await newVault();
    // one byte, a screenshot, exactly one chunk, three chunks (the last short), one large enough to
    // have its SHA-256 taken on the worker too; then, in a second batch, a repeat of one (the vault
    // holds it already), twice over (the batch holds it too)
    const originals = [1, 320 * 1024, 1024 * 1024, 2.5 * 1024 * 1024, 5 * 1024 * 1024].map((n) => randomBytes(n));
    originals.push(Buffer.from(originals[1]!), Buffer.from(originals[1]!));
    const blobs = [];
    for (const part of [originals.slice(0, 5), originals.slice(5)]) {
      const batch = new BlobBatch(session.blobs);
      const answers = part.map((o) => batch.add(new Uint8Array(o), true));
      await batch.durable();
      blobs.push(...(await Promise.all(answers)));
    }

    for (const [i, original] of originals.entries()) {
      const { stored, md5, bytes } = blobs[i]!;
      expect(bytes.equals(original)).toBe(true); // the caller's bytes are back from the worker
      expect(stored.sha256).toBe(sha('sha256', original));
      expect(stored.sha512).toBe(sha('sha512', original));
      expect(md5).toBe(sha('md5', original));
      expect(stored.crc32).toBe(crc32(original));
      expect(stored.size).toBe(original.length);
      expect((await session.blobs.readAll(stored.name, stored.sha256)).equals(original)).toBe(true);
      const onDisk = join(dir, 'blobs', stored.name.slice(0, 2), stored.name);
      expect(statSync(onDisk).mode & 0o777).toBe(0o600);
    }
    expect(blobs.map((b) => b.stored.existed)).toEqual([false, false, false, false, false, true, true]);
    expect(readdirSync(join(dir, 'blobs', 'tmp'))).toEqual([]);
    // encrypted: no 64-byte run of any original is in any file of the vault
    const files = allFiles(dir);
    for (const original of originals.slice(1, 5))
      expect(files.some((f) => f.bytes.includes(original.subarray(4096, 4160)))).toBe(false);
    session.close('test');
  });

  it('reports a file that cannot be written, and leaves nothing of it; the rest of the batch is kept', async () => {
    const { dir, session } = await newVault();
    const temp = join(dir, 'blobs', 'tmp');
    const batch = new BlobBatch(session.blobs);
    rmSync(temp, { recursive: true, force: true }); // where it is written is gone
    const lost = batch.add(new Uint8Array(randomBytes(4096)), false);
    await expect(lost).rejects.toMatchObject({ code: 'ENOENT' });
    mkdirSync(temp);
    const kept = batch.add(new Uint8Array(randomBytes(4096)), false);
    await batch.durable();
    const { stored } = await kept;
    expect((await session.blobs.readAll(stored.name, stored.sha256)).length).toBe(4096);
    expect(readdirSync(temp)).toEqual([]);
    session.close('test');
  });
});
