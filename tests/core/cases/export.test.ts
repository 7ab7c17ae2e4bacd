import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCase } from '../../../electron/core/cases/cases';
import { exportCase } from '../../../electron/core/cases/export-case';
import { sql } from '../../../electron/core/db/sql';
import { getIdentity } from '../../../electron/core/identity/identity';
import { verifyPackage } from '../../../electron/core/packages';
import { POLICY } from '../../fixtures/catalog';
import { RESOURCES, analystCase } from '../../fixtures/case';
import { newVault, tempDir } from '../../fixtures/temp';

const opts = { language: 'id' as const, resourcesDir: RESOURCES, version: '0.1.0-test' };

describe('case export', () => {
  it("writes a package that passes the format's verify-by-hand commands", async () => {
    const { session } = await newVault();
    const { kase, evidence } = await analystCase(session);
    expect(kase.reference).toMatch(/^JJK\/\d{4}\/\d{2}\/0001$/);
    expect(Date.parse(kase.dueAt) - Date.parse(kase.createdAt)).toBe(4 * 3_600_000);
    const out = tempDir();
    const result = await exportCase(session, POLICY, kase.id, join(out, 'package.zip'), opts);
    expect(getCase(session, kase.id).status).toBe('exported');
    // the report PDF, report.json and notice.json waited sealed in the temp folder: gone once written
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`jejak-spool-${process.pid}-`))).toEqual([]);
    execFileSync('unzip', ['-q', join(out, 'package.zip'), '-d', out]);
    const bag = join(out, result.name);
    execFileSync('sha256sum', ['-c', '--quiet', 'tagmanifest-sha256.txt'], { cwd: bag });
    execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: bag });
    execFileSync('sha512sum', ['-c', '--quiet', 'manifest-sha512.txt'], { cwd: bag });
    const tagHash = execFileSync('sha256sum', ['tagmanifest-sha256.txt'], { cwd: bag, encoding: 'utf8' }).split(' ')[0];
    const statements = readdirSync(join(bag, 'signatures')).filter((f) => f.endsWith('.json'));
    expect(statements).toHaveLength(1);
    for (const s of statements) {
      const base = join(bag, 'signatures', s.replace(/\.json$/, ''));
      const statement = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
      expect(statement).toMatchObject({
        format: 'jejak-signature/2',
        role: 'analyst',
        decision: 'submitted',
        bag: { externalIdentifier: kase.reference, tagmanifestSha256: tagHash },
        signer: { fingerprint: getIdentity(session).fingerprint },
      });
      const verified = execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          `${base}.pem`,
          '-rawin',
          '-in',
          `${base}.json`,
          '-sigfile',
          `${base}.sig`,
        ],
        { encoding: 'utf8' },
      );
      expect(verified).toMatch(/Signature Verified Successfully/);
    }
    const files = readdirSync(join(bag, 'data', 'evidence'));
    expect(files).toHaveLength(evidence.length);
    expect(files[0]).toMatch(/^001-[0-9a-f]{12}\.png$/);
    const custody = readFileSync(join(bag, 'data', 'custody.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(custody.at(-1)).toMatchObject({ type: 'chain-head' });
    expect(custody.filter((c) => c.action === 'evidence.added')).toHaveLength(evidence.length);
    const csv = readFileSync(join(bag, 'data', 'channels.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'platform,kind,canonical_url,original_url,title,category,first_seen,evidence_count',
    );
    expect(execFileSync('pdftotext', [join(bag, 'data', 'report.pdf'), '-'], { encoding: 'utf8' })).toContain(
      kase.reference,
    );
    expect((await verifyPackage(join(out, 'package.zip'))).verdict).toBe('valid-untrusted');
    session.close('test');
  });

  it('refuses to sign until the analyst has a name and unit, and refuses an empty case', async () => {
    const { session } = await newVault();
    const { createCase } = await import('../../../electron/core/cases/cases');
    const { addOrFindChannel } = await import('../../../electron/core/catalog/channels');
    const channel = addOrFindChannel(session, POLICY, { url: 't.me/unsigned_case' }).id;
    const unsigned = createCase(session, POLICY, {
      title: 'Tanpa identitas',
      platform: 'telegram',
      channelIds: [channel],
    });
    await expect(exportCase(session, POLICY, unsigned.id, join(tempDir(), 'x.zip'), opts)).rejects.toMatchObject({
      code: 'IDENTITY_REQUIRED',
      message: expect.stringMatching(/Set your name and unit/),
    });
    const empty = createCase(session, POLICY, { title: 'Kosong', platform: 'telegram' });
    await expect(exportCase(session, POLICY, empty.id, join(tempDir(), 'x.zip'), opts)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/no channels or evidence/),
    });
    session.close('test');
  });

  it('an original changed on disk stops the export with an integrity error: no package, the case still a draft', async () => {
    const { session } = await newVault();
    const { kase, evidence } = await analystCase(session);
    const blobPath = (id: number) =>
      session.blobs.pathOf(
        session.db.get<{ blob_name: string }>(sql`SELECT blob_name FROM evidence WHERE id = ${id}`)!.blob_name,
      );
    const [first, second] = [blobPath(evidence[1]!), blobPath(evidence[2]!)];
    const genuine = readFileSync(first);
    const flipped = Buffer.from(genuine);
    flipped[genuine.length - 40]! ^= 0x01;
    const out = tempDir();
    for (const [damage, message] of [
      [flipped, /integrity check \(chunk 0\)/],
      // another original's file, whole: it authenticates, but is not the bytes catalogued
      [readFileSync(second), /002-[0-9a-f]{12}\.png gave \d+ bytes, not the expected \d+/],
    ] as const) {
      writeFileSync(first, damage);
      await expect(exportCase(session, POLICY, kase.id, join(out, 'package.zip'), opts)).rejects.toMatchObject({
        code: 'INTEGRITY',
        message: expect.stringMatching(message),
      });
      expect(readdirSync(out)).toEqual([]);
      expect(getCase(session, kase.id).status).toBe('draft');
    }
    writeFileSync(first, genuine);
    await exportCase(session, POLICY, kase.id, join(out, 'package.zip'), opts);
    expect((await verifyPackage(join(out, 'package.zip'))).verdict).toBe('valid-untrusted');
    session.close('test');
  });

  it('cancelling leaves no file at the destination, nor the report waiting in the temp folder', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const out = tempDir();
    const controller = new AbortController();
    const promise = exportCase(session, POLICY, kase.id, join(out, 'package.zip'), {
      ...opts,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`jejak-spool-${process.pid}-`))).toEqual([]);
    expect(getCase(session, kase.id).status).toBe('draft');
    session.close('test');
  });
});
