import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { exportCase } from '../../../electron/core/cases/export-case';
import { isJejakError } from '../../../electron/core/errors';
import { verifyPackage } from '../../../electron/core/packages';
import { AgeSink } from '../../../electron/core/age/age-sink';
import { canWriteInOrder, type PayloadFile } from '../../../electron/core/packages/write-payload';
import { heldBytes } from '../packages/helpers';
import type { VaultSession } from '../../../electron/core/vault/session';
import { ageDecrypt, ageKeygen } from '../../fixtures/age';
import { RESOURCES, analystCase } from '../../fixtures/case';
import { newVault, tempDir } from '../../fixtures/temp';
import { readZip } from '../packages/zip-tools';

const opts = { language: 'en' as const, resourcesDir: RESOURCES, version: '0.1.0-test' };

const blobCrcs = (session: VaultSession) =>
  session.db.raw.prepare('SELECT name, sha256, crc32 FROM blobs ORDER BY name').all() as Array<{
    name: string;
    sha256: string;
    crc32: number | null;
  }>;

/** Names created in a fresh TMPDIR while fn runs (the scratch files of an export land there), and those left after. */
async function createdInTemp<T>(fn: () => Promise<T>): Promise<{ result: T; created: string[]; left: string[] }> {
  const temp = mkdtempSync(join(tmpdir(), 'jejak-tmpdir-'));
  const before = process.env.TMPDIR;
  const created: string[] = [];
  const watcher = watch(temp, (_, name) => name && created.push(name));
  process.env.TMPDIR = temp;
  try {
    const result = await fn();
    await new Promise((r) => setTimeout(r, 50)); // the watcher's last events
    return { result, created: [...new Set(created)], left: readdirSync(temp) };
  } finally {
    watcher.close();
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(temp, { recursive: true, force: true });
  }
}

let session: VaultSession | undefined;
afterEach(() => {
  session?.close('test');
  session = undefined;
});

