import { describe, expect, it } from 'vitest';
import { getCase } from '../../../electron/core/cases/cases';
import { buildReport } from '../../../electron/core/cases/report-builder';
import { sql } from '../../../electron/core/db/sql';
import { getIdentity } from '../../../electron/core/identity/identity';
import { analystCase } from '../../fixtures/case';
import { newVault } from '../../fixtures/temp';

describe("the report's perceptual hash of an item", () => {
  it('is PDQ for items taken in now, and the stored pHash for an item taken in before PDQ that has none yet', async () => {
    const { session } = await newVault();
    const { kase, evidence } = await analystCase(session);
    // an item from before PDQ, whose hash the background queue has not made yet
    session.db.run(
      sql`UPDATE evidence SET pdq = NULL, pdq_quality = NULL, phash = 'c3a5f00f0ff05a3c' WHERE id = ${evidence[1]}`,
    );
    const built = await buildReport(session, getCase(session, kase.id), getIdentity(session), 'Unit', 'id', new Date());
    const hashes = built.report.evidence.map((e) => e.perceptualHash);
    expect(hashes[1]).toBe('phash:c3a5f00f0ff05a3c');
    for (const i of [0, 2, 3]) expect(hashes[i]).toMatch(/^pdq:[0-9a-f]{64}$/);
    const stored = session.db.all<{ phash: string | null }>(sql`SELECT phash FROM evidence ORDER BY id`);
    expect(stored.map((r) => r.phash)).toEqual([null, 'c3a5f00f0ff05a3c', null, null]); // none computed at intake
    session.close('test');
  });
});
