import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { Db } from '../../../electron/core/db/database';
import { sql } from '../../../electron/core/db/sql';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { outcomes } from '../../../electron/core/db/migrations/0008-outcomes';
import { caseOutcomes } from '../../../electron/core/outcomes/case-outcomes';
import { importResponse } from '../../../electron/core/outcomes/import-response';
import { DOWN_ITEMS } from '../../../electron/core/reappearance/reappearances';
import { at, responseTo, sentCase } from '../../fixtures/outcomes';

function plan(db: Db, query: ReturnType<typeof sql>): string {
  return db.raw
    .prepare(`EXPLAIN QUERY PLAN ${query.text}`)
    .all(...query.params)
    .map((r) => (r as { detail: string }).detail)
    .join('\n');
}

describe('migration outcomes', () => {
  it('is migration 8, counting on from the others, and leaves a database with sent cases without outcomes', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[outcomes.version - 1]).toBe(outcomes);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(8);
    const db = new Db(new Database(':memory:'));
    db.raw.pragma('foreign_keys = ON');
    migrate(db, 7);
    db.raw
      .exec(`INSERT INTO cases (id, reference, title, platform, priority, due_at, status, created_at, created_by, updated_at)
      VALUES (1, 'TKD/2026/11/0001', 'Lama', 'telegram', 'urgent', '2026-11-02T12:00:00.000Z', 'submitted', '2026-11-02T08:00:00.000Z', 't', '2026-11-02T08:00:00.000Z');
      INSERT INTO case_exports (case_id, file_name, tagmanifest_sha256, bytes, exported_at)
      VALUES (1, 'TKD-2026-11-0001.zip', '${'a'.repeat(64)}', 1, '2026-11-02T08:10:00.000Z');`);
    migrate(db);
    expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    for (const table of ['notices', 'notice_items', 'case_responses', 'item_outcomes', 'reappearances'])
      expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${{ text: table, params: [] }}`)!.n, table).toBe(0);
    expect(db.all(sql`SELECT * FROM case_items`)).toEqual([]);
    expect(db.get(sql`SELECT notice_id FROM cases WHERE id = 1`)).toMatchObject({ notice_id: expect.any(String) });
  });

  it('finds taken-down items and one item outcomes through indexes, not by reading every row', () => {
    const db = new Db(new Database(':memory:'));
    migrate(db);
    expect(plan(db, DOWN_ITEMS)).toMatch(/USING (COVERING )?INDEX item_outcomes_down/);
    const items = plan(db, sql`SELECT * FROM case_items WHERE case_id = ${1}`);
    expect(items).toMatch(/INDEX notice_items_case/);
    expect(items).toMatch(/INDEX item_outcomes_item/);
    expect(items).not.toMatch(/\bSCAN\b/);
  });

  it('gives a case exported before outcomes its items on first use, with the ids its package notice gave them', async () => {
    const { session, kase, notice } = await sentCase();
    session.db.raw.exec('DELETE FROM notice_item_evidence; DELETE FROM notice_items; DELETE FROM notices;');
    const rebuilt = caseOutcomes(session, kase.id, at(20));
    expect(rebuilt.items.map((i) => i.itemId)).toEqual(notice.items.map((i) => i.itemId));
    expect(rebuilt).toMatchObject({ noticeId: notice.noticeId, deadline: notice.deadline });
    expect(session.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM notice_item_evidence`)!.n).toBe(
      notice.items.reduce((n, i) => n + i.evidence.length, 0),
    );
    const answer = responseTo(
      notice,
      [{ itemId: notice.items[0]!.itemId, status: 'removed', actedAt: at(30).toISOString() }],
      at(40),
    );
    expect(
      await importResponse(session, Buffer.from(JSON.stringify(answer)), { fileName: 'r.json', now: at(60) }),
    ).toMatchObject({ outcome: 'imported', recorded: 1 });
    session.close('test');
  });
});
