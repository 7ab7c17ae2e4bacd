import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { type ChannelSort, listChannels } from '../../../electron/core/catalog/channel-list';
import { dashboardStats } from '../../../electron/core/dashboard/dashboard';
import { Db } from '../../../electron/core/db/database';
import { migrate, migrations } from '../../../electron/core/db/migrations';
import { pageIndexes } from '../../../electron/core/db/migrations/0010-page-indexes';
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
  /** The plans of the queries run since the last call. */
  take(): string[] {
    const plans = this.queries.map((q) =>
      (this.raw.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.params) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | '),
    );
    this.queries.length = 0;
    return plans;
  }
}

const at = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
const STATUSES = ['active', 'reported', 'blocked'];
const CATEGORIES = ['terorisme', 'hoaks'];
const PLATFORMS = ['telegram', 'youtube', 'x'];

/** A vault as the version before left it: 12 channels, 24 evidence items, a channel and two items excluded. */
function beforePageIndexes(): RecordingDb {
  const raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = new RecordingDb(raw);
  migrate(db, pageIndexes.version - 1);
  raw
    .prepare('INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 1, ?)')
    .run('b'.repeat(64), 'b'.repeat(64), 'f'.repeat(128), at(0));
  const channel =
    raw.prepare(`INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
    VALUES (?, ?, 'channel', ?, ?, ?, ?, ?, ?, ?, ?, 'a', ?)`);
  for (let i = 1; i <= 12; i++)
    channel.run(
      i,
      PLATFORMS[i % 3],
      `k:${i}`,
      `https://t.me/c${i}`,
      `Kanal ${String.fromCharCode(96 + ((i * 5) % 12) + 1)}`,
      CATEGORIES[i % 2],
      STATUSES[i % 3],
      at(i),
      at(24 - i),
      at(i),
      at(i),
    );
  const evidence =
    raw.prepare(`INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, intake_at, taken_by, channel_id, notes)
    VALUES (?, ?, ?, '', 1, 'image/png', ?, 'a', ?, 'bukti layar')`);
  for (let i = 1; i <= 24; i++) evidence.run(i, 'b'.repeat(64), i.toString(16).padStart(64, '0'), at(i), (i % 12) + 1);
  raw.prepare("INSERT INTO channel_exclusions VALUES (4, ?, 'a', 'salah')").run(at(30));
  raw.prepare("INSERT INTO evidence_exclusions VALUES (5, ?, 'a', 'salah'), (17, ?, 'a', 'salah')").run(at(30), at(30));
  return db;
}

const flags = (db: Db, table: string) =>
  (db.raw.prepare(`SELECT id FROM ${table} WHERE excluded = 1 ORDER BY id`).all() as Array<{ id: number }>).map(
    (r) => r.id,
  );

