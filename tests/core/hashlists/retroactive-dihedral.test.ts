import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../electron/core/db/sql';
import { getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeBytes, intakeFile } from '../../../electron/core/evidence/intake';
import { OcrEngine } from '../../../electron/core/evidence/media/ocr';
import { ocrModelsCache } from '../../../electron/core/evidence/media/ocr-models';
import { pdqOfImage } from '../../../electron/core/evidence/media';
import { pdqDistance } from '../../../electron/core/evidence/media/pdq';
import { importHashList } from '../../../electron/core/hashlists/hash-lists';
import { drainJobs } from '../../../electron/core/jobs/drain-jobs';
import { queueStatus } from '../../../electron/core/jobs/job-queue';
import { POLICY } from '../../fixtures/catalog';
import { newVault, tempDir } from '../../fixtures/temp';

const BRIDGE = join(import.meta.dirname, '../../fixtures/pdq/bridge-1-original.jpg');
const ROTATED = join(import.meta.dirname, '../../fixtures/pdq/bridge-2-rotate-90.jpg');
const listOf = (pdq: string) => `pdq,label\npdq:${pdq},bridge`;

describe('a hash list imported after intake', () => {
  it('flags rotated and mirrored copies already in the vault, as intake would have', async () => {
    const { session } = await newVault();
    const rotated = await intakeFile(session, POLICY, ROTATED);
    const mirrored = await intakeBytes(session, POLICY, await sharp(BRIDGE).flop().jpeg().toBuffer(), {
      originalName: 'mirrored.jpg',
    });
    const original = (await pdqOfImage(BRIDGE)).hash;
    // their own hashes are far from the listed one: only their copies' hashes can match
    for (const item of [rotated, mirrored]) expect(pdqDistance(item.pdq!, original)).toBeGreaterThan(31);

    const imported = importHashList(session, listOf(original), { name: 'Platform X' }, 31);
    expect(imported.matchedEvidence).toEqual([rotated.evidenceId, mirrored.evidenceId]);
    for (const item of [rotated, mirrored]) {
      const [match] = getEvidence(session, item.evidenceId).hashListMatches;
      expect(match).toMatchObject({ listName: 'Platform X', kind: 'pdq', label: 'bridge' });
      expect(match!.distance).toBeLessThanOrEqual(31);
    }
    session.close('test');
  });

  it('flags an older item without its copies kept once the background queue has made them', async () => {
    const { session } = await newVault();
    const rotated = await intakeFile(session, POLICY, ROTATED);
    // as an item taken in before the copies' hashes were kept, queued again by migration 12
    session.db.run(sql`UPDATE evidence SET pdq_dihedral = NULL WHERE id = ${rotated.evidenceId}`);
    session.db.run(sql`DELETE FROM background_jobs`);
    session.db.run(sql`INSERT INTO background_jobs (kind, evidence_id, queued_at)
      VALUES ('hashes', ${rotated.evidenceId}, ${new Date().toISOString()})`);
    const imported = importHashList(session, listOf((await pdqOfImage(BRIDGE)).hash), { name: 'Platform X' }, 31);
    expect(imported.matchedEvidence).toEqual([]); // its own hash alone is too far

    const ocr = new OcrEngine(ocrModelsCache(tempDir()));
    expect(await drainJobs(session, { ocr, pdqDistance: 31 })).toEqual({ done: 1, failed: 0 });
    await ocr.close();
    expect(queueStatus(session.db)).toMatchObject({ pending: 0 });
    const row = session.db.get<{ n: number }>(
      sql`SELECT length(pdq_dihedral) AS n FROM evidence WHERE id = ${rotated.evidenceId}`,
    );
    expect(row?.n).toBe(224);
    expect(getEvidence(session, rotated.evidenceId).hashListMatches).toEqual([
      expect.objectContaining({ listName: 'Platform X', kind: 'pdq', label: 'bridge' }),
    ]);
    session.close('test');
  });
});
