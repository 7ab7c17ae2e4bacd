import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../../../electron/core/db/migrations';
import { pdqDihedral } from '../../../electron/core/db/migrations/0012-pdq-dihedral';
import { databaseAt, rows, runSql, userVersion } from '../../fixtures/database-at';

describe('migration 0012 (pdq-dihedral)', () => {
  it("is migration 12 and queues again the hashes of every item with a PDQ, to keep its copies' hashes", () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[pdqDihedral.version - 1]).toBe(pdqDihedral);
    const db = databaseAt(11);
    runSql(db, `INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 'a', 'x', 1, 't')`);
    const insert = `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, pdq, pdq_quality, intake_at, taken_by, notes)
      VALUES (?, 'b', ?, 'x', 1, ?, ?, ?, '2026-11-01T00:00:00.000Z', 't', '')`;
    runSql(db, insert, 1, 'a'.repeat(64), 'image/png', 'f'.repeat(64), 100); // hashes done already
    runSql(db, insert, 2, 'b'.repeat(64), 'image/png', 'e'.repeat(64), 90); // taken in with its PDQ: no job
    runSql(db, insert, 3, 'c'.repeat(64), 'video/mp4', null, null);
    runSql(db, insert, 4, 'd'.repeat(64), 'image/png', null, null); // its hashes job still pending
    const job = `INSERT INTO background_jobs (kind, evidence_id, state, error, queued_at, finished_at) VALUES ('hashes', ?, ?, ?, 't', ?)`;
    runSql(db, job, 1, 'done', null, 't2');
    runSql(db, job, 4, 'pending', null, null);
    migrate(db, 12);
    expect(userVersion(db)).toBe(12);
    expect(rows(db, 'SELECT evidence_id, state, error, finished_at FROM background_jobs ORDER BY evidence_id')).toEqual(
      [
        { evidence_id: 1, state: 'pending', error: null, finished_at: null },
        { evidence_id: 2, state: 'pending', error: null, finished_at: null },
        { evidence_id: 4, state: 'pending', error: null, finished_at: null },
      ],
    );
    expect(rows(db, 'SELECT id, pdq_dihedral FROM evidence WHERE pdq_dihedral IS NOT NULL')).toEqual([]);
    runSql(db, 'UPDATE evidence SET pdq_dihedral = ? WHERE id = 1', Buffer.alloc(224));
    expect(() => runSql(db, 'UPDATE evidence SET pdq_dihedral = ? WHERE id = 2', Buffer.alloc(32))).toThrow(/CHECK/);
  });
});