describe('an encrypted export sealed as its ZIP is written', () => {
  it('needs no scratch copy of its ZIP: each original has its CRC-32 from intake, every local header is complete', async () => {
    session = (await newVault()).session;
    const { kase } = await analystCase(session);
    for (const blob of blobCrcs(session)) {
      const bytes = await session.blobs.readAll(blob.name, blob.sha256);
      expect(blob.crc32).toBe(crc32(bytes));
    }
    const key = ageKeygen(tempDir());
    const out = join(tempDir(), 'case.zip.age');
    const { result, created, left } = await createdInTemp(() =>
      exportCase(session!, {}, kase.id, out, { ...opts, recipients: [key.recipient] }),
    );
    expect(left.filter((name) => name.startsWith('jejak-'))).toEqual([]);
    // no scratch copy of the ZIP; only the spools of the report PDF, report.json and notice.json, while the
    // evidence streamed (tsx's own cache may appear)
    expect(created.filter((name) => name.startsWith('jejak-sealed-'))).toEqual([]);
    expect(created.filter((name) => name.startsWith('jejak-')).map((name) => name.slice(0, 12))).toEqual([
      'jejak-spool-',
      'jejak-spool-',
      'jejak-spool-',
    ]);
    const zip = join(tempDir(), 'case.zip');
    ageDecrypt(key, result.path, zip);
    const entries = await readZip(zip, true);
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries) expect((e.flags ?? 0) & 0x0008).toBe(0);
    expect((await verifyPackage(zip)).verdict).toBe('valid-untrusted');
  });

  it('computes and records the CRC-32 of originals stored before CRCs were kept, once, with its progress', async () => {
    session = (await newVault()).session;
    const { kase } = await analystCase(session);
    const recorded = blobCrcs(session);
    session.db.raw.exec('UPDATE blobs SET crc32 = NULL');
    const originalBytes = (
      session.db.raw
        .prepare('SELECT sum(size) AS n FROM evidence e JOIN case_evidence c ON c.evidence_id = e.id')
        .get() as {
        n: number;
      }
    ).n;
    const key = ageKeygen(tempDir());
    const progress: Array<{ bytesDone: number; bytesTotal?: number; file: string }> = [];
    const exportSealed = (name: string) =>
      exportCase(session!, {}, kase.id, join(tempDir(), name), {
        ...opts,
        recipients: [key.recipient],
        onProgress: (p) => progress.push(p),
      });
    const result = await exportSealed('case.zip.age');
    expect(blobCrcs(session)).toEqual(recorded);
    // the pass reads each original once, before the package is written, and says so as it goes
    const pass = progress.slice(
      0,
      progress.findIndex((p) => p.bytesTotal !== originalBytes),
    );
    expect(pass.at(-1)).toMatchObject({ bytesDone: originalBytes, bytesTotal: originalBytes });
    expect(pass.every((p) => p.file.startsWith('data/evidence/'))).toBe(true);
    // the next export finds every CRC recorded: no pass
    progress.length = 0;
    await exportSealed('again.zip.age');
    expect(progress.filter((p) => p.bytesTotal === originalBytes)).toEqual([]);
    const zip = join(tempDir(), 'case.zip');
    ageDecrypt(key, result.path, zip);
    expect((await verifyPackage(zip)).verdict).toBe('valid-untrusted');
  });

  it('fails with INTEGRITY, leaving nothing, when an original does not have the CRC-32 recorded for it', async () => {
    session = (await newVault()).session;
    const { kase } = await analystCase(session);
    const [first] = blobCrcs(session);
    session.db.raw.prepare('UPDATE blobs SET crc32 = ? WHERE name = ?').run((first!.crc32! ^ 1) >>> 0, first!.name);
    const key = ageKeygen(tempDir());
    const out = tempDir();
    await expect(
      exportCase(session, {}, kase.id, join(out, 'case.zip.age'), { ...opts, recipients: [key.recipient] }),
    ).rejects.toSatisfy((e) => isJejakError(e, 'INTEGRITY'));
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the CRC-32 kept with each original', () => {
  it('is taken on every way an original is stored: bytes, a stream, a file on disk', async () => {
    session = (await newVault()).session;
    const original = randomBytes(2_500_000);
    const path = join(tempDir(), 'original.bin');
    writeFileSync(path, original);
    const ways = [
      await session.blobs.put(new Uint8Array(original.subarray(0, 100_000))),
      await session.blobs.put(Readable.from([original.subarray(0, 700_000), original.subarray(700_000, 1_300_000)])),
      await session.blobs.put({ path }),
    ];
    expect(ways.map((b) => b.crc32)).toEqual(
      [100_000, 1_300_000, 2_500_000].map((n) => crc32(original.subarray(0, n))),
    );
  });
});

describe('an age file written as its plaintext arrives', () => {
  it('refuses a write anywhere but at its end: nothing sealed is gone back into', async () => {
    const written: Buffer[] = [];
    const out = {
      write: async (b: Uint8Array, offset: number, length: number) => {
        written.push(Buffer.from(b.subarray(offset, offset + length)));
        return { bytesWritten: length };
      },
    };
    const sink = await AgeSink.start(out, [ageKeygen(tempDir()).recipient]);
    await sink.write(Buffer.alloc(100), 0, 100, 0);
    await expect(sink.write(Buffer.alloc(4), 0, 4, 14)).rejects.toSatisfy((e) => isJejakError(e, 'INTERNAL'));
    await sink.write(Buffer.alloc(100), 0, 100, 100);
    expect(await sink.finish()).toBe(Buffer.concat(written).length);
  });
});

describe('whether a package can be written in order with bounded memory', () => {
  const text = { path: 'custody.jsonl', size: 64 * 1024 * 1024, open: () => Readable.from([]) };
  const original = (size: number, knownCrc32?: number): PayloadFile => ({
    path: 'evidence/001-0123456789ab.mp4',
    size,
    knownCrc32,
    hashedInto: async function* () {},
  });
  const stream = (size: number): PayloadFile => ({
    path: 'evidence/002-0123456789ab.mp4',
    size,
    open: () => Readable.from([]),
  });

  it('holds only text (deflated), small streams and files already in memory; an original needs its CRC', () => {
    const later = { path: 'report.pdf', later: Promise.resolve(heldBytes(Buffer.alloc(1))) };
    expect(canWriteInOrder([later, text, original(2 ** 31, 1), stream(16 * 1024 * 1024)])).toBe(true);
    expect(canWriteInOrder([later, text, original(2 ** 31)])).toBe(false);
    expect(canWriteInOrder([text, stream(16 * 1024 * 1024 + 1)])).toBe(false);
  });
});
