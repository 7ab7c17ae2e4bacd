import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setCaseStatus } from '../../../electron/core/cases/case-status';
import { createCase } from '../../../electron/core/cases/cases';
import { sql } from '../../../electron/core/db/sql';
import { isJejakError } from '../../../electron/core/errors';
import { importResponse } from '../../../electron/core/outcomes/import-response';
import { POLICY } from '../../fixtures/catalog';
import { type SentCase, at, responseTo, sentCase } from '../../fixtures/outcomes';

/** Everything an import could change: rows, the audit log, the case's status, the blob files. */
function state({ session, kase }: SentCase) {
  const n = (query: ReturnType<typeof sql>) => session.db.get<{ n: number }>(query)!.n;
  return {
    outcomes: n(sql`SELECT count(*) AS n FROM item_outcomes`),
    responses: n(sql`SELECT count(*) AS n FROM case_responses`),
    blobs: n(sql`SELECT count(*) AS n FROM blobs`),
    audit: n(sql`SELECT count(*) AS n FROM audit`),
    status: session.db.get<{ status: string }>(sql`SELECT status FROM cases WHERE id = ${kase.id}`)!.status,
    files: readdirSync(join(session.dir, 'blobs'), { recursive: true }).length,
  };
}

describe('a hostile or wrong response file', () => {
  it('each gives a clear coded error naming what is wrong, and changes nothing', async () => {
    const sent = await sentCase();
    const { session, kase, notice } = sent;
    setCaseStatus(session, kase.id, 'submitted', '', at(20));
    const [a, b] = notice.items.map((i) => i.itemId) as [string, string];
    const good = { itemId: a, status: 'removed', actedAt: at(100).toISOString() };
    const other = createCase(session, POLICY, { title: 'Kasus lain', platform: 'telegram' }, at(30));
    const otherNotice = session.db.get<{ notice_id: string }>(sql`SELECT notice_id FROM cases WHERE id = ${other.id}`)!;
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));

    const cases: Array<{ name: string; bytes: Buffer; caseId?: number; code: string; says: RegExp }> = [
      {
        name: 'not JSON',
        bytes: Buffer.from('{"format": "jejak-response/1", '),
        code: 'UNREADABLE',
        says: /not UTF-8 JSON/,
      },
      { name: 'not UTF-8', bytes: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), code: 'UNREADABLE', says: /not UTF-8 JSON/ },
      { name: 'a JSON list', bytes: json([good]), code: 'RESPONSE_INVALID', says: /\/: must be object/ },
      {
        name: 'an unknown status',
        bytes: json(responseTo(notice, [{ ...good, status: 'deleted' }])),
        code: 'RESPONSE_INVALID',
        says: /\/items\/0\/status: must be one of "removed", "restricted", "not-actioned", "already-gone"/,
      },
      {
        name: 'not actioned without a reason',
        bytes: json(responseTo(notice, [{ ...good, status: 'not-actioned' }])),
        code: 'RESPONSE_INVALID',
        says: /\/items\/0\/reason: is missing/,
      },
      {
        name: 'a field the format does not have',
        bytes: json({ ...responseTo(notice, [good]), verdict: 'all removed' }),
        code: 'RESPONSE_INVALID',
        says: /\/verdict: is not a field of this format/,
      },
      {
        name: 'a time without its zone',
        bytes: json(responseTo(notice, [{ ...good, actedAt: '2026-11-02T10:00:00' }])),
        code: 'RESPONSE_INVALID',
        says: /\/items\/0\/actedAt: must match/,
      },
      {
        name: 'one item answered twice',
        bytes: json(responseTo(notice, [good, { ...good, status: 'restricted' }])),
        code: 'RESPONSE_INVALID',
        says: /\/items\/1\/itemId: answers the same item as \/items\/0/,
      },
      {
        name: 'an action later than now',
        bytes: json(responseTo(notice, [{ ...good, actedAt: at(24 * 60).toISOString() }])),
        code: 'RESPONSE_INVALID',
        says: /\/items\/0\/actedAt: is later than now/,
      },
      {
        name: 'a notice this vault never issued',
        bytes: json(responseTo({ noticeId: randomUUID() }, [good])),
        code: 'OTHER_NOTICE',
        says: /No case in this vault issued notice/,
      },
      {
        name: "another case's notice, given to this case",
        bytes: json(responseTo({ noticeId: otherNotice.notice_id }, [good])),
        caseId: kase.id,
        code: 'OTHER_NOTICE',
        says: new RegExp(
          `answers notice ${otherNotice.notice_id} \\(case ${other.reference}\\), not the notice of ${kase.reference}`,
        ),
      },
      {
        name: 'the notice of a case not sent yet',
        bytes: json(responseTo({ noticeId: otherNotice.notice_id }, [good])),
        code: 'ILLEGAL_STEP',
        says: /is draft: outcomes are recorded once its notice is approved and sent/,
      },
      {
        name: 'an item the notice does not list, beside one it does',
        bytes: json(
          responseTo(notice, [good, { itemId: randomUUID(), status: 'removed', actedAt: at(90).toISOString() }]),
        ),
        code: 'UNKNOWN_ITEM',
        says: /answers 1 item\(s\) the latest notice of .* does not list: \/items\/1\/itemId [0-9a-f-]{36}; nothing was recorded/,
      },
    ];
    const before = state(sent);
    for (const c of cases) {
      const failure = await importResponse(session, c.bytes, {
        caseId: c.caseId,
        fileName: 'r.json',
        now: at(200),
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isJejakError(failure), c.name).toBe(true);
      expect({ name: c.name, code: (failure as Error & { code: string }).code }).toEqual({
        name: c.name,
        code: c.code,
      });
      expect((failure as Error).message, c.name).toMatch(c.says);
      expect(state(sent), c.name).toEqual(before);
    }

    // The same content, well formed, goes in: the refusals above left nothing in its way.
    const fine = await importResponse(session, json(responseTo(notice, [good, { ...good, itemId: b }])), {
      fileName: 'r.json',
      now: at(200),
    });
    expect(fine).toMatchObject({ outcome: 'imported', recorded: 2, status: 'acknowledged' });
    session.close('test');
  });
});
