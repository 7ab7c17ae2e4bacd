import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { dashboardStats } from '../../../electron/core/dashboard/dashboard';
import { Db } from '../../../electron/core/db/database';
import { migrate, migrations } from '../../../electron/core/db/migrations';
import { catalogCounts } from '../../../electron/core/db/migrations/0014-catalog-counts';
import type { SqlQuery } from '../../../electron/core/db/sql';
import { overdueUnitItems } from '../../../electron/core/unit/unit-counts';

/** The real database, recording every query so the test can ask SQLite how it plans them. */
class RecordingDb extends Db {
  readonly queries: SqlQuery[] = [];
  override all<T>(query: SqlQuery): T[] {
    this.queries.push(query);
    return super.all<T>(query);
  }
  override get<T>(query: SqlQuery): T | undefined {
    this.queries.push(query);
    return super.get<T>(query);
  }
  plans(): string[] {
    return this.queries.map((q) =>
      (this.raw.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | '),
    );
  }
}

const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 10, day, 0, minute)).toISOString();
const STATUSES = ['active', 'reported', 'blocked'];
const CATEGORIES = ['terorisme', 'hoaks'];
const PLATFORMS = ['telegram', 'youtube', 'x'];

/** A vault as the version before it left it: 12 channels over 12 days, 24 evidence items, some excluded. */
function beforeCounts(): RecordingDb {
  const raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = new RecordingDb(raw);
  migrate(db, catalogCounts.version - 1);
  raw
    .prepare('INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 1, ?)')
    .run('b'.repeat(64), 'b'.repeat(64), 'f'.repeat(128), at(1));
  for (let i = 1; i <= 12; i++) addChannel(raw, i);
  for (let i = 1; i <= 24; i++) addEvidence(raw, i);
  raw.prepare("INSERT INTO channel_exclusions VALUES (4, ?, 'a', 'salah')").run(at(20));
  raw.prepare("INSERT INTO evidence_exclusions VALUES (5, ?, 'a', 'salah'), (17, ?, 'a', 'salah')").run(at(20), at(20));
  return db;
}

function addChannel(raw: Database.Database, i: number): void {
  raw
    .prepare(
      `INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
      VALUES (?, ?, 'channel', ?, ?, ?, ?, ?, ?, ?, ?, 'a', ?)`,
    )
    .run(
      i,
      PLATFORMS[i % 3],
      `k:${i}`,
      `https://t.me/c${i}`,
      `Kanal ${i}`,
      CATEGORIES[i % 2],
      STATUSES[i % 3],
      at(i),
      at(i),
      at(i),
      at(i),
    );
}

function addEvidence(raw: Database.Database, i: number): void {
  raw
    .prepare(
      `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, intake_at, taken_by, channel_id) VALUES (?, ?, ?, '', 1, 'image/png', ?, 'a', ?)`,
    )
    .run(i, 'b'.repeat(64), i.toString(16).padStart(64, '0'), at(i), (i % 12) + 1);
}

/** What the dashboard shows, counted from the rows themselves. */
function recounted(db: Db, now: Date) {
  const group = (column: string) =>
    (
      db.raw
        .prepare(`SELECT ${column} AS key, count(*) AS count FROM channels WHERE excluded = 0 GROUP BY 1`)
        .all() as Array<{ key: string; count: number }>
    ).sort((a, b) => b.count - a.count);
  const count = (q: string) => (db.raw.prepare(q).get() as { n: number }).n;
  const stats = dashboardStats(db, 12, now);
  return {
    channels: count('SELECT count(*) AS n FROM channels WHERE excluded = 0'),
    evidence: count('SELECT count(*) AS n FROM evidence WHERE excluded = 0'),
    byStatus: group('status'),
    byCategory: group('category'),
    byPlatform: group('platform'),
    channelsPerWeek: stats.perWeek.reduce((sum, w) => sum + w.count, 0),
  };
}
const shown = (db: Db, now: Date) => {
  const s = dashboardStats(db, 12, now);
  return {
    channels: s.channels,
    evidence: s.evidence,
    byStatus: s.byStatus,
    byCategory: s.byCategory,
    byPlatform: s.byPlatform,
    channelsPerWeek: s.perWeek.reduce((sum, w) => sum + w.count, 0),
  };
};

