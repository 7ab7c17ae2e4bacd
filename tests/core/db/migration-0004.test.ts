import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { listChannels } from '../../../electron/core/catalog/channel-list';
import { dashboardStats } from '../../../electron/core/dashboard/dashboard';
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
    return this.queries.map((q) =>
      (this.raw.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | '),
    );
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
  for (let i = 1; i <= 3; i++)
    run(
      'INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 10, ?)',
      `${i}`.repeat(64),
      `${i}a`.padEnd(64, '0'),
      'f'.repeat(128),
      at,
    );
  run(
    `INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
    VALUES (1, 'telegram', 'channel', 'telegram:daulah', 'https://t.me/daulah', 'Daulah Media', 'terorisme', 'active', ?, ?, ?, 'a', ?)`,
    at,
    at,
    at,
    at,
  );
  run(
    `INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
    VALUES (2, 'youtube', 'channel', 'youtube:hoax', 'https://youtube.com/@hoax', 'Berita Hoaks', 'hoaks', 'reported', ?, ?, ?, 'a', ?)`,
    at,
    at,
    at,
    at,
  );
  for (let i = 1; i <= 3; i++) {
    run(
      `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes)
      VALUES (?, ?, ?, ?, 10, 'image/png', ?, ?, 'a', ?, ?)`,
      i,
      `${i}`.repeat(64),
      `${i}a`.padEnd(64, '0'),
      'f'.repeat(128),
      `shot-${i}.png`,
      at,
      i === 3 ? 2 : 1,
      `tangkapan layar ${i}`,
    );
  }
  run(
    `INSERT INTO cases (id, reference, title, platform, priority, due_at, status, created_at, created_by, updated_at) VALUES (1, 'JJK/2026/11/0001', 'Dikirim', 'telegram', 'urgent', ?, 'exported', ?, 'a', ?)`,
    at,
    at,
    at,
  );
  run(
    `INSERT INTO cases (id, reference, title, platform, priority, due_at, status, created_at, created_by, updated_at) VALUES (2, 'JJK/2026/11/0002', 'Draf', 'youtube', 'normal', ?, 'draft', ?, 'a', ?)`,
    at,
    at,
    at,
  );
  run('INSERT INTO case_channels VALUES (1, 1), (2, 2)');
  run('INSERT INTO case_evidence VALUES (1, 1), (1, 2), (2, 3)');
  run(
    "INSERT INTO case_exports (case_id, file_name, tagmanifest_sha256, bytes, exported_at) VALUES (1, 'JJK-2026-11-0001.zip', ?, 100, ?)",
    'c'.repeat(64),
    at,
  );
}

