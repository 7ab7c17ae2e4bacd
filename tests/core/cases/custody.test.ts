import { describe, expect, it } from 'vitest';
import { getCase } from '../../../electron/core/cases/cases';
import { custodyLog } from '../../../electron/core/cases/custody';
import type { Db } from '../../../electron/core/db/database';

const custodyLines = async (db: Db, caseId: number, channelIds: number[], evidenceIds: number[], perPage: number) => [
  ...(await custodyLog(db, caseId, channelIds, evidenceIds, perPage, perPage)).lines(),
];
import { analystCase } from '../../fixtures/case';
import { newVault } from '../../fixtures/temp';
import { sql } from '../../../electron/core/db/sql';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { POLICY, screenshotPng } from '../../fixtures/catalog';

describe('custody.jsonl', () => {
  it('is the same read a row per turn as read at once: every entry about the case, in order, then the head', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const { channelIds, evidenceIds } = getCase(session, kase.id);
    const whole = await custodyLines(session.db, kase.id, channelIds, evidenceIds, 10_000);
    const paged = await custodyLines(session.db, kase.id, channelIds, evidenceIds, 1);
    expect(paged).toEqual(whole);
    const lines = whole.map((l) => JSON.parse(l) as { type: string; seq: number });
    expect(lines.length).toBeGreaterThan(channelIds.length + evidenceIds.length);
    expect(lines.at(-1)!.type).toBe('chain-head');
    const seqs = lines.slice(0, -1).map((l) => l.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('reads the same lines each time they are taken, the chain as it stood when the log was made', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const { channelIds, evidenceIds } = getCase(session, kase.id);
    const log = await custodyLog(session.db, kase.id, channelIds, evidenceIds, 2, 2);
    const first = [...log.lines()];
    // an entry about the case made after the log: the package says what the chain held at its head
    session.audit({ action: 'case.updated', subject: { type: 'case', id: String(kase.id) }, details: {} });
    expect([...log.lines()]).toEqual(first);
    const later = await custodyLines(session.db, kase.id, channelIds, evidenceIds, 2);
    expect(later).toHaveLength(first.length + 1);
  });

  it('holds every entry about the case, its channels and its evidence up to the head, and none about anything else', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    // an item outside the case, taken in after it, and a second case with the same items
    const outside = await intakeBytes(session, POLICY, await screenshotPng(999), { originalName: 'other.png' });
    await analystCase(session, 'Budi Analis');
    const { channelIds, evidenceIds } = getCase(session, kase.id);
    const subjects = new Set([
      `case:${kase.id}`,
      ...channelIds.map((id) => `channel:${id}`),
      ...evidenceIds.map((id) => `evidence:${id}`),
    ]);
    const expected = session.db
      .all<{ seq: number; subject_type: string; subject_id: string }>(
        sql`SELECT seq, subject_type, subject_id FROM audit ORDER BY seq`,
      )
      .filter((r) => subjects.has(`${r.subject_type}:${r.subject_id}`))
      .map((r) => r.seq);
    const lines = (await custodyLines(session.db, kase.id, channelIds, evidenceIds, 2)).map(
      (l) => JSON.parse(l) as { type: string; seq: number; subjectType: string; subjectId: string },
    );
    expect(lines.slice(0, -1).map((l) => l.seq)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(subjects.size);
    expect(lines.some((l) => l.subjectType === 'evidence' && l.subjectId === String(outside.evidenceId))).toBe(false);
    expect(lines.filter((l) => l.subjectType === 'case').every((l) => l.subjectId === String(kase.id))).toBe(true);
  });
});
