import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedNext, recordDecision, setCaseStatus } from '../../../electron/core/cases/case-status';
import { addItems, caseIdOf, createCase, getCase, listCases } from '../../../electron/core/cases/cases';
import { removeItems } from '../../../electron/core/cases/case-drafts';
import { exportCase } from '../../../electron/core/cases/export-case';
import { addOrFindChannel } from '../../../electron/core/catalog/channels';
import { dashboardStats } from '../../../electron/core/dashboard/dashboard';
import { sql } from '../../../electron/core/db/sql';
import type { VaultSession } from '../../../electron/core/vault/session';
import { RESOURCES, analystCase, decideLatest } from '../../fixtures/case';
import { POLICY } from '../../fixtures/catalog';
import { newVault, tempDir } from '../../fixtures/temp';

const opts = { language: 'id' as const, resourcesDir: RESOURCES, version: '0.1.0-test' };

async function exported(session: VaultSession, caseId: number) {
  const result = await exportCase(session, POLICY, caseId, join(tempDir(), 'package.zip'), opts);
  return result;
}

describe('case status machine', () => {
  it('walks draft → exported → returned → draft r2 → exported → approved → submitted → acknowledged → actioned, each step with who and when', async () => {
    const { session } = await newVault();
    const { kase, evidence } = await analystCase(session);
    const actor = session.actor;
    expect(getCase(session, kase.id)).toMatchObject({ status: 'draft', revision: 1, allowedNext: [], open: false });
    await exported(session, kase.id);
    expect(getCase(session, kase.id)).toMatchObject({ status: 'exported', allowedNext: [], open: true });

    decideLatest(session, kase.id, 'returned', 'Bukti nomor 2 buram');
    expect(getCase(session, kase.id).allowedNext).toEqual(['draft']);
    // Nothing can mark a returned export as submitted.
    expect(() => setCaseStatus(session, kase.id, 'submitted')).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_STEP',
        message: expect.stringMatching(/is returned; it cannot become submitted \(allowed next: draft\)/),
      }),
    );

    await expect(exported(session, kase.id)).rejects.toMatchObject({
      code: 'ILLEGAL_STEP',
      message: expect.stringMatching(/was returned; make a revised draft/),
    });
    setCaseStatus(session, kase.id, 'draft', 'Revisi bukti');
    const revised = getCase(session, kase.id);
    expect(revised).toMatchObject({ status: 'draft', revision: 2, reference: `${kase.reference}-r2` });
    expect(revised.exports).toHaveLength(1);
    // The new draft can change again.
    removeItems(session, kase.id, [], [evidence[1]!]);
    const second = await exported(session, kase.id);
    expect(second.name).toBe(`${kase.reference.replace(/\//g, '-')}-r2`);
    expect(getCase(session, kase.id).exports.map((e) => e.fileName)).toHaveLength(2);

    decideLatest(session, kase.id, 'approved', 'langkah approved');
    for (const status of ['submitted', 'acknowledged', 'actioned'])
      setCaseStatus(session, kase.id, status, `langkah ${status}`);
    const done = getCase(session, kase.id);
    expect(done).toMatchObject({ status: 'actioned', allowedNext: [], open: false });
    expect(done.history.map((h) => h.status)).toEqual([
      'draft',
      'exported',
      'returned',
      'draft',
      'exported',
      'approved',
      'submitted',
      'acknowledged',
      'actioned',
    ]);
    expect(done.history.every((h) => h.actor === actor && !Number.isNaN(Date.parse(h.at)))).toBe(true);
    expect(done.history[2]!.note).toBe('Bukti nomor 2 buram');
    expect(() => setCaseStatus(session, kase.id, 'rejected')).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_STEP', message: expect.stringMatching(/no further step is possible/) }),
    );

    const audit = session.db.all<{ action: string; details: string }>(
      sql`SELECT action, details FROM audit WHERE subject_type = 'case' AND subject_id = ${String(kase.id)} ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toContain('case.revised');
    const returned = audit.find(
      (a) => a.action === 'case.status-changed' && JSON.parse(a.details).status === 'returned',
    )!;
    expect(JSON.parse(returned.details)).toMatchObject({
      from: 'exported',
      via: 'package',
      note: 'Bukti nomor 2 buram',
    });
    session.close('test');
  });

  it('refuses every illegal step naming the current status and the allowed next ones, and changes nothing', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    expect(() => setCaseStatus(session, kase.id, 'submitted')).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_STEP',
        message: expect.stringMatching(/is draft; it cannot become submitted/),
      }),
    );
    expect(() => setCaseStatus(session, kase.id, 'exported')).toThrow(/package is written/);
    expect(() => setCaseStatus(session, kase.id, 'done')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/Unknown case status "done"/) }),
    );
    await exported(session, kase.id);
    for (const status of ['draft', 'submitted', 'acknowledged', 'actioned', 'rejected', 'exported']) {
      expect(() => setCaseStatus(session, kase.id, status)).toThrow(
        expect.objectContaining({
          code: 'ILLEGAL_STEP',
          message: expect.stringMatching(/next: approved or returned, from a package/),
        }),
      );
    }
    // Nobody types a supervisor's decision: it comes only from their countersigned package.
    for (const status of ['approved', 'returned']) {
      expect(() => setCaseStatus(session, kase.id, status, 'per telepon')).toThrow(
        expect.objectContaining({
          code: 'ILLEGAL_STEP',
          message: expect.stringMatching(/recorded by receiving their countersigned package \(case receive FILE\.zip/),
        }),
      );
    }
    expect(getCase(session, kase.id).history).toHaveLength(2);
    expect(allowedNext('approved')).toEqual(['submitted']);
    expect(allowedNext('submitted')).toEqual(['acknowledged']);
    expect(allowedNext('acknowledged')).toEqual(['actioned', 'rejected']);
    session.close('test');
  });

  it('takes a decision from a package only for the latest export of that case', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const first = await exported(session, kase.id);
    expect(() =>
      recordDecision(session, kase.id, 'approved', { tagmanifestSha256: 'ab'.repeat(32), file: 'x.zip', comment: '' }),
    ).toThrow(/answers another export/);
    recordDecision(session, kase.id, 'returned', {
      tagmanifestSha256: first.tagmanifestSha256,
      file: 'returned.zip',
      comment: 'Perbaiki',
    });
    expect(getCase(session, kase.id)).toMatchObject({ status: 'returned' });
    expect(() =>
      recordDecision(session, kase.id, 'approved', {
        tagmanifestSha256: first.tagmanifestSha256,
        file: 'again.zip',
        comment: '',
      }),
    ).toThrow(expect.objectContaining({ code: 'ILLEGAL_STEP' }));
    const entry = session.db.get<{ details: string }>(
      sql`SELECT details FROM audit WHERE action = 'case.status-changed' ORDER BY seq DESC LIMIT 1`,
    )!;
    expect(JSON.parse(entry.details)).toMatchObject({
      via: 'package',
      file: 'returned.zip',
      tagmanifestSha256: first.tagmanifestSha256,
    });
    session.close('test');
  });

  it('finds a revised case by any of its references, and never gives a revised number out again', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    await exported(session, kase.id);
    decideLatest(session, kase.id, 'returned');
    setCaseStatus(session, kase.id, 'draft');
    await exported(session, kase.id);
    decideLatest(session, kase.id, 'returned');
    setCaseStatus(session, kase.id, 'draft');
    expect(getCase(session, kase.id)).toMatchObject({ revision: 3, reference: `${kase.reference}-r3` });
    for (const ref of [kase.reference, `${kase.reference}-r2`, `${kase.reference}-r3`])
      expect(caseIdOf(session, ref)).toBe(kase.id);
    expect(() => caseIdOf(session, `${kase.reference}-r4`)).toThrow(/No case/);
    const next = createCase(session, POLICY, { title: 'Berikutnya', platform: 'telegram' });
    expect(next.reference).toBe(kase.reference.replace(/0001$/, '0002'));
    session.close('test');
  });

  it('counts a case as open and possibly overdue from export until the platform acts; a draft is neither', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const later = new Date(Date.now() + 5 * 3_600_000);
    expect(listCases(session, later)[0]).toMatchObject({ status: 'draft', open: false, overdue: false });
    expect(dashboardStats(session.db, 12, later)).toMatchObject({ openCases: 0, overdueCases: 0 });
    await exported(session, kase.id);
    expect(listCases(session, later)[0]).toMatchObject({ open: true, overdue: true });
    expect(listCases(session)[0]).toMatchObject({ open: true, overdue: false });
    expect(dashboardStats(session.db, 12, later)).toMatchObject({ openCases: 1, overdueCases: 1 });
    decideLatest(session, kase.id, 'returned');
    setCaseStatus(session, kase.id, 'draft');
    expect(dashboardStats(session.db, 12, later)).toMatchObject({ openCases: 0, overdueCases: 0 });
    await exported(session, kase.id);
    decideLatest(session, kase.id, 'approved');
    expect(dashboardStats(session.db, 12, later)).toMatchObject({ openCases: 1, overdueCases: 1 });
    for (const status of ['submitted', 'acknowledged']) {
      setCaseStatus(session, kase.id, status);
      expect(dashboardStats(session.db, 12, later)).toMatchObject({ openCases: 1, overdueCases: 1 });
    }
    setCaseStatus(session, kase.id, 'rejected');
    expect(listCases(session, later)[0]).toMatchObject({ open: false, overdue: false });
    expect(dashboardStats(session.db, 12, later)).toMatchObject({ openCases: 0, overdueCases: 0 });
    session.close('test');
  });

  it('adds items only to a draft', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const extra = addOrFindChannel(session, POLICY, { url: 't.me/tambahan' }).id;
    await exported(session, kase.id);
    expect(() => addItems(session, kase.id, [extra], [])).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/is exported; only a draft can change/),
      }),
    );
    session.close('test');
  });
});
