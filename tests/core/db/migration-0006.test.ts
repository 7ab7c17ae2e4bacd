import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { caseDecisions, exportDecisionPackage } from '../../../electron/core/cases/case-decisions';
import { receiveDecision } from '../../../electron/core/cases/receive-decision';
import { Db } from '../../../electron/core/db/database';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { decisions } from '../../../electron/core/db/migrations/0006-decisions';
import { rotateKeys } from '../../../electron/core/vault/rotation';
import { POLICY } from '../../fixtures/catalog';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../fixtures/temp';
import { databaseAt, rows, runSql, userVersion } from '../../fixtures/database-at';
import { analystAndSupervisor, decide, exportLatest } from '../../fixtures/two-vaults';

const at = '2026-11-20T08:00:00.000Z';

/** What a version-5 vault holds: a channel, an evidence item, a case exported with both, and the package's blob. */
function seedVersion5(db: Db): void {
  for (const name of ['e'.repeat(64), 'p'.repeat(64)])
    runSql(
      db,
      'INSERT INTO blobs (name, sha256, sha512, size, created_at) VALUES (?, ?, ?, 10, ?)',
      name,
      name,
      name.repeat(2),
      at,
    );
  runSql(
    db,
    `INSERT INTO channels (id, platform, kind, key, canonical_url, title, category, status, first_seen, last_seen, created_at, created_by, updated_at)
     VALUES (1, 'telegram', 'channel', 'telegram:daulah', 'https://t.me/daulah', 'Daulah', 'terorisme', 'reported', ?, ?, ?, 'Sari', ?)`,
    at,
    at,
    at,
    at,
  );
  runSql(
    db,
    `INSERT INTO evidence (id, blob_name, sha256, sha512, size, media_type, intake_at, taken_by, channel_id)
     VALUES (1, ?, ?, ?, 10, 'image/png', ?, 'Sari', 1)`,
    'e'.repeat(64),
    'e'.repeat(64),
    'e'.repeat(128),
    at,
  );
  runSql(
    db,
    `INSERT INTO cases (id, reference, title, platform, priority, due_at, status, created_at, created_by, updated_at, revision)
     VALUES (1, 'JJK/2026/11/0001', 'Daulah', 'telegram', 'urgent', ?, 'exported', ?, 'Sari', ?, 2)`,
    at,
    at,
    at,
  );
  runSql(db, 'INSERT INTO case_channels VALUES (1, 1)');
  runSql(db, 'INSERT INTO case_evidence VALUES (1, 1)');
  runSql(db, 'INSERT INTO exported_evidence VALUES (1, 1, 2)');
  runSql(
    db,
    "INSERT INTO case_exports (case_id, file_name, tagmanifest_sha256, bytes, exported_at) VALUES (1, 'JJK-2026-11-0001.zip', ?, 100, ?)",
    't'.repeat(64),
    at,
  );
}

const everything = (db: Db) =>
  ['blobs', 'channels', 'evidence', 'cases', 'case_channels', 'case_evidence', 'exported_evidence', 'case_exports'].map(
    (table) => rows(db, `SELECT * FROM ${table} ORDER BY 1`),
  );

function recordDecision(db: Db, statement: string, decision = 'returned', blob = 'p'.repeat(64)): void {
  runSql(
    db,
    `INSERT INTO case_decisions (case_id, revision, decision, comment, signer_name, signer_unit, signer_fingerprint, signed_at,
       statement_sha256, tagmanifest_sha256, file_name, blob_name, package_sha256, bytes, received_at, received_by)
     VALUES (1, 2, ?, 'Ulangi bukti 1', 'Budi', 'Unit', ?, ?, ?, ?, 'JJK-2026-11-0001.returned.zip', ?, ?, 10, ?, 'Sari')`,
    decision,
    'f'.repeat(64),
    at,
    statement,
    't'.repeat(64),
    blob,
    'p'.repeat(64),
    at,
  );
}

describe('migration decisions (6)', () => {
  it('is number 6, after every earlier one, and makes the decision tables on a version-5 database', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[decisions.version - 1]).toBe(decisions);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(6);
    const db = new Db(new Database(':memory:'));
    migrate(db, 5);
    expect(db.raw.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'case_decision%'").all()).toEqual([]);
    migrate(db);
    const tables = (
      db.raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'case_decision%' ORDER BY name")
        .all() as Array<{ name: string }>
    ).map((t) => t.name);
    expect(tables).toEqual(['case_decision_items', 'case_decisions']);
    // The blob column points at blobs(name), so a key rotation renames it with the blob.
    const keys = db.raw.prepare('SELECT "table", "from", "to" FROM pragma_foreign_key_list(\'case_decisions\')').all();
    expect(keys).toContainEqual({ table: 'blobs', from: 'blob_name', to: 'name' });
  });

  it('keeps every row of a version-5 vault, and records a decision on its exported case, mapped to its items', () => {
    const db = databaseAt(5);
    seedVersion5(db);
    const before = everything(db);
    migrate(db, 6);
    expect(userVersion(db)).toBe(6);
    expect(everything(db)).toEqual(before);

    expect(() => recordDecision(db, 's'.repeat(64), 'maybe')).toThrow(/CHECK/);
    expect(() => recordDecision(db, 's'.repeat(64), 'returned', 'x'.repeat(64))).toThrow(/FOREIGN KEY/);
    recordDecision(db, 's'.repeat(64));
    runSql(
      db,
      "INSERT INTO case_decision_items VALUES (1, 'data/evidence/0001.png', 'problem', 'buram', 1, NULL), (1, 'data/channels.json', 'ok', '', NULL, 1)",
    );
    expect(rows(db, 'SELECT file, verdict, evidence_id, channel_id FROM case_decision_items ORDER BY file')).toEqual([
      { file: 'data/channels.json', verdict: 'ok', evidence_id: null, channel_id: 1 },
      { file: 'data/evidence/0001.png', verdict: 'problem', evidence_id: 1, channel_id: null },
    ]);
    // a statement is received once; a decision's case and items stay
    expect(() => recordDecision(db, 's'.repeat(64))).toThrow(
      /UNIQUE constraint failed: case_decisions.statement_sha256/,
    );
    expect(() => runSql(db, 'DELETE FROM cases WHERE id = 1')).toThrow(/FOREIGN KEY/);
    const plan = rows(db, 'EXPLAIN QUERY PLAN SELECT id FROM case_decisions WHERE case_id = 1') as Array<{
      detail: string;
    }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX case_decisions_case/);
  });

  it('a received package survives a key rotation and comes out byte for byte', async () => {
    const { analyst, supervisor, kase } = await analystAndSupervisor();
    const { path } = await exportLatest(analyst, kase.id);
    const returned = await decide(supervisor, path, { decision: 'returned', comment: 'Ulangi' });
    await receiveDecision(analyst, POLICY, returned);
    const rotated = await rotateKeys(analyst, { passphrase: PASSPHRASE, kdf: FAST_KDF });
    const [received] = caseDecisions(rotated.session, kase.id);
    const out = join(tempDir(), 'out.zip');
    await exportDecisionPackage(rotated.session, POLICY, received!.id, out);
    expect(readFileSync(out).equals(readFileSync(returned))).toBe(true);
    rotated.session.close('test');
    supervisor.close('test');
  });
});
