import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from '../../../electron/core/db/sql';
import { getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { intakeFiles } from '../../../electron/core/evidence/intake-batch';
import { OcrEngine } from '../../../electron/core/evidence/media/ocr';
import { ocrModelsCache } from '../../../electron/core/evidence/media/ocr-models';
import { importHashList } from '../../../electron/core/hashlists/hash-lists';
import { drainJobs } from '../../../electron/core/jobs/drain-jobs';
import { queueStatus } from '../../../electron/core/jobs/job-queue';
import { POLICY } from '../../fixtures/catalog';
import { newVault, tempDir } from '../../fixtures/temp';

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

function files(count: number, seed: string): Array<{ path: string; bytes: Buffer }> {
  const dir = tempDir();
  return Array.from({ length: count }, (_, i) => {
    const bytes = Buffer.from(`${seed} ${i} `.repeat(500 + i));
    const path = join(dir, `${seed}-${i}.bin`);
    writeFileSync(path, bytes);
    return { path, bytes };
  });
}

const md5Of = (session: Awaited<ReturnType<typeof newVault>>['session'], id: number) =>
  session.db.get<{ md5: string | null }>(sql`SELECT md5 FROM evidence WHERE id = ${id}`)!.md5;

describe('batch intake and MD5', () => {
  it('leaves MD5 to the background queue while no list names MD5; a list imported meanwhile flags the item when its job runs', async () => {
    const { session } = await newVault();
    const taken = files(20, 'later');
    const results = await intakeFiles(
      session,
      POLICY,
      taken.map(({ path }) => ({ path })),
    );
    const ids = results.map((r) => (r.ok ? r.outcome.evidenceId : -1));
    expect(ids.map((id) => md5Of(session, id))).toEqual(ids.map(() => null));
    expect(queueStatus(session.db).byKind.hashes).toBe(20);

    importHashList(session, `md5,label\n${md5(taken[17]!.bytes)},leaflet\n`, { name: 'Daftar MD5' }, 31);
    expect(getEvidence(session, ids[17]!).hashListMatches).toEqual([]); // its MD5 is not known yet
    const ocr = new OcrEngine(ocrModelsCache(tempDir()));
    expect(await drainJobs(session, { ocr, pdqDistance: 31 })).toEqual({ done: 20, failed: 0 });
    await ocr.close();
    expect(ids.map((id) => md5Of(session, id))).toEqual(taken.map((t) => md5(t.bytes)));
    expect(getEvidence(session, ids[17]!).hashListMatches).toEqual([
      expect.objectContaining({ listName: 'Daftar MD5', kind: 'md5', label: 'leaflet' }),
    ]);
    expect(getEvidence(session, ids[3]!).hashListMatches).toEqual([]);
    session.close('test');
  });

  it('works MD5 out at intake while a list names MD5, so a listed item is flagged as it comes in', async () => {
    const { session } = await newVault();
    const taken = files(20, 'now');
    importHashList(session, `md5,label\n${md5(taken[5]!.bytes)},poster\n`, { name: 'Daftar MD5' }, 31);
    const results = await intakeFiles(
      session,
      POLICY,
      taken.map(({ path }) => ({ path })),
    );
    expect(results[5]).toMatchObject({
      ok: true,
      outcome: { hashListMatches: [expect.objectContaining({ kind: 'md5', label: 'poster' })] },
    });
    expect(results.filter((r) => r.ok && r.outcome.hashListMatches.length > 0)).toHaveLength(1);
    const ids = results.map((r) => (r.ok ? r.outcome.evidenceId : -1));
    expect(ids.map((id) => md5Of(session, id))).toEqual(taken.map((t) => md5(t.bytes)));
    expect(queueStatus(session.db).byKind.hashes).toBe(0);
    session.close('test');
  });
});
