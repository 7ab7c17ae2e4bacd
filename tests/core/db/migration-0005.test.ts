import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { notice } from '../../../electron/core/db/migrations/0005-notice';
import { databaseAt, rows } from '../../fixtures/database-at';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A database as the version before the notice left it, with cases in it. */
function beforeNotice(caseCount: number): Db {
  const db = databaseAt(notice.version - 1);
  for (let i = 1; i <= caseCount; i++) insertCase(db, `JJK/2026/11/${String(i).padStart(4, '0')}`);
  return db;
}

function insertCase(db: Db, reference: string, noticeId?: string): void {
  const columns = noticeId === undefined ? '' : ', notice_id';
  const values = noticeId === undefined ? '' : `, '${noticeId}'`;
  db.raw
    .exec(`INSERT INTO cases (reference, title, platform, priority, due_at, status, created_at, created_by, updated_at${columns})
    VALUES ('${reference}', 't', 'telegram', 'normal', '2026-11-29T00:00:00.000Z', 'draft', '2026-11-28T00:00:00.000Z', 'tester', '2026-11-28T00:00:00.000Z'${values})`);
}

const noticeIds = (db: Db) =>
  db.raw.prepare('SELECT reference, notice_id FROM cases ORDER BY id').all() as Array<{
    reference: string;
    notice_id: string;
  }>;

describe('migration notice', () => {
  it('comes after every earlier migration, versions counting up from 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[notice.version - 1]).toBe(notice);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(notice.version);
  });

  it('gives every existing case its own random notice id, and every new case one', () => {
    const db = beforeNotice(50);
    const before = rows(db, 'SELECT * FROM cases ORDER BY id');
    migrate(db);
    expect(
      rows(db, 'SELECT * FROM cases ORDER BY id').map((c) => ({ ...(c as object), notice_id: undefined })),
    ).toEqual(before.map((c) => ({ ...(c as object), notice_id: undefined })));
    expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const ids = noticeIds(db).map((r) => r.notice_id);
    expect(ids).toHaveLength(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(50);

    insertCase(db, 'JJK/2026/11/0051');
    insertCase(db, 'JJK/2026/11/0052');
    const [fresh, second] = noticeIds(db).slice(50);
    expect(fresh!.notice_id).toMatch(UUID_V4);
    expect(second!.notice_id).not.toBe(fresh!.notice_id);
  });

  it('keeps a notice id given on insert (a later revision quoting the same notice) and finds cases by it with an index', () => {
    const db = beforeNotice(1);
    migrate(db);
    const [first] = noticeIds(db);
    insertCase(db, 'JJK/2026/11/0001-r2', first!.notice_id);
    expect(noticeIds(db).map((r) => r.notice_id)).toEqual([first!.notice_id, first!.notice_id]);
    const plan = db.raw.prepare("EXPLAIN QUERY PLAN SELECT id FROM cases WHERE notice_id = 'x'").all() as Array<{
      detail: string;
    }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX cases_notice_id/);
  });
});
