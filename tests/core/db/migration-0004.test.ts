import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { Db } from '../../../electron/core/db/database';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { search } from '../../../electron/core/search/search';

function freshAt(version: number): Db {
  const raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = new Db(raw);
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
});
