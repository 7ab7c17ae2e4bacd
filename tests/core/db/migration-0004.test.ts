import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { listChannels } from '../../../electron/core/catalog/channel-list';
import { dashboardStats } from '../../../electron/core/catalog/dashboard';
import { Db } from '../../../electron/core/db/database';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import type { SqlQuery } from '../../../electron/core/db/sql';
import { listEvidence } from '../../../electron/core/evidence/evidence-repo';
import { search } from '../../../electron/core/search/search';

/** The real database, recording every query it runs so the test can ask SQLite how it plans them. */
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
    return this.queries.map((q) => (this.raw.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.params) as Array<{ detail: string }>).map((r) => r.detail).join(' | '));
  }
  take(): string[] {
    const plans = this.plans();
    this.queries.length = 0;
    return plans;
  }
}

function freshAt(version: number): RecordingDb {
  const raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = new RecordingDb(raw);
  migrate(db, version);
  return db;
}

const at = '2026-11-20T08:00:00.000Z';

/** What a version-3 vault holds: two channels, three evidence items, an exported case and a draft. */
function seedVersion3(db: Db): void {
  const run = (text: string, ...params: unknown[]) => db.raw.prepare(text).run(...params);
  for (let i = 1; i <= 3; i++) run('INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 10, ?)', `${i}`.repeat(64), `${i}a`.padEnd(64, '0'), 'f'.repeat(128), at);
  run(`INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
    VALUES (1, 'telegram', 'channel', 'telegram:daulah', 'https://t.me/daulah', 'Daulah Media', 'terorisme', 'active', ?, ?, ?, 'a', ?)`, at, at, at, at);
  run(`INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
    VALUES (2, 'youtube', 'channel', 'youtube:hoax', 'https://youtube.com/@hoax', 'Berita Hoaks', 'hoaks', 'reported', ?, ?, ?, 'a', ?)`, at, at, at, at);
  for (let i = 1; i <= 3; i++) {
    run(`INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes)
      VALUES (?, ?, ?, ?, 10, 'image/png', ?, ?, 'a', ?, ?)`, i, `${i}`.repeat(64), `${i}a`.padEnd(64, '0'), 'f'.repeat(128), `shot-${i}.png`, at, i === 3 ? 2 : 1, `tangkapan layar ${i}`);
  }
  run(`INSERT INTO cases (id, reference, title, platform, priority, due_at, status, created_at, created_by, updated_at) VALUES (1, 'JJK/2026/11/0001', 'Dikirim', 'telegram', 'urgent', ?, 'exported', ?, 'a', ?)`, at, at, at);
  run(`INSERT INTO cases (id, reference, title, platform, priority, due_at, status, created_at, created_by, updated_at) VALUES (2, 'JJK/2026/11/0002', 'Draf', 'youtube', 'normal', ?, 'draft', ?, 'a', ?)`, at, at, at);
  run('INSERT INTO case_channels VALUES (1, 1), (2, 2)');
  run('INSERT INTO case_evidence VALUES (1, 1), (1, 2), (2, 3)');
  run("INSERT INTO case_exports (case_id, file_name, tagmanifest_sha256, bytes, exported_at) VALUES (1, 'JJK-2026-11-0001.zip', ?, 100, ?)", 'c'.repeat(64), at);
}

