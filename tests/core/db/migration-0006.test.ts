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
import { analystAndSupervisor, decide, exportLatest } from '../../fixtures/two-vaults';

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
