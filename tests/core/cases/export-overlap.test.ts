import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCase } from '../../../electron/core/cases/cases';
import { exportCase } from '../../../electron/core/cases/export-case';
import { isJejakError } from '../../../electron/core/errors';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { verifyPackage } from '../../../electron/core/packages';
import { setIdentity } from '../../../electron/core/identity/identity';
import type { VaultSession } from '../../../electron/core/vault/session';
import { ageKeygen } from '../../fixtures/age';
import { POLICY } from '../../fixtures/catalog';
import { RESOURCES } from '../../fixtures/case';
import { newVault, tempDir } from '../../fixtures/temp';
import { readZip } from '../packages/zip-tools';

// The next original's read starts while the one before is written, and an original's digests are
// checked while the next is written (write-payload.ts, hashed-ahead.ts): what that must not change.

const opts = { language: 'en' as const, resourcesDir: RESOURCES, version: '0.1.0-test' };

let session: VaultSession | undefined;
afterEach(() => {
  session?.close('test');
  session = undefined;
});

/** A case of five originals of 4 to 8 MiB: each read holds four of the hashing pool's 16 buffers. */
async function caseOfLargeOriginals(s: VaultSession) {
  setIdentity(s, {
    name: 'Sari Analis',
    unit: 'Direktorat Pengendalian Konten',
    employeeId: 'NIP-1987',
    role: 'analyst',
  });
  const evidence: number[] = [];
  for (const mib of [4, 5, 6, 7, 8]) {
    const r = await intakeBytes(s, POLICY, randomBytes(mib * 1024 * 1024), { originalName: `video-${mib}.bin` });
    evidence.push(r.evidenceId);
  }
  const kase = createCase(s, POLICY, {
    title: 'Video propaganda',
    platform: 'telegram',
    priority: 'urgent',
    legalBasis: 'UU No. 5 Tahun 2018',
    channelIds: [],
    evidenceIds: evidence,
  });
  return kase;
}

/** Makes the CRC-32 the vault recorded for the largest original wrong (it is written first); gives back the undo. */
function spoilLargestCrc(s: VaultSession): () => void {
  const largest = s.db.raw.prepare('SELECT name, crc32 FROM blobs ORDER BY size DESC LIMIT 1').get() as {
    name: string;
    crc32: number;
  };
  const set = s.db.raw.prepare('UPDATE blobs SET crc32 = ? WHERE name = ?');
  set.run((largest.crc32 ^ 1) >>> 0, largest.name);
  return () => set.run(largest.crc32, largest.name);
}

/** The export's outcome, or a failure saying it waited on the hashing pool (its buffers lost). */
async function withinHalfAMinute<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error('the export waited for the hashing pool: buffers were lost')), 30_000);
  });
  try {
    return await Promise.race([work, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

describe('an export whose originals overlap', () => {
  it.each([
    ['a plain package', false],
    ['an encrypted package', true],
  ])(
    'fails %s with INTEGRITY, leaving nothing, when an original does not have its recorded CRC-32',
    async (_, sealed) => {
      session = (await newVault()).session;
      const kase = await caseOfLargeOriginals(session);
      spoilLargestCrc(session);
      const out = tempDir();
      const recipients = sealed ? [ageKeygen(tempDir()).recipient] : [];
      await expect(
        exportCase(session, {}, kase.id, join(out, sealed ? 'case.zip.age' : 'case.zip'), { ...opts, recipients }),
      ).rejects.toSatisfy((e) => isJejakError(e, 'INTEGRITY'));
      expect(readdirSync(out)).toEqual([]);
    },
  );

  it('gives back the reads it started ahead when it fails or is cancelled: the exports after it still run', async () => {
    session = (await newVault()).session;
    const kase = await caseOfLargeOriginals(session);
    // Each failure comes as a later original is written, with the read of the one after it started;
    // each cancel as the first original's bytes are written, with the second's read started. Reads
    // not given back would hold four buffers each, and the pool's 16 would be gone within a few.
    for (let i = 0; i < 4; i++) {
      const restore = spoilLargestCrc(session);
      await expect(
        withinHalfAMinute(exportCase(session, {}, kase.id, join(tempDir(), 'case.zip'), opts)),
      ).rejects.toSatisfy((e) => isJejakError(e, 'INTEGRITY'));
      restore();
      const cancel = new AbortController();
      const onProgress = (p: { file: string }) => p.file.includes('/evidence/') && cancel.abort();
      await expect(
        withinHalfAMinute(
          exportCase(session, {}, kase.id, join(tempDir(), 'case.zip'), { ...opts, signal: cancel.signal, onProgress }),
        ),
      ).rejects.toSatisfy((e) => isJejakError(e, 'CANCELLED'));
    }
    const out = join(tempDir(), 'case.zip');
    await withinHalfAMinute(exportCase(session, {}, kase.id, out, opts));
    expect((await verifyPackage(out)).verdict).toBe('valid-untrusted');
    // written largest first; every original is there whole
    const originals = (await readZip(out)).filter((e) => e.name.includes('/data/evidence/'));
    expect(originals.map((e) => e.data.length)).toEqual([8, 7, 6, 5, 4].map((mib) => mib * 1024 * 1024));
  });
});
