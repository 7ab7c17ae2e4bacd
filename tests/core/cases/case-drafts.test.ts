import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteCase, removeItems, updateDraftCase } from '../../../electron/core/cases/case-drafts';
import { setCaseStatus } from '../../../electron/core/cases/case-status';
import { caseIdOf, createCase, getCase, listCases } from '../../../electron/core/cases/cases';
import { exportCase } from '../../../electron/core/cases/export-case';
import { getChannel } from '../../../electron/core/catalog/channels';
import { sql } from '../../../electron/core/db/sql';
import { getEvidence } from '../../../electron/core/evidence/evidence-repo';
import { RESOURCES, analystCase, decideLatest } from '../../fixtures/case';
import { POLICY } from '../../fixtures/catalog';
import { newVault, tempDir } from '../../fixtures/temp';

const opts = { language: 'id' as const, resourcesDir: RESOURCES, version: '0.1.0-test' };

describe('draft cases: edit, remove items, delete', () => {
  it('edits title, legal basis, notes and priority (the due time follows), each change audited', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    expect(kase.priority).toBe('urgent');
    const edited = updateDraftCase(session, POLICY, kase.id, {
      title: '  Propaganda ISIS (revisi) ',
      legalBasis: 'UU ITE Pasal 45',
      notes: 'catatan',
      priority: 'normal',
    });
    expect(edited).toMatchObject({
      title: 'Propaganda ISIS (revisi)',
      legalBasis: 'UU ITE Pasal 45',
      notes: 'catatan',
      priority: 'normal',
    });
    expect(Date.parse(edited.dueAt) - Date.parse(edited.createdAt)).toBe(24 * 3_600_000);
    const entry = session.db.get<{ details: string }>(sql`SELECT details FROM audit WHERE action = 'case.updated'`)!;
    expect(JSON.parse(entry.details)).toMatchObject({
      reference: kase.reference,
      changed: { title: 'Propaganda ISIS (revisi)', priority: 'normal', dueAt: edited.dueAt },
    });
    expect(() => updateDraftCase(session, POLICY, kase.id, { title: '   ' })).toThrow(/needs a title/);
    session.close('test');
  });

  it('removes channels and evidence from a draft (the catalog keeps them); an item the case does not hold removes nothing', async () => {
    const { session } = await newVault();
    const { kase, channels, evidence } = await analystCase(session);
    const after = removeItems(session, kase.id, [channels[0]!], [evidence[0]!, evidence[2]!]);
    expect(after.channelIds).toEqual(channels.slice(1));
    expect(after.evidenceIds).toEqual([evidence[1], evidence[3]]);
    expect(getChannel(session, channels[0]!).id).toBe(channels[0]);
    expect(getEvidence(session, evidence[0]!).id).toBe(evidence[0]);
    expect(() => removeItems(session, kase.id, [channels[1]!], [evidence[0]!])).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message: expect.stringMatching(/does not hold evidence #\d+; nothing was removed/),
      }),
    );
    expect(getCase(session, kase.id).channelIds).toEqual(channels.slice(1));
    expect(session.db.all(sql`SELECT details FROM audit WHERE action = 'case.items-removed'`)).toHaveLength(1);
    session.close('test');
  });

  it('refuses edits, removals and deletion once exported; a revision is a draft again but keeps its record', async () => {
    const { session } = await newVault();
    const { kase, evidence } = await analystCase(session);
    await exportCase(session, POLICY, kase.id, join(tempDir(), 'p.zip'), opts);
    expect(() => updateDraftCase(session, POLICY, kase.id, { title: 'x' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/is exported; only a draft can change/),
      }),
    );
    expect(() => removeItems(session, kase.id, [], [evidence[0]!])).toThrow(/only a draft can change/);
    expect(() => deleteCase(session, kase.id)).toThrow(/only a draft can change/);
    decideLatest(session, kase.id, 'returned');
    setCaseStatus(session, kase.id, 'draft');
    expect(updateDraftCase(session, POLICY, kase.id, { title: 'Revisi' }).title).toBe('Revisi');
    expect(() => deleteCase(session, kase.id)).toThrow(/was exported before .*its record stays/);
    expect(getCase(session, kase.id).exports).toHaveLength(1);
    session.close('test');
  });

  it('deletes a draft never exported: the audit log keeps it with its reference, and the reference is never reused', async () => {
    const { session } = await newVault();
    const first = createCase(session, POLICY, { title: 'Salah buat', platform: 'telegram' });
    const second = createCase(session, POLICY, { title: 'Kedua', platform: 'telegram' });
    expect(deleteCase(session, second.id)).toEqual({ reference: second.reference });
    expect(listCases(session).map((c) => c.reference)).toEqual([first.reference]);
    const third = createCase(session, POLICY, { title: 'Ketiga', platform: 'telegram' });
    expect(third.reference).toBe(second.reference.replace(/0002$/, '0003'));
    expect(third.id).toBe(second.id + 1);
    deleteCase(session, first.id);
    deleteCase(session, third.id);
    // Even with every case gone, the numbers stay taken.
    expect(createCase(session, POLICY, { title: 'Keempat', platform: 'telegram' }).reference).toMatch(/0004$/);
    expect(() => caseIdOf(session, second.reference)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/was deleted on/) }),
    );
    const entry = session.db.get<{ subject_id: string; details: string }>(
      sql`SELECT subject_id, details FROM audit WHERE action = 'case.deleted' ORDER BY seq LIMIT 1`,
    )!;
    expect(entry.subject_id).toBe(String(second.id));
    expect(JSON.parse(entry.details)).toMatchObject({ reference: second.reference, title: 'Kedua' });
    session.close('test');
  });
});
