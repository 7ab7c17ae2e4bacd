import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../electron/core/audit/audit-log';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { init } from '../../../electron/core/db/migrations/0001-init';
import { databaseAt, rows, runSql, userVersion } from '../../fixtures/database-at';

describe('migrations, and migration 0001 (init)', () => {
  it('are numbered 1, 2, 3… in order with distinct names, 0001 first', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
    expect(migrations[0]).toBe(init);
    expect(LATEST_VERSION).toBe(migrations.length);
  });

  it('turns a blank database into version 1: settings, a hash-chained audit log that only grows, and blobs', () => {
    const db = databaseAt(0);
    expect(userVersion(db)).toBe(0);
    migrate(db, 1);
    expect(userVersion(db)).toBe(1);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).toEqual([
      { name: 'audit' },
      { name: 'blobs' },
      { name: 'settings' },
    ]);

    runSql(db, "INSERT INTO settings (key, value) VALUES ('language', 'id')");
    appendAudit(db, { actor: 'Sari', action: 'vault.created' });
    appendAudit(db, { actor: 'Sari', action: 'vault.unlocked', subject: { type: 'vault', id: '1' } });
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 2 });
    expect(() => runSql(db, "UPDATE audit SET actor = 'someone else' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => runSql(db, 'DELETE FROM audit WHERE seq = 1')).toThrow(/append-only/);

    const blob = ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(128), 10, '2026-11-01T00:00:00Z'];
    runSql(db, 'INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, ?, ?)', ...blob);
    // one stored original per content: the same SHA-256 under another name is refused
    expect(() =>
      runSql(
        db,
        'INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, ?, ?)',
        'x',
        ...blob.slice(1),
      ),
    ).toThrow(/UNIQUE/);
  });

  it('stops at the version asked for, and refuses a database from a newer Jejak', () => {
    const db = databaseAt(2);
    expect(userVersion(db)).toBe(2);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE name = 'cases'")).toEqual([]);
    db.raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'VAULT_FROM_FUTURE' }));
  });

  it('applies the pending migrations in one transaction: one that fails leaves the database as it was', () => {
    const db = databaseAt(1);
    appendAudit(db, { actor: 'Sari', action: 'vault.created' });
    // Migration 2 makes channels, then evidence: a table named evidence already there fails it halfway.
    runSql(db, 'CREATE TABLE evidence (x TEXT)');
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(userVersion(db)).toBe(1);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE name IN ('channels', 'tags', 'search_index')")).toEqual([]);
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 1 });
  });
});