describe('migration 0004 (workflow)', () => {
  it('versions are monotonic, one per file, and 0004 is the latest', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(4);
    expect(migrations[3]!.name).toBe('workflow');
  });

  it('keeps every row of a version-3 vault, adds revisions and exclusions, and records what was exported', () => {
    const db = freshAt(3);
    seedVersion3(db);
    expect(() => db.raw.prepare('SELECT * FROM channel_exclusions').all()).toThrow();
    migrate(db, 4);
    expect(db.raw.pragma('user_version', { simple: true })).toBe(4);
    expect(db.raw.prepare('SELECT id, title, category FROM channels ORDER BY id').all()).toEqual([
      { id: 1, title: 'Daulah Media', category: 'terorisme' },
      { id: 2, title: 'Berita Hoaks', category: 'hoaks' },
    ]);
    expect(db.raw.prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 3 });
    expect(
      db.raw
        .prepare('SELECT (SELECT count(*) FROM channel_exclusions) + (SELECT count(*) FROM evidence_exclusions) AS n')
        .get(),
    ).toEqual({ n: 0 });
    // The items' own tables keep their shape: a new column would make SQLite check every row of a STRICT table.
    expect((db.raw.prepare("SELECT count(*) AS n FROM pragma_table_info('evidence')").get() as { n: number }).n).toBe(
      23,
    );
    expect(db.raw.prepare('SELECT reference, status, revision FROM cases ORDER BY id').all()).toEqual([
      { reference: 'JJK/2026/11/0001', status: 'exported', revision: 1 },
      { reference: 'JJK/2026/11/0002', status: 'draft', revision: 1 },
    ]);
    // Only the exported case's evidence is marked as having left the vault; the draft's is not.
    expect(
      db.raw.prepare('SELECT evidence_id, case_id, revision FROM exported_evidence ORDER BY evidence_id').all(),
    ).toEqual([
      { evidence_id: 1, case_id: 1, revision: 1 },
      { evidence_id: 2, case_id: 1, revision: 1 },
    ]);
    expect(() => db.raw.prepare('DELETE FROM evidence WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    expect(
      db.raw
        .prepare('SELECT (SELECT count(*) FROM retired_references) + (SELECT count(*) FROM purged_evidence) AS n')
        .get(),
    ).toEqual({ n: 0 });
  });

  it('search keeps finding migrated rows and leaves a row out once it is excluded, back when restored', () => {
    const db = freshAt(3);
    seedVersion3(db);
    migrate(db);
    const found = (q: string) => search(db, q).map((h) => `${h.kind}#${h.id}`);
    expect(found('daulah')).toEqual(['channel#1']);
    expect(found('tangkapan')).toEqual(['evidence#3', 'evidence#2', 'evidence#1']);
    db.raw.prepare("INSERT INTO channel_exclusions VALUES (1, ?, 'a', 'salah')").run(at);
    db.raw.prepare("INSERT INTO evidence_exclusions VALUES (2, ?, 'a', 'salah')").run(at);
    expect(found('daulah')).toEqual([]);
    expect(found('tangkapan')).toEqual(['evidence#3', 'evidence#1']);
    // A facet filter and the exclusion combine.
    expect(search(db, 'tangkapan', { platform: 'telegram' }).map((h) => h.id)).toEqual([1]);
    db.raw.prepare('DELETE FROM channel_exclusions WHERE channel_id = 1').run();
    expect(found('daulah')).toEqual(['channel#1']);
    // A channel's new status still reaches its evidence's facets.
    db.raw.prepare("UPDATE channels SET status = 'blocked' WHERE id = 2").run();
    expect(search(db, 'tangkapan', { status: 'blocked' }).map((h) => h.id)).toEqual([3]);
  });

  it('list and count queries still walk their indexes, leaving excluded ids out without reading a row', () => {
    const db = freshAt(3);
    seedVersion3(db);
    migrate(db);
    db.raw.prepare("INSERT INTO channel_exclusions VALUES (2, ?, 'a', 'salah')").run(at);
    db.raw.prepare("INSERT INTO evidence_exclusions VALUES (3, ?, 'a', 'salah')").run(at);
    // An excluded id is one primary-key lookup in the exclusions; the id is in every index.
    const hidden = (kind: string) => new RegExp(`USING ROWID SEARCH ON TABLE ${kind}_exclusions FOR IN-OPERATOR`);
    const plans = (fn: () => unknown) => {
      fn();
      return db.take();
    };
    const [all, excluded, rows] = plans(() =>
      listChannels(db, { filter: {}, sort: 'created', descending: true, offset: 0, limit: 50 }),
    );
    // Nothing filters: the total is counted from an index's pages, less the exclusions.
    expect(all).toMatch(/^SCAN (c|channels)( USING COVERING INDEX \w+)?$/);
    expect(excluded).toMatch(/^SCAN channel_exclusions/);
    expect(rows).toMatch(/^SCAN c USING INDEX channels_created/);
    expect(rows).toMatch(hidden('channel'));
    expect(rows).toMatch(/SEARCH e USING COVERING INDEX evidence_channel \(channel_id=\?\)/);
    expect(rows).toMatch(hidden('evidence'));
    expect(rows).not.toMatch(/TEMP B-TREE/);

    const byStatus = plans(() =>
      listChannels(db, { filter: { status: 'active' }, sort: 'status', descending: false, offset: 0, limit: 50 }),
    );
    expect(byStatus).toEqual([
      expect.stringMatching(/COVERING INDEX channels_status/),
      expect.any(String),
      expect.stringMatching(/^SEARCH c USING INDEX channels_status \(status=\?\)/),
    ]);
    expect(byStatus[2]).not.toMatch(/TEMP B-TREE/);

    // "Excluded only" starts from the exclusions and looks each item up by id.
    const only = plans(() =>
      listChannels(db, { filter: { excluded: 'only' }, sort: 'created', descending: true, offset: 0, limit: 50 }),
    );
    expect(only).toEqual([
      expect.stringMatching(/^SCAN channel_exclusions/),
      expect.stringMatching(/SEARCH c USING INTEGER PRIMARY KEY/),
    ]);

    const [evidenceAll, evidenceExcluded, evidenceRows] = plans(() =>
      listEvidence(db, { filter: {}, offset: 0, limit: 50 }),
    );
    expect(evidenceAll).toMatch(/^SCAN (e|evidence)( USING COVERING INDEX \w+)?$/);
    expect(evidenceExcluded).toMatch(/^SCAN evidence_exclusions/);
    expect(evidenceRows).toMatch(/^SCAN e USING INDEX evidence_intake/);
    expect(evidenceRows).toMatch(hidden('evidence'));
    expect(evidenceRows).not.toMatch(/TEMP B-TREE/);

    expect(plans(() => listEvidence(db, { filter: { channelId: 1 }, offset: 0, limit: 50 }))[2]).toMatch(
      /USING INDEX evidence_channel/,
    );
    expect(plans(() => listEvidence(db, { filter: { excluded: 'only' }, offset: 0, limit: 50 }))).toEqual([
      expect.stringMatching(/^SCAN evidence_exclusions/),
      expect.stringMatching(/SEARCH e USING INTEGER PRIMARY KEY/),
    ]);

    // Every dashboard count reads an index (or its pages), and the excluded few by id: never each row.
    for (const plan of plans(() => dashboardStats(db, 12, new Date(at))).filter((p) => !p.startsWith('SEARCH cases'))) {
      expect(plan).toMatch(
        /^(SCAN \w+( USING COVERING INDEX \w+)?|SEARCH c USING COVERING INDEX channels_created \(created_at>\?\))( \| .*)?$|INTEGER PRIMARY KEY/,
      );
      expect(plan).not.toMatch(/^SCAN \w+ USING INDEX/);
    }
  });
});
