import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { sql } from '../../../electron/core/db/sql';
import { LATEST_VERSION, migrate, migrations } from '../../../electron/core/db/migrations';
import { ageKeys } from '../../../electron/core/db/migrations/0007-age-keys';
import { ensureIdentityKey, getIdentity, vaultAgeIdentity } from '../../../electron/core/identity/identity';
import { importRoster } from '../../../electron/core/trust/trust';
import { databaseAt } from '../../fixtures/database-at';
import { newVault } from '../../fixtures/temp';

/** A database as the versions before age keys left it, with a signing key and a roster entry. */
function beforeAgeKeys(): Db {
  const db = databaseAt(ageKeys.version - 1);
  db.raw.exec(
    `INSERT INTO identity (id, public_key_pem, private_key_pem, fingerprint, created_at) VALUES (1, 'pub', 'priv', '${'a'.repeat(64)}', '2026-11-01T00:00:00Z')`,
  );
  db.raw.exec(
    `INSERT INTO trust_roster (fingerprint, name, unit, role, added_at) VALUES ('${'b'.repeat(64)}', 'Budi', 'Unit', 'supervisor', '2026-11-01T00:00:00Z')`,
  );
  return db;
}

describe('migration age-keys', () => {
  it('is migration 7, its version counting on from the others', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations.slice(0, 7).map((m) => m.name)).toEqual([
      'init',
      'catalog',
      'cases',
      'workflow',
      'notice',
      'decisions',
      'age-keys',
    ]);
    expect(migrations[ageKeys.version - 1]).toBe(ageKeys);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(7);
  });

  it('keeps the signing key and roster rows, with no age key until the vault is next unlocked', () => {
    const db = beforeAgeKeys();
    migrate(db);
    expect(db.raw.prepare('SELECT fingerprint, age_identity, age_recipient FROM identity').get()).toEqual({
      fingerprint: 'a'.repeat(64),
      age_identity: null,
      age_recipient: null,
    });
    expect(db.raw.prepare('SELECT name, age_recipient FROM trust_roster').get()).toEqual({
      name: 'Budi',
      age_recipient: null,
    });
  });

  it('gives a vault made before age keys one on its next unlock, its signing key untouched', async () => {
    const { session } = await newVault();
    session.db.raw.exec('UPDATE identity SET age_identity = NULL, age_recipient = NULL');
    const fingerprint = getIdentity(session).fingerprint;
    await ensureIdentityKey(session);
    expect(getIdentity(session)).toMatchObject({ fingerprint, ageRecipient: expect.stringMatching(/^age1/) });
    const actions = session.db.all<{ action: string }>(sql`SELECT action FROM audit ORDER BY seq`).map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('identity.'))).toEqual([
      'identity.key-created',
      'identity.age-key-created',
    ]);
    session.close('test');
  });

  it('gives a vault an age key once, with the signing key untouched, and the roster an age recipient', async () => {
    const { session } = await newVault();
    const before = getIdentity(session);
    expect(before.ageRecipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(vaultAgeIdentity(session)).toMatch(/^AGE-SECRET-KEY-1/);
    await ensureIdentityKey(session);
    expect(getIdentity(session)).toEqual(before);
    const other = (await newVault()).session;
    const { fingerprint, name, unit, ageRecipient } = getIdentity(other);
    const role = 'analyst';
    importRoster(session, [{ fingerprint, name: name || 'Other', unit, role, ageRecipient }]);
    expect(session.db.get<{ age_recipient: string }>(sql`SELECT age_recipient FROM trust_roster`)?.age_recipient).toBe(
      ageRecipient,
    );
    // a roster re-imported without the recipient keeps the one known
    importRoster(session, [{ fingerprint, name: 'Other', unit, role }]);
    expect(session.db.get<{ age_recipient: string }>(sql`SELECT age_recipient FROM trust_roster`)?.age_recipient).toBe(
      ageRecipient,
    );
    session.close('test');
    other.close('test');
  });
});
