import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { sql } from '../../../electron/core/db/sql';
import { headerPath, readHeader } from '../../../electron/core/vault/header';
import { findOriginal } from '../../../electron/core/vault/originals';
import { dbGeneration } from '../../../electron/core/vault/vault-state';
import { recoverVault, unlockVault } from '../../../electron/core/vault/vault';
import {
  LEGACY_MARKER,
  LEGACY_ORIGINAL,
  LEGACY_RECOVERY_CODE,
  LEGACY_VAULT,
  copyLegacyVault,
} from '../../fixtures/legacy-vault';
import { FAST_KDF, PASSPHRASE } from '../../fixtures/temp';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('a vault made before header MACs (fixture written by main 9f26810)', () => {
  it('opens, keeps every byte of its data, and is sealed on that first unlock', async () => {
    const dir = copyLegacyVault();
    expect(readHeader(dir).version).toBe(1);
    const s = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' });
    expect(s.db.get(sql`SELECT value FROM settings WHERE key = 'marker'`)).toEqual({ value: LEGACY_MARKER });
    const sha = createHash('sha256').update(LEGACY_ORIGINAL).digest('hex');
    const row = findOriginal(s, sha)!;
    expect((await s.blobs.readAll(row.name, sha)).toString()).toBe(LEGACY_ORIGINAL);
    expect(row.crc32).toBeNull(); // stored before CRCs were kept: an encrypted export takes it then
    const header = readHeader(dir);
    expect(header).toMatchObject({ version: 2, generation: 1, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(dbGeneration(s.db)).toBe(1);
    expect(s.db.all(sql`SELECT action FROM audit WHERE action = 'vault.header-upgraded'`)).toHaveLength(1);
    expect(verifyAudit(s.db).ok).toBe(true);
    s.close('test');
    (await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).close('test');
  });

  it('refuses the version 1 header put back once the database knows a generation (no downgrade past the MAC)', async () => {
    const dir = copyLegacyVault();
    (await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).close('test');
    writeFileSync(headerPath(dir), readFileSync(join(LEGACY_VAULT, 'vault.json')));
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'VAULT_ROLLED_BACK',
    });
  });

  it('recovers with its recovery code', async () => {
    const dir = copyLegacyVault();
    const s = await recoverVault(dir, LEGACY_RECOVERY_CODE, 'the new passphrase after recovery 5', {
      actor: 't',
      kdf: FAST_KDF,
    });
    expect(readHeader(dir).version).toBe(2);
    s.close('test');
  });

  it('gets owner-only modes at unlock (the old code left jejak.db 0644)', async () => {
    const dir = copyLegacyVault();
    expect(mode(join(dir, 'jejak.db'))).toBe(0o644);
    const s = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' });
    for (const file of ['vault.json', 'jejak.db', 'jejak.db-wal', 'jejak.db-shm'])
      expect(mode(join(dir, file)), file).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'blobs'))).toBe(0o700);
    s.close('test');
  });
});