describe('migration 0004 (workflow)', () => {
  it('versions are monotonic, one per file, and 0004 is the latest', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(4);
    expect(migrations[3]!.name).toBe('workflow');
  });

  it('keeps every row of a version-3 vault, adds revisions and exclusion columns, and records what was exported', () => {
    const db = freshAt(3);
    seedVersion3(db);
    expect(() => db.raw.prepare('SELECT excluded_at FROM channels').all()).toThrow();
    migrate(db, 4);
    expect(db.raw.pragma('user_version', { simple: true })).toBe(4);
    expect(db.raw.prepare('SELECT id, title, category, excluded_at, excluded_by, exclusion_reason FROM channels ORDER BY id').all()).toEqual([
      { id: 1, title: 'Daulah Media', category: 'terorisme', excluded_at: null, excluded_by: null, exclusion_reason: null },
      { id: 2, title: 'Berita Hoaks', category: 'hoaks', excluded_at: null, excluded_by: null, exclusion_reason: null },
    ]);
    expect(db.raw.prepare('SELECT count(*) AS n FROM evidence WHERE excluded_at IS NULL').get()).toEqual({ n: 3 });
    expect(db.raw.prepare('SELECT reference, status, revision FROM cases ORDER BY id').all()).toEqual([
      { reference: 'JJK/2026/11/0001', status: 'exported', revision: 1 },
      { reference: 'JJK/2026/11/0002', status: 'draft', revision: 1 },
    ]);
    // Only the exported case's evidence is marked as having left the vault; the draft's is not.
    expect(db.raw.prepare('SELECT evidence_id, case_id, revision FROM exported_evidence ORDER BY evidence_id').all()).toEqual([
      { evidence_id: 1, case_id: 1, revision: 1 },
      { evidence_id: 2, case_id: 1, revision: 1 },
    ]);
    expect(() => db.raw.prepare('DELETE FROM evidence WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    expect(db.raw.prepare('SELECT (SELECT count(*) FROM retired_references) + (SELECT count(*) FROM purged_evidence) AS n').get()).toEqual({ n: 0 });
  });

  it('search keeps finding migrated rows and leaves a row out once it is excluded, back when restored', () => {
    const db = freshAt(3);
    seedVersion3(db);
    migrate(db);
    const found = (q: string) => search(db, q).map((h) => `${h.kind}#${h.id}`);
    expect(found('daulah')).toEqual(['channel#1']);
    expect(found('tangkapan')).toEqual(['evidence#3', 'evidence#2', 'evidence#1']);
    db.raw.prepare("UPDATE channels SET excluded_at = ?, excluded_by = 'a', exclusion_reason = 'salah' WHERE id = 1").run(at);
    db.raw.prepare("UPDATE evidence SET excluded_at = ?, excluded_by = 'a', exclusion_reason = 'salah' WHERE id = 2").run(at);
    expect(found('daulah')).toEqual([]);
    expect(found('tangkapan')).toEqual(['evidence#3', 'evidence#1']);
    // A facet filter and the exclusion combine.
    expect(search(db, 'tangkapan', { platform: 'telegram' }).map((h) => h.id)).toEqual([1]);
    db.raw.prepare('UPDATE channels SET excluded_at = NULL WHERE id = 1').run();
    expect(found('daulah')).toEqual(['channel#1']);
    // A channel's new status still reaches its evidence's facets.
    db.raw.prepare("UPDATE channels SET status = 'blocked' WHERE id = 2").run();
    expect(search(db, 'tangkapan', { status: 'blocked' }).map((h) => h.id)).toEqual([3]);
  });

  it('list and count queries still walk their indexes, and excluded rows come from the partial indexes', () => {
    const db = freshAt(3);
    seedVersion3(db);
    migrate(db);
    db.take();
    listChannels(db, { filter: {}, sort: 'created', descending: true, offset: 0, limit: 50 });
    const [countAll, countExcluded, rows] = db.take();
    expect(countAll).toMatch(/COVERING INDEX/);
    expect(countExcluded).toMatch(/USING INDEX channels_excluded/);
    expect(rows).toMatch(/SCAN c USING INDEX channels_created/);
    expect(rows).toMatch(/USING COVERING INDEX evidence_channel/);
    expect(rows).toMatch(/USING INDEX evidence_excluded_channel/);
    expect(rows).not.toMatch(/TEMP B-TREE/);

    listChannels(db, { filter: { status: 'active' }, sort: 'status', descending: false, offset: 0, limit: 50 });
    expect(db.take()[2]).toMatch(/USING INDEX channels_status/);

    listChannels(db, { filter: { excluded: 'only' }, sort: 'created', descending: true, offset: 0, limit: 50 });
    expect(db.take()).toEqual([expect.stringMatching(/channels_excluded/), expect.stringMatching(/USING INDEX channels_excluded/)]);

    listEvidence(db, { filter: {}, offset: 0, limit: 50 });
    const [evidenceAll, evidenceExcluded, evidenceRows] = db.take();
    expect(evidenceAll).toMatch(/COVERING INDEX/);
    expect(evidenceExcluded).toMatch(/USING INDEX evidence_excluded/);
    expect(evidenceRows).toMatch(/SCAN e USING INDEX evidence_intake/);

    listEvidence(db, { filter: { channelId: 1 }, offset: 0, limit: 50 });
    expect(db.take()[2]).toMatch(/USING INDEX evidence_channel/);

    dashboardStats(db, 12, new Date(at));
    const plans = db.take();
    expect(plans.join('\n')).toMatch(/COVERING INDEX channels_status/);
    expect(plans.join('\n')).toMatch(/COVERING INDEX channels_category/);
    // Every count reads an index alone, or the few excluded rows: never each channel's row.
    for (const plan of plans.filter((p) => /channels|SCAN e/.test(p))) expect(plan).toMatch(/COVERING INDEX|_excluded/);
  });
});
