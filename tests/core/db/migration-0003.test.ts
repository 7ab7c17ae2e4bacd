import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../electron/core/audit/audit-log';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrations';
import { cases } from '../../../electron/core/db/migrations/0003-cases';
import { databaseAt, ftsRowids, rows, runSql, userVersion } from '../../fixtures/database-at';

const at = '2026-11-10T08:00:00.000Z';

/** What a version-2 vault holds: an audit chain, two channels, three evidence items over their originals, a tag. */
function seedVersion2(db: Db): void {
  appendAudit(db, { actor: 'Sari', action: 'vault.created' });
  for (const [id, handle, title] of [
    [1, 'daulah_media', 'Daulah Media'],
    [2, 'berita_hoaks', 'Berita Hoaks'],
  ] as const)
    runSql(
      db,
      `INSERT INTO channels (id, platform, kind, key, canonical_url, handle, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
       VALUES (?, 'telegram', 'channel', ?, ?, ?, ?, 'terorisme', 'active', ?, ?, ?, 'Sari', ?)`,
      id,
      `telegram:${handle}`,
      `https://t.me/${handle}`,
      handle,
      title,
      at,
      at,
      at,
      at,
    );
  for (const id of [1, 2, 3]) {
    const hash = `${id}`.repeat(64);
    runSql(
      db,
      'INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 1000, ?)',
      hash,
      hash,
      hash.repeat(2),
      at,
    );
    runSql(
      db,
      `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes)
       VALUES (?, ?, ?, ?, 1000, 'image/png', ?, ?, 'Sari', ?, 'tangkapan layar')`,
      id,
      hash,
      hash,
      hash.repeat(2),
      `shot-${id}.png`,
      at,
      id === 3 ? 2 : 1,
    );
  }
  runSql(db, "INSERT INTO tags (id, name) VALUES (1, 'rekrutmen')");
  runSql(db, 'INSERT INTO evidence_tags VALUES (1, 1)');
}

const everything = (db: Db) =>
  ['audit ORDER BY seq', 'channels ORDER BY id', 'evidence ORDER BY id', 'blobs ORDER BY name', 'evidence_tags'].map(
    (table) => rows(db, `SELECT * FROM ${table}`),
  );

function addCase(db: Db, id: number, reference: string, title: string): void {
  runSql(
    db,
    `INSERT INTO cases (id, reference, title, platform, priority, due_at, status, created_at, created_by, updated_at)
     VALUES (?, ?, ?, 'telegram', 'urgent', ?, 'draft', ?, 'Sari', ?)`,
    id,
    reference,
    title,
    at,
    at,
    at,
  );
}

describe('migration 0003 (cases)', () => {
  it('is number 3', () => {
    expect(cases.version).toBe(3);
  });

  it('keeps every row of a version-2 vault, still found by search', () => {
    const db = databaseAt(2);
    seedVersion2(db);
    const before = everything(db);
    migrate(db, 3);
    expect(userVersion(db)).toBe(3);
    expect(everything(db)).toEqual(before);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
    expect(ftsRowids(db, 'daulah')).toEqual([4]);
    expect(ftsRowids(db, 'tangkapan')).toEqual([5, 9, 13]);
  });

  it('holds one signing identity, a roster that may trust one key in both roles, and cases of the existing items', () => {
    const db = databaseAt(2);
    seedVersion2(db);
    migrate(db, 3);

    const identity =
      "INSERT INTO identity (id, public_key_pem, private_key_pem, fingerprint, created_at) VALUES (?, 'pub', 'priv', ?, ?)";
    runSql(db, identity, 1, 'a'.repeat(64), at);
    expect(() => runSql(db, identity, 2, 'b'.repeat(64), at)).toThrow(/CHECK/);
    expect(rows(db, 'SELECT name, role FROM identity')).toEqual([{ name: '', role: 'analyst' }]);
    const trust = "INSERT INTO trust_roster (fingerprint, name, unit, role, added_at) VALUES (?, 'Budi', 'Unit', ?, ?)";
    runSql(db, trust, 'b'.repeat(64), 'supervisor', at);
    runSql(db, trust, 'b'.repeat(64), 'analyst', at);
    expect(() => runSql(db, trust, 'b'.repeat(64), 'analyst', at)).toThrow(/UNIQUE/);

    addCase(db, 1, 'JJK/2026/11/0001', 'Jaringan rekrutmen');
    runSql(db, 'INSERT INTO case_channels VALUES (1, 1), (1, 2)');
    runSql(db, 'INSERT INTO case_evidence VALUES (1, 1), (1, 3)');
    expect(() => runSql(db, 'INSERT INTO case_evidence VALUES (1, 99)')).toThrow(/FOREIGN KEY/);
    // an item in a case cannot be deleted from under it
    expect(() => runSql(db, 'DELETE FROM evidence WHERE id = 1')).toThrow(/FOREIGN KEY/);
    expect(() => addCase(db, 2, 'JJK/2026/11/0001', 'again')).toThrow(/UNIQUE/);
    // cases are searched by reference and title, beside the channels and evidence
    expect(ftsRowids(db, 'rekrutmen')).toEqual([1 * 4 + 2]);
    runSql(db, "UPDATE cases SET title = 'Kanal propaganda' WHERE id = 1");
    expect(ftsRowids(db, 'rekrutmen')).toEqual([]);
    expect(ftsRowids(db, 'propaganda')).toEqual([6]);

    runSql(
      db,
      "INSERT INTO case_exports (case_id, file_name, tagmanifest_sha256, bytes, exported_at) VALUES (1, 'JJK-2026-11-0001.zip', ?, 100, ?)",
      'c'.repeat(64),
      at,
    );
    runSql(db, 'DELETE FROM cases WHERE id = 1');
    for (const table of ['case_channels', 'case_evidence', 'case_exports'])
      expect(rows(db, `SELECT * FROM ${table}`)).toEqual([]);
    expect(ftsRowids(db, 'propaganda')).toEqual([]);
    expect(rows(db, 'SELECT count(*) AS n FROM evidence')).toEqual([{ n: 3 }]);
  });
});
