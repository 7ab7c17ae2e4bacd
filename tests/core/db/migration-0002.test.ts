import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../electron/core/audit/audit-log';
import { migrate } from '../../../electron/core/db/migrations';
import { catalog } from '../../../electron/core/db/migrations/0002-catalog';
import type { Db } from '../../../electron/core/db/database';
import { databaseAt, ftsRowids, rows, runSql, userVersion } from '../../fixtures/database-at';

const at = '2026-11-01T08:00:00.000Z';

/** What a version-1 vault holds: settings, an audit chain and two stored originals. */
function seedVersion1(db: Db): void {
  runSql(db, "INSERT INTO settings (key, value) VALUES ('language', 'en'), ('autoLockMinutes', '15')");
  appendAudit(db, { actor: 'Sari', action: 'vault.created' });
  appendAudit(db, { actor: 'Sari', action: 'evidence.stored', subject: { type: 'blob', id: '1' } });
  for (const i of [1, 2])
    runSql(
      db,
      'INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, ?, ?)',
      `${i}`.repeat(64),
      `${i}`.repeat(64),
      `${i}`.repeat(128),
      1000 * i,
      at,
    );
}

function addChannel(db: Db, id: number, handle: string, title: string, status = 'active'): void {
  runSql(
    db,
    `INSERT INTO channels (id, platform, kind, key, canonical_url, handle, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
     VALUES (?, 'telegram', 'channel', ?, ?, ?, ?, 'terorisme', ?, ?, ?, ?, 'Sari', ?)`,
    id,
    `telegram:${handle}`,
    `https://t.me/${handle}`,
    handle,
    title,
    status,
    at,
    at,
    at,
    at,
  );
}

function addEvidence(db: Db, id: number, blob: string, channelId: number | null, notes: string): void {
  runSql(
    db,
    `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes)
     VALUES (?, ?, ?, ?, 1000, 'image/png', ?, ?, 'Sari', ?, ?)`,
    id,
    blob,
    blob,
    blob.repeat(2),
    `shot-${id}.png`,
    at,
    channelId,
    notes,
  );
}

describe('migration 0002 (catalog)', () => {
  it('is number 2', () => {
    expect(catalog.version).toBe(2);
  });

  it('keeps the settings, the audit chain and the stored originals of a version-1 vault', () => {
    const db = databaseAt(1);
    seedVersion1(db);
    const before = [
      'SELECT * FROM settings ORDER BY key',
      'SELECT * FROM audit ORDER BY seq',
      'SELECT * FROM blobs',
    ].map((q) => rows(db, q));
    migrate(db, 2);
    expect(userVersion(db)).toBe(2);
    expect(
      ['SELECT * FROM settings ORDER BY key', 'SELECT * FROM audit ORDER BY seq', 'SELECT * FROM blobs'].map((q) =>
        rows(db, q),
      ),
    ).toEqual(before);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 2 });
  });

  it('catalogues channels and evidence over the existing originals, searchable with their channel facets', () => {
    const db = databaseAt(1);
    seedVersion1(db);
    migrate(db, 2);
    addChannel(db, 1, 'daulah_media', 'Daulah Media');
    addEvidence(db, 1, '1'.repeat(64), 1, 'tangkapan layar pertama');
    addEvidence(db, 2, '2'.repeat(64), null, 'tanpa kanal');
    // an item must point at a stored original
    expect(() => addEvidence(db, 3, 'f'.repeat(64), 1, 'x')).toThrow(/FOREIGN KEY/);

    expect(ftsRowids(db, 'daulah')).toEqual([1 * 4]);
    expect(ftsRowids(db, 'tangkapan')).toEqual([1 * 4 + 1]);
    // a channel's status is a facet of its evidence too, kept in step by trigger
    const facet = (status: string) => `facets:xs${Buffer.from(status).toString('hex').toUpperCase()}`;
    expect(ftsRowids(db, facet('active'))).toEqual([4, 5]);
    runSql(db, "UPDATE channels SET status = 'blocked' WHERE id = 1");
    expect(ftsRowids(db, facet('active'))).toEqual([]);
    expect(ftsRowids(db, facet('blocked'))).toEqual([4, 5]);

    // tags on both, one name whatever its case
    runSql(db, "INSERT INTO tags (id, name) VALUES (1, 'Rekrutmen')");
    expect(() => runSql(db, "INSERT INTO tags (name) VALUES ('rekrutmen')")).toThrow(/UNIQUE/);
    runSql(db, 'INSERT INTO channel_tags VALUES (1, 1)');
    runSql(db, 'INSERT INTO evidence_tags VALUES (2, 1)');

    // deleting a channel keeps its evidence, unlinked, and takes its tags and search row
    runSql(db, 'DELETE FROM channels WHERE id = 1');
    expect(rows(db, 'SELECT id, channel_id FROM evidence ORDER BY id')).toEqual([
      { id: 1, channel_id: null },
      { id: 2, channel_id: null },
    ]);
    expect(rows(db, 'SELECT * FROM channel_tags')).toEqual([]);
    expect(ftsRowids(db, 'daulah')).toEqual([]);
  });
});