describe('migration page-indexes', () => {
  it('counts on from the migrations before it', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[pageIndexes.version - 1]).toBe(pageIndexes);
  });

  it('flags exactly the excluded rows, keeps every row, and triggers keep the flag equal to the exclusion rows', () => {
    const db = beforePageIndexes();
    const before = db.raw.prepare('SELECT id, title, status FROM channels ORDER BY id').all();
    migrate(db);
    expect(db.raw.prepare('SELECT id, title, status FROM channels ORDER BY id').all()).toEqual(before);
    expect(flags(db, 'channels')).toEqual([4]);
    expect(flags(db, 'evidence')).toEqual([5, 17]);
    db.raw.prepare("INSERT INTO channel_exclusions VALUES (7, ?, 'a', 'salah')").run(at(31));
    db.raw.prepare('DELETE FROM channel_exclusions WHERE channel_id = 4').run();
    db.raw.prepare('DELETE FROM evidence_exclusions WHERE evidence_id = 5').run();
    expect(flags(db, 'channels')).toEqual([7]);
    expect(flags(db, 'evidence')).toEqual([17]);
    expect(() => db.raw.prepare('UPDATE channels SET excluded = 2 WHERE id = 1').run()).toThrow(/CHECK/);
  });

  it('lists, counts and searches leave out what is excluded, as before', () => {
    const db = beforePageIndexes();
    migrate(db);
    const page = listChannels(db, { filter: {}, sort: 'created', descending: false, offset: 2, limit: 3 });
    expect(page.total).toBe(11);
    expect(page.rows.map((r) => r.id)).toEqual([3, 5, 6]);
    // Evidence i belongs to channel i % 12 + 1: both of channel 6's items (5 and 17) are excluded.
    expect(page.rows.map((r) => r.evidenceCount)).toEqual([2, 2, 0]);
    expect(
      listChannels(db, {
        filter: { excluded: 'only' },
        sort: 'title',
        descending: false,
        offset: 0,
        limit: 9,
      }).rows.map((r) => r.id),
    ).toEqual([4]);
    const evidence = listEvidence(db, { filter: {}, offset: 0, limit: 30 });
    expect(evidence.total).toBe(22);
    expect(evidence.rows.map((r) => r.id)).not.toContain(17);
    expect(search(db, 'bukti').map((h) => h.id)).not.toContain(5);
    expect(dashboardStats(db, 12, new Date(at(40))).channels).toBe(11);
  });

  it('serves every page of the channel list from one index walked in order, reading only the page', () => {
    const db = beforePageIndexes();
    migrate(db);
    const sorts: ChannelSort[] = ['created', 'title', 'status', 'platform', 'lastSeen', 'category'];
    const column = {
      created: 'created',
      title: 'title',
      status: 'status',
      platform: 'platform',
      lastSeen: 'last_seen',
      category: 'category',
    };
    let counted = 0;
    for (const filter of [{}, { status: 'active' }, { category: 'hoaks' }, { platform: 'x' }])
      for (const sort of sorts)
        for (const descending of [false, true]) {
          listChannels(db, { filter, sort, descending, offset: 5, limit: 3 });
          const plans = db.take();
          // The total of one facet (or none) is the dashboard's kept count (0014-catalog-counts), looked up by key.
          const [count, rows] = [plans.length > 1 ? plans[0]! : null, plans.at(-1)!];
          if (count) counted += 1;
          const [filtered] = Object.keys(filter);
          const index =
            !filtered || filtered === column[sort]
              ? `channels_by_${column[sort]}`
              : filtered === 'status' && sort === 'created'
                ? 'channels_by_status'
                : sort === 'created'
                  ? `channels_by_${filtered}`
                  : `channels_${filtered}_by_${column[sort]}`;
          expect(rows, `${JSON.stringify(filter)} ${sort}`).toContain(
            `SEARCH c USING COVERING INDEX ${index} (excluded=?`,
          );
          expect(rows).not.toMatch(/TEMP B-TREE FOR (ORDER BY|RIGHT PART)[^|]*\| .*COVERING/);
          // The page's evidence counts are kept per channel (0016-channel-evidence-counts): one lookup by id each.
          expect(rows).toMatch(/SEARCH k USING INTEGER PRIMARY KEY \(rowid=\?\)/);
          expect(count).toBe('SEARCH catalog_counts USING PRIMARY KEY (kind=? AND key=? AND value=?)');
        }
    expect(counted).toBe(48);
  });

  // The dashboard's counts are rows of their own since 0014-catalog-counts (its test).
  it('pages evidence from indexes, never reading each row', () => {
    const db = beforePageIndexes();
    migrate(db);
    listEvidence(db, { filter: {}, offset: 4, limit: 5 });
    expect(db.take().at(-1)).toMatch(/SEARCH e USING COVERING INDEX evidence_by_intake \(excluded=\?\)/);
    listEvidence(db, { filter: { channelId: 3 }, offset: 0, limit: 5 });
    expect(db.take()).toEqual([
      expect.stringMatching(/^SEARCH e USING COVERING INDEX evidence_by_channel \(channel_id=\? AND excluded=\?\)$/),
      expect.stringMatching(/SEARCH e USING COVERING INDEX evidence_by_channel \(channel_id=\? AND excluded=\?\)/),
    ]);
  });
});
