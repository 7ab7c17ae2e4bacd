import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { removeItems } from '../../../electron/core/cases/case-drafts';
import { setCaseStatus } from '../../../electron/core/cases/case-status';
import { createCase } from '../../../electron/core/cases/cases';
import { exportCase } from '../../../electron/core/cases/export-case';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { excludeItem } from '../../../electron/core/catalog/exclusion';
import { sql } from '../../../electron/core/db/sql';
import { evidenceThumbnail, getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { purgeEvidence } from '../../../electron/core/evidence/purge';
import { RESOURCES, analystCase, decideLatest } from '../../fixtures/case';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { newVault, tempDir } from '../../fixtures/temp';

const opts = { language: 'id' as const, resourcesDir: RESOURCES, version: '0.1.0-test' };

describe('purge', () => {
  it('removes an item never exported: its row, its encrypted original and blob row, with an audit entry naming its SHA-256', async () => {
    const { session } = await newVault();
    const bytes = await screenshotPng(901);
    const taken = await intakeBytes(session, POLICY, bytes, {
      originalName: 'salah-ambil.png',
      notes: 'tidak sengaja',
    });
    const path = session.blobs.pathOf(session.blobs.nameFor(taken.sha256));
    expect(existsSync(path)).toBe(true);
    expect(evidenceThumbnail(session, taken.evidenceId)?.bytes.length).toBeGreaterThan(0);
    excludeItem(session, 'evidence', taken.evidenceId, 'Tidak sengaja diambil');
    expect(purgeEvidence(session, taken.evidenceId)).toEqual({
      id: taken.evidenceId,
      sha256: taken.sha256,
      blobRemoved: true,
    });
    expect(existsSync(path)).toBe(false);
    expect(() => getEvidence(session, taken.evidenceId)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/was purged on/) }),
    );
    expect(session.db.get(sql`SELECT 1 FROM blobs WHERE sha256 = ${taken.sha256}`)).toBeUndefined();
    expect(session.db.get(sql`SELECT count(*) AS n FROM evidence_exclusions`)).toEqual({ n: 0 });
    // nor a picture of it: its thumbnail went with its row
    expect(session.db.get(sql`SELECT count(*) AS n FROM evidence_thumbnails`)).toEqual({ n: 0 });
    const entry = session.db.get<{ subject_id: string; details: string }>(
      sql`SELECT subject_id, details FROM audit WHERE action = 'evidence.purged'`,
    )!;
    expect(entry.subject_id).toBe(String(taken.evidenceId));
    expect(JSON.parse(entry.details)).toMatchObject({
      sha256: taken.sha256,
      sha512: taken.sha512,
      size: bytes.length,
      originalName: 'salah-ambil.png',
      blobRemoved: true,
    });
    expect(verifyAudit(session.db).ok).toBe(true);
    // The same bytes can be taken in again later, as a new item with its file back.
    const again = await intakeBytes(session, POLICY, bytes, { originalName: 'benar.png' });
    expect(again).toMatchObject({ duplicate: false, sha256: taken.sha256 });
    // Its number is not given out again: audit entries about #1 name one item forever.
    expect(again.evidenceId).toBe(taken.evidenceId + 1);
    expect(existsSync(path)).toBe(true);
    session.close('test');
  });

  it('never purges anything that was exported, even once a revision has dropped it', async () => {
    const { session } = await newVault();
    const { kase, evidence } = await analystCase(session);
    await exportCase(session, POLICY, kase.id, join(tempDir(), 'p.zip'), opts);
    const sha256 = getEvidence(session, evidence[0]!).sha256;
    expect(() => purgeEvidence(session, evidence[0]!)).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: expect.stringMatching(new RegExp(`was exported in ${kase.reference} and can never be purged`)),
      }),
    );
    decideLatest(session, kase.id, 'returned');
    setCaseStatus(session, kase.id, 'draft');
    removeItems(session, kase.id, [], [evidence[0]!]);
    expect(() => purgeEvidence(session, evidence[0]!)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(getEvidence(session, evidence[0]!).sha256).toBe(sha256);
    expect(existsSync(session.blobs.pathOf(session.blobs.nameFor(sha256)))).toBe(true);
    expect(session.db.get(sql`SELECT 1 FROM audit WHERE action = 'evidence.purged'`)).toBeUndefined();
    session.close('test');
  });

  it('refuses an item a draft case holds until it is removed from the case', async () => {
    const { session } = await newVault();
    const taken = await intakeBytes(session, POLICY, await screenshotPng(902), { originalName: 'x.png' });
    const kase = createCase(session, POLICY, { title: 'Draf', platform: 'telegram', evidenceIds: [taken.evidenceId] });
    expect(() => purgeEvidence(session, taken.evidenceId)).toThrow(new RegExp(`is in draft case ${kase.reference}`));
    removeItems(session, kase.id, [], [taken.evidenceId]);
    expect(purgeEvidence(session, taken.evidenceId).blobRemoved).toBe(true);
    session.close('test');
  });

  it("a purged image is no longer anyone's near-duplicate", async () => {
    const { session } = await newVault();
    const original = await screenshotPng(903);
    const first = await intakeBytes(session, POLICY, original, { originalName: 'a.png' });
    // The same pixels in other bytes: a near-duplicate by its perceptual hash.
    const recoded = await sharp(original).png({ compressionLevel: 1 }).toBuffer();
    const second = await intakeBytes(session, POLICY, recoded, { originalName: 'b.png' });
    expect(second.nearDuplicateOf).toBe(first.evidenceId);
    purgeEvidence(session, second.evidenceId);
    purgeEvidence(session, first.evidenceId);
    const third = await intakeBytes(session, POLICY, await sharp(original).png({ compressionLevel: 2 }).toBuffer(), {
      originalName: 'c.png',
    });
    expect(third.nearDuplicateOf).toBeNull();
    session.close('test');
  });
});
