import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrations } from '../../../electron/core/db/migrations';
import { unitOutcomes } from '../../../electron/core/db/migrations/0013-unit-outcomes';
import { databaseAt, rows, runSql } from '../../fixtures/database-at';

const pkg = (id: number, noticeId: string, exportedAt: string) =>
  `INSERT INTO unit_packages (id, decision_sha256, tagmanifest_sha256, package_sha256, file_name, blob_name, bytes, encrypted, vault_id,
    reference, title, platform, priority, due_at, notice_id, analyst_name, analyst_unit, analyst_id, analyst_fingerprint, supervisor_name,
    supervisor_fingerprint, exported_at, approved_at, custody, imported_at, imported_by)
    VALUES (${id}, 'd${id}', 't', 'p', 'f.zip', 'b', 1, 0, 'v1', 'R', 'T', 'telegram', 'normal', 'due', '${noticeId}', 'A', 'U', 'N', 'fa', 'S', 'fs',
      '${exportedAt}', '${exportedAt}', 'first', 'now', 'me')`;
const item = (packageId: number, itemId: string) =>
  `INSERT INTO unit_items (package_id, item_id, kind, canonical_url, category, deadline) VALUES (${packageId}, '${itemId}', 'channel', 'u', 'terrorist-content', 'due')`;

describe('migration unit-outcomes (0013)', () => {
  it('counts on from the migrations before it', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[unitOutcomes.version - 1]).toBe(unitOutcomes);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(unitOutcomes.version);
  });

  it("reports the items of each notice's latest package once, with each item's first answer; the same answer is kept once", () => {
    const db = databaseAt(unitOutcomes.version);
    runSql(db, "INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 's', 's5', 1, 'now')");
    // the first revision of a notice, then its second with one more item, and another notice
    runSql(db, pkg(1, 'n1', '2026-11-02T00:00:00Z'));
    runSql(db, pkg(2, 'n1', '2026-11-03T00:00:00Z'));
    runSql(db, pkg(3, 'n2', '2026-11-04T00:00:00Z'));
    for (const [p, i] of [
      [1, 'a'],
      [2, 'a'],
      [2, 'b'],
      [3, 'c'],
    ] as const)
      runSql(db, item(p, i));
    runSql(
      db,
      `INSERT INTO unit_responses (id, notice_id, responder, responded_at, items, file_name, sha256, blob_name, bytes, received_at, received_by)
       VALUES (1, 'n1', 'Telegram', 'x', 2, 'r.json', 'h', 'b', 1, 'now', 'me')`,
    );
    const answer = `INSERT INTO unit_outcomes (notice_id, item_id, status, at, reason, ticket, response_id) VALUES (?, ?, ?, ?, '', '', 1)`;
    runSql(db, answer, 'n1', 'a', 'not-actioned', '2026-11-05T00:00:00Z');
    runSql(db, answer, 'n1', 'a', 'removed', '2026-11-04T00:00:00Z');
    expect(() => runSql(db, answer, 'n1', 'a', 'removed', '2026-11-04T00:00:00Z')).toThrow(/UNIQUE/);
    expect(() => runSql(db, answer, 'n1', 'b', 'still-online', '2026-11-04T00:00:00Z')).toThrow(/CHECK/);
    expect(
      rows(db, 'SELECT package_id, item_id, issued_at, action, acted_at FROM unit_report_items ORDER BY item_id'),
    ).toEqual([
      {
        package_id: 2,
        item_id: 'a',
        issued_at: '2026-11-03T00:00:00Z',
        action: 'removed',
        acted_at: '2026-11-04T00:00:00Z',
      },
      { package_id: 2, item_id: 'b', issued_at: '2026-11-03T00:00:00Z', action: null, acted_at: null },
      { package_id: 3, item_id: 'c', issued_at: '2026-11-04T00:00:00Z', action: null, acted_at: null },
    ]);
  });
});
