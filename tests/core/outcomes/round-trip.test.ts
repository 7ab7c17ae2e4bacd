import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { setCaseStatus } from '../../../electron/core/cases/case-status';
import { getCase, listCases } from '../../../electron/core/cases/cases';
import { dashboardStats } from '../../../electron/core/dashboard/dashboard';
import { sql } from '../../../electron/core/db/sql';
import { caseOutcomes } from '../../../electron/core/outcomes/case-outcomes';
import { importResponse, readResponseFile } from '../../../electron/core/outcomes/import-response';
import { recordObservation } from '../../../electron/core/outcomes/observe';
import { at, responseTo, sentCase, writeJson } from '../../fixtures/outcomes';

describe('outcomes per item: export → response → overdue → observations → actioned', () => {
  it('takes in a response for 3 of 5 items, counts the other 2 overdue after the deadline, and closes the case on observations', async () => {
    const { session, kase, notice } = await sentCase();
    expect(notice.items).toHaveLength(5);
    expect(notice.deadline).toBe(at(240).toISOString());
    setCaseStatus(session, kase.id, 'submitted', 'by email', at(20));

    const [a, b, c, d, e] = notice.items.map((i) => i.itemId) as [string, string, string, string, string];
    const file = writeJson(
      responseTo(notice, [
        { itemId: a, status: 'removed', actedAt: at(130).toISOString(), ticket: 'TG-1001' },
        { itemId: b, status: 'restricted', actedAt: at(180).toISOString(), ticket: 'TG-1002' },
        { itemId: c, status: 'not-actioned', actedAt: at(200).toISOString(), reason: 'No violation found' },
      ]),
    );
    const bytes = readResponseFile(file);
    const imported = await importResponse(session, bytes, { fileName: 'response.json', now: at(210) });
    expect(imported).toMatchObject({
      outcome: 'imported',
      caseId: kase.id,
      status: 'acknowledged',
      answered: 3,
      recorded: 3,
      items: 5,
      open: 2,
    });

    // Time to action against the deadline, per item.
    const before = caseOutcomes(session, kase.id, at(210));
    const first = before.items.find((i) => i.itemId === a)!;
    expect(first.outcome).toEqual({ status: 'removed', source: 'response', at: at(130).toISOString() });
    expect(first.action).toEqual({
      status: 'removed',
      at: at(130).toISOString(),
      secondsToAction: 120 * 60,
      secondsBeforeDeadline: 110 * 60,
    });
    expect(first.history[0]).toMatchObject({ ticket: 'TG-1001', responseId: before.responses[0]!.id });
    expect(before.items.find((i) => i.itemId === c)!.history[0]!.reason).toBe('No violation found');
    expect(before.counts).toEqual({ items: 5, final: 3, open: 2, overdue: 0 });

    // The response is kept in the vault, byte for byte, and taking it in again changes nothing.
    const kept = session.db.get<{ blob_name: string; sha256: string }>(
      sql`SELECT blob_name, sha256 FROM case_responses WHERE case_id = ${kase.id}`,
    )!;
    expect((await session.blobs.readAll(kept.blob_name, kept.sha256)).equals(readFileSync(file))).toBe(true);
    const entries = session.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit`)!.n;
    expect(await importResponse(session, bytes, { fileName: 'again.json', now: at(215) })).toMatchObject({
      outcome: 'already-imported',
      recorded: 0,
    });
    expect(session.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit`)!.n).toBe(entries);

    // Past the deadline, the two items without an answer are overdue: on the case, the list, the dashboard.
    const late = at(300);
    expect(
      caseOutcomes(session, kase.id, late)
        .items.filter((i) => i.overdue)
        .map((i) => i.itemId),
    ).toEqual([d, e]);
    expect(listCases(session, late).find((x) => x.id === kase.id)!.overdueItems).toBe(2);
    expect(getCase(session, kase.id, late).overdueItems).toBe(2);
    expect(dashboardStats(session.db, 12, late).overdueItems).toBe(2);

    // The analyst looks: both still online (one step for all open items); then each is gone.
    const bulk = recordObservation(session, kase.id, { allOpen: true, status: 'still-online' }, late);
    expect(bulk).toMatchObject({ itemIds: [d, e], status: 'acknowledged' });
    expect(caseOutcomes(session, kase.id, late).counts.overdue).toBe(2);
    recordObservation(session, kase.id, { itemIds: [d], status: 'removed', at: at(330).toISOString() }, at(360));
    expect(getCase(session, kase.id, at(360)).status).toBe('acknowledged');
    const closing = recordObservation(
      session,
      kase.id,
      { itemIds: [e.slice(0, 8)], status: 'removed', note: 'Kanal tidak ditemukan' },
      at(400),
    );
    expect(closing).toMatchObject({ status: 'actioned', itemIds: [e] });

    const done = getCase(session, kase.id, at(400));
    expect(done.history.map((h) => h.status)).toEqual([
      'draft',
      'exported',
      'approved',
      'submitted',
      'acknowledged',
      'actioned',
    ]);
    expect(done.overdueItems).toBe(0);
    expect(dashboardStats(session.db, 12, at(400)).overdueItems).toBe(0);
    const after = caseOutcomes(session, kase.id, at(400));
    expect(after.counts).toEqual({ items: 5, final: 5, open: 0, overdue: 0 });
    expect(after.items.find((i) => i.itemId === d)!.action!.secondsBeforeDeadline).toBe(-90 * 60);
    expect(after.items.find((i) => i.itemId === e)!.history.map((h) => h.status)).toEqual(['removed', 'still-online']);

    const actions = session.db
      .all<{ action: string }>(sql`SELECT action FROM audit WHERE action LIKE 'case.%' ORDER BY seq`)
      .map((r) => r.action);
    expect(actions.filter((x) => x === 'case.response-imported')).toHaveLength(1);
    expect(actions.filter((x) => x === 'case.items-observed')).toHaveLength(3);
    expect(verifyAudit(session.db).ok).toBe(true);
    session.close('test');
  });

  it('keeps outcomes so counts per platform, category and week and time-to-action percentiles are one query each', async () => {
    const { session, kase, notice } = await sentCase();
    const [a, b] = notice.items.map((i) => i.itemId) as [string, string];
    await importResponse(
      session,
      Buffer.from(
        JSON.stringify(
          responseTo(notice, [
            { itemId: a, status: 'removed', actedAt: at(70).toISOString() },
            { itemId: b, status: 'not-actioned', actedAt: at(130).toISOString(), reason: 'Satire' },
          ]),
        ),
      ),
      { caseId: kase.id, fileName: 'r.json', now: at(200) },
    );
    const counts = session.db.all(
      sql`SELECT platform, category, strftime('%Y-%m-%d', issued_at, '-6 days', 'weekday 1') AS week, count(*) AS reported,
          total(action IN ('removed', 'restricted')) AS actioned, total(action = 'not-actioned') AS refused
        FROM case_items GROUP BY 1, 2, 3 ORDER BY 1, 2`,
    );
    expect(counts).toEqual([
      { platform: 'telegram', category: 'terrorist-content', week: '2026-11-02', reported: 4, actioned: 1, refused: 1 },
      { platform: 'youtube', category: 'terrorist-content', week: '2026-11-02', reported: 1, actioned: 0, refused: 0 },
    ]);
    const median = session.db.get<{ seconds: number }>(
      sql`SELECT seconds FROM (SELECT (unixepoch(acted_at) - unixepoch(issued_at)) AS seconds,
          percent_rank() OVER (ORDER BY unixepoch(acted_at) - unixepoch(issued_at)) AS rank
        FROM case_items WHERE action IN ('removed', 'restricted', 'not-actioned')) WHERE rank >= 0.5 ORDER BY rank LIMIT 1`,
    );
    expect(median).toEqual({ seconds: 120 * 60 });
    session.close('test');
  });
});