describe('migration catalog-counts', () => {
  const now = new Date(at(25));

  it('counts on from the migrations before it', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[catalogCounts.version - 1]).toBe(catalogCounts);
  });

  it('starts from the rows there are, and the triggers keep every count equal to a recount as rows come, change, are excluded, restored and deleted', () => {
    const db = beforeCounts();
    migrate(db);
    expect(shown(db, now)).toEqual(recounted(db, now));
    expect(shown(db, now)).toMatchObject({ channels: 11, evidence: 22, channelsPerWeek: 11 });

    for (let i = 13; i <= 15; i++) addChannel(db.raw, i);
    for (let i = 25; i <= 27; i++) addEvidence(db.raw, i);
    db.raw.prepare("UPDATE channels SET status = 'blocked', updated_at = ? WHERE id IN (1, 2)").run(at(22));
    db.raw.prepare("UPDATE channels SET category = 'hoaks', platform = 'x' WHERE id = 3").run();
    db.raw.prepare('UPDATE channels SET title = ? WHERE id = 5').run('Judul baru');
    db.raw.prepare("INSERT INTO channel_exclusions VALUES (7, ?, 'a', 'salah')").run(at(21));
    db.raw.prepare('DELETE FROM channel_exclusions WHERE channel_id = 4').run();
    db.raw.prepare("INSERT INTO evidence_exclusions VALUES (9, ?, 'a', 'salah')").run(at(21));
    db.raw.prepare('DELETE FROM evidence_exclusions WHERE evidence_id = 5').run();
    db.raw.prepare('DELETE FROM evidence WHERE id IN (1, 17)').run(); // one shown, one excluded
    expect(shown(db, now)).toEqual(recounted(db, now));
    expect(shown(db, now)).toMatchObject({ channels: 14, evidence: 24 });
    expect(shown(db, now).byStatus.find((s) => s.key === 'blocked')!.count).toBe(
      (
        db.raw.prepare("SELECT count(*) AS n FROM channels WHERE status = 'blocked' AND excluded = 0").get() as {
          n: number;
        }
      ).n,
    );
  });

  it('reads the dashboard from those rows and the case tables, never walking channels or evidence', () => {
    const db = beforeCounts();
    migrate(db);
    db.queries.length = 0;
    dashboardStats(db, 12, now);
    const plans = db.plans().filter((p) => !/cases|case_items|hash_list/.test(p));
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).toMatch(/^SEARCH catalog_counts USING PRIMARY KEY/);
    expect(db.plans().join('\n')).not.toMatch(/SCAN (e|c|evidence|channels)\b/);
  });

  it("counts a unit's overdue notice items by deadline day, the same as comparing each deadline with now", () => {
    const db = beforeCounts();
    db.raw.exec(
      `INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('${'p'.repeat(64)}', 'p', '', 1, '')`,
    );
    db.raw
      .exec(`INSERT INTO unit_packages (id, decision_sha256, tagmanifest_sha256, package_sha256, file_name, blob_name, bytes, encrypted,
      reference, title, platform, priority, due_at, analyst_name, analyst_unit, analyst_id, analyst_fingerprint, supervisor_name,
      supervisor_fingerprint, exported_at, approved_at, custody, imported_at, imported_by)
      VALUES (1, 'd', '', '', 'p.zip', '${'p'.repeat(64)}', 1, 0, 'R', '', 'telegram', 'normal', '', 'A', '', '', 'fa', 'B', 'fb', '', '', 'first', '', 'u')`);
    const item = (id: string, deadline: string) =>
      db.raw
        .prepare(
          "INSERT INTO unit_items (package_id, item_id, kind, canonical_url, category, deadline) VALUES (1, ?, 'channel', '', 'hoaks', ?)",
        )
        .run(id, deadline);
    // days before, today before and after noon, and later days
    const deadlines = [at(20), at(23, 600), at(25, 30), at(25, 719), at(25, 720), at(25, 721), at(26), at(30)];
    // half taken in before the migration, half after
    deadlines.slice(0, 4).forEach((d, i) => item(`i${i}`, d));
    migrate(db);
    deadlines.slice(4).forEach((d, i) => item(`j${i}`, d));
    const noon = new Date(at(25, 720));
    for (const when of [noon, new Date(at(24)), new Date(at(31))])
      expect(overdueUnitItems(db, when)).toBe(deadlines.filter((d) => d < when.toISOString()).length);
    expect(overdueUnitItems(db, noon)).toBe(4);
  });
});
