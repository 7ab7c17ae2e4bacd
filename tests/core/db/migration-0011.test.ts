import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { unitCatalog } from '../../../electron/core/db/migrations/0011-unit';
import { databaseAt, rows, runSql } from '../../fixtures/database-at';

const plan = (db: ReturnType<typeof databaseAt>, query: string) =>
  (db.raw.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');

describe('migration unit-catalog (0011)', () => {
  it('counts on from the migrations before it', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[unitCatalog.version - 1]).toBe(unitCatalog);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(unitCatalog.version);
  });

  it('keeps the identity row with its keys and lets the role be unit; nothing else', () => {
    const db = databaseAt(unitCatalog.version - 1);
    runSql(
      db,
      `INSERT INTO identity (id, name, unit, employee_id, role, public_key_pem, private_key_pem, fingerprint, created_at, age_identity, age_recipient)
       VALUES (1, 'Sari', 'Unit', 'NIP-1', 'supervisor', 'pub', 'priv', ?, '2026-11-01T00:00:00Z', 'AGE-SECRET-KEY-1X', 'age1x')`,
      'a'.repeat(64),
    );
    const before = rows(db, 'SELECT * FROM identity');
    expect(() => runSql(db, "UPDATE identity SET role = 'unit'")).toThrow(/CHECK constraint/);
    migrate(db, unitCatalog.version);
    expect(rows(db, 'SELECT * FROM identity')).toEqual(before);
    runSql(db, "UPDATE identity SET role = 'unit'");
    expect(() => runSql(db, "UPDATE identity SET role = 'clerk'")).toThrow(/CHECK constraint/);
  });

  it('records packages with their sources; a package seen twice is one row; the views use their indexes', () => {
    const db = databaseAt(unitCatalog.version);
    runSql(db, "INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES ('b', 's', 's5', 1, 'now')");
    const insert = `INSERT INTO unit_packages (decision_sha256, tagmanifest_sha256, package_sha256, file_name, blob_name, bytes, encrypted, vault_id,
      reference, title, platform, priority, due_at, analyst_name, analyst_unit, analyst_id, analyst_fingerprint, supervisor_name,
      supervisor_fingerprint, exported_at, approved_at, head_seq, head_hash, custody, imported_at, imported_by)
      VALUES ('d1', 't', 'p', 'f.zip', 'b', 1, 0, 'v1', 'R', 'T', 'telegram', 'normal', 'due', 'A', 'U', 'N', 'fa', 'S', 'fs', 'e', 'a', 5, 'h', 'first', 'now', 'me')`;
    runSql(db, insert);
    expect(() => runSql(db, insert)).toThrow(/UNIQUE constraint failed: unit_packages.decision_sha256/);
    expect(() => runSql(db, insert.replace("'d1'", "'d2'").replace("'first'", "'fine'"))).toThrow(/CHECK constraint/);
    expect(
      plan(
        db,
        "SELECT id FROM unit_packages WHERE vault_id = 'v1' AND exported_at <= 'x' ORDER BY exported_at DESC LIMIT 1",
      ),
    ).toMatch(/USING (COVERING )?INDEX unit_packages_vault/);
    expect(plan(db, 'SELECT count(*) FROM unit_channel_sources WHERE package_id = 1')).toMatch(
      /unit_channel_sources_package/,
    );
    expect(plan(db, 'SELECT count(*) FROM unit_evidence_sources WHERE package_id = 1')).toMatch(
      /unit_evidence_sources_package/,
    );
    expect(plan(db, "SELECT count(*) FROM unit_items WHERE deadline < 'x'")).toMatch(/unit_items_deadline/);
    expect(
      plan(
        db,
        'SELECT channel_id FROM unit_channel_counts WHERE sources > 1 ORDER BY sources DESC, channel_id LIMIT 50',
      ),
    ).toMatch(/unit_channel_counts_sources/);
    expect(plan(db, "SELECT count(*) FROM unit_packages WHERE custody IN ('truncated', 'forked')")).toMatch(
      /unit_packages_custody/,
    );
  });
});
