import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionProblems, statementComment } from '../../../electron/common/decision-rules';
import { sql } from '../../../electron/core/db/sql';
import { verifyPackage } from '../../../electron/core/packages';
import { decidePackage } from '../../../electron/core/review/decide';
import { POLICY } from '../../fixtures/catalog';
import { tempDir } from '../../fixtures/temp';
import { analystAndSupervisor, evidenceOf, exportLatest } from '../../fixtures/two-vaults';

const FILES = ['data/evidence/001-a.png', 'data/evidence/002-b.png'];
const ok = (file: string) => ({ file, verdict: 'ok' as const, comment: '' });

describe('what a decision needs before it is signed', () => {
  it('approval: every evidence item marked, or "without item review" with a written reason', () => {
    expect(decisionProblems({ decision: 'approved', comment: 'Bagus', items: [] }, FILES)).toEqual([
      { code: 'unreviewed', files: FILES },
    ]);
    expect(decisionProblems({ decision: 'approved', comment: '', items: [ok(FILES[0]!)] }, FILES)).toEqual([
      { code: 'unreviewed', files: [FILES[1]] },
    ]);
    expect(decisionProblems({ decision: 'approved', comment: '', items: FILES.map(ok) }, FILES)).toEqual([]);
    expect(
      decisionProblems({ decision: 'approved', comment: '', items: [], withoutItemReview: { reason: '  ' } }, FILES),
    ).toEqual([{ code: 'reason-needed' }]);
    expect(
      decisionProblems(
        { decision: 'approved', comment: '', items: [], withoutItemReview: { reason: 'Diperiksa di rapat' } },
        FILES,
      ),
    ).toEqual([]);
    // A problem says what is wrong, whatever the decision; one file is marked once.
    expect(
      decisionProblems(
        {
          decision: 'approved',
          comment: '',
          items: [ok(FILES[0]!), { file: FILES[1]!, verdict: 'problem', comment: ' ' }],
        },
        FILES,
      ),
    ).toEqual([{ code: 'problem-needs-comment', files: [FILES[1]] }]);
    expect(
      decisionProblems(
        { decision: 'approved', comment: '', items: [ok(FILES[0]!), ok(FILES[0]!), ok(FILES[1]!)] },
        FILES,
      ),
    ).toEqual([{ code: 'duplicate-item', files: [FILES[0]] }]);
  });

  it('return: a comment or a problem item, never "without item review"', () => {
    expect(decisionProblems({ decision: 'returned', comment: '', items: [] }, FILES)).toEqual([
      { code: 'return-needs-reason' },
    ]);
    expect(decisionProblems({ decision: 'returned', comment: '', items: [ok(FILES[0]!)] }, FILES)).toEqual([
      { code: 'return-needs-reason' },
    ]);
    expect(decisionProblems({ decision: 'returned', comment: 'Kurang bukti', items: [] }, FILES)).toEqual([]);
    expect(
      decisionProblems(
        { decision: 'returned', comment: '', items: [{ file: FILES[0]!, verdict: 'problem', comment: 'buram' }] },
        FILES,
      ),
    ).toEqual([]);
    expect(
      decisionProblems({ decision: 'returned', comment: 'x', items: [], withoutItemReview: { reason: 'y' } }, FILES),
    ).toEqual([{ code: 'without-review-is-for-approval' }]);
  });

  it('the reason for skipping the item review is written into the signed comment', () => {
    expect(
      statementComment({
        decision: 'approved',
        comment: ' Kirim. ',
        items: [],
        withoutItemReview: { reason: 'Sudah dicek bersama' },
      }),
    ).toBe('Kirim.\n\nDisetujui tanpa tinjauan per item / Approved without item review: Sudah dicek bersama');
    expect(statementComment({ decision: 'approved', comment: 'Kirim.', items: [] })).toBe('Kirim.');
  });
});

describe('decidePackage', () => {
  it('refuses an approval with 0 of 4 items reviewed before anything is written, and signs one with every item marked', async () => {
    const { analyst, supervisor, kase } = await analystAndSupervisor();
    const { path } = await exportLatest(analyst, kase.id);
    const source = { path, result: await verifyPackage(path) };
    const out = join(tempDir(), 'approved.zip');
    await expect(
      decidePackage(supervisor, POLICY, source, out, { decision: 'approved', comment: 'Lengkap', items: [] }),
    ).rejects.toMatchObject({
      code: 'REVIEW_INCOMPLETE',
      message: expect.stringMatching(/^Nothing was signed: 4 evidence item\(s\) are not marked/),
    });
    await expect(
      decidePackage(supervisor, POLICY, source, out, { decision: 'returned', comment: '', items: [] }),
    ).rejects.toMatchObject({ code: 'REVIEW_INCOMPLETE' });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dirname(out))).toEqual([]);
    expect(supervisor.db.get(sql`SELECT 1 FROM audit WHERE action LIKE 'review.%'`)).toBeUndefined();

    const files = await evidenceOf(path);
    const signed = await decidePackage(supervisor, POLICY, source, out, {
      decision: 'approved',
      comment: 'Lengkap',
      items: files.map((f) => ({ file: f, verdict: 'ok', comment: '' })),
    });
    expect(signed).toMatchObject({
      reviewed: 4,
      total: 4,
      tagmanifestSha256: source.result.statements[0]!.raw.bag.tagmanifestSha256,
    });
    const statement = (await verifyPackage(out)).statements[1]!;
    expect(statement).toMatchObject({ decision: 'approved', comment: 'Lengkap' });
    expect(statement.review).toHaveLength(4);
    const audit = supervisor.db.get<{ details: string }>(
      sql`SELECT details FROM audit WHERE action = 'review.approved'`,
    )!;
    expect(JSON.parse(audit.details)).toMatchObject({ reviewed: 4, total: 4, withoutItemReview: false });
    analyst.close('test');
    supervisor.close('test');
  });
});
