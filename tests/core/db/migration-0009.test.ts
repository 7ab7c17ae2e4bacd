import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../electron/core/db/migrations';
import { seen } from '../../../electron/core/db/migrations/0009-seen';
import { sql } from '../../../electron/core/db/sql';
import { search } from '../../../electron/core/search/search';
import { storeRecognisedText } from '../../../electron/core/evidence/recognised-text';
import { databaseAt, rows, runSql, userVersion } from '../../fixtures/database-at';

function planOf(db: ReturnType<typeof databaseAt>, text: string): string {
  return (db.raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all() as Array<{ detail: string }>)
    .map((r) => r.detail)
    .join('\n');
}

describe('migration 0009 (seen)', () => {
  it('is migration 9 and queues the hashes of every item and the OCR of every picture already in the vault', () => {
    expect(migrations[seen.version - 1]).toBe(seen);
    const db = databaseAt(8);
    runSql(
      db,
      `INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b1', 'a', 'x', 1, 't'), ('b2', 'b', 'x', 1, 't')`,
    );
    const insert = `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, intake_at, taken_by, notes)
      VALUES (?, ?, ?, 'x', 1, ?, '2026-11-01T00:00:00.000Z', 't', ?)`;
    runSql(db, insert, 1, 'b1', 'a'.repeat(64), 'image/png', 'tangkapan layar');
    runSql(db, insert, 2, 'b2', 'b'.repeat(64), 'video/mp4', '');
    migrate(db, 9);
    expect(userVersion(db)).toBe(9);
    expect(rows(db, 'SELECT kind, evidence_id, state FROM background_jobs ORDER BY id')).toEqual([
      { kind: 'hashes', evidence_id: 1, state: 'pending' },
      { kind: 'hashes', evidence_id: 2, state: 'pending' },
      { kind: 'ocr', evidence_id: 1, state: 'pending' },
    ]);
    expect(rows(db, 'SELECT pdq, pdq_quality, md5 FROM evidence WHERE id = 1')).toEqual([
      { pdq: null, pdq_quality: null, md5: null },
    ]);
    // the evidence row of the search index still finds the notes, and now the text read in the picture
    // (today's search reads the vocabulary of a later migration: the schema goes on to the latest first)
    migrate(db);
    expect(search(db, 'tangkapan').map((h) => h.id)).toEqual([1]);
    expect(search(db, 'bergabunglah')).toEqual([]);
    storeRecognisedText(db, 1, { text: 'Bergabunglah dengan saluran kami', languages: 'ind+eng' });
    expect(search(db, 'bergabunglah')).toEqual([
      expect.objectContaining({
        kind: 'evidence',
        id: 1,
        snippet: expect.stringContaining('\uE000Bergabunglah\uE001'),
      }),
    ]);
    storeRecognisedText(db, 1, { text: 'Promo lain', languages: 'ind+eng' });
    expect(search(db, 'bergabunglah')).toEqual([]);
    runSql(db, 'DELETE FROM evidence_text');
    expect(search(db, 'promo')).toEqual([]);
  });

  it('finds the next pending job, an MD5 and a hash-list value through indexes', () => {
    const db = databaseAt(9);
    expect(planOf(db, `SELECT id FROM background_jobs WHERE state = 'pending' AND id > 0 ORDER BY id LIMIT 1`)).toMatch(
      /INDEX background_jobs_pending/,
    );
    expect(planOf(db, `SELECT id FROM evidence WHERE md5 = 'x'`)).toMatch(/INDEX evidence_md5/);
    expect(planOf(db, `SELECT id FROM hash_list_entries WHERE kind = 'sha256' AND value = 'x'`)).toMatch(
      /INDEX hash_list_entries_value/,
    );
    expect(db.get(sql`SELECT count(*) AS n FROM hash_lists`)).toEqual({ n: 0 });
  });
});
