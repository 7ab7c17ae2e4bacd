import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { sql } from '../../../electron/core/db/sql';
import { readHeader } from '../../../electron/core/vault/header';
import { changePassphrase, recoverVault, unlockVault } from '../../../electron/core/vault/vault';
import { FAST_KDF, PASSPHRASE, allFiles, newVault } from '../../fixtures/temp';

const MARKER = 'JEJAK-MARKER-7f3a9c1e';

describe('vault', () => {
  it('creates vault.json, jejak.db and blobs/, and keeps no secret in the header', async () => {
    const { dir, session, recoveryCode } = await newVault();
    session.close('test');
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['blobs', 'jejak.db', 'vault.json']));
    const header = readHeader(dir);
    expect(header.wraps.map((w) => w.kind)).toEqual(['passphrase', 'recovery']);
    const headerText = JSON.stringify(header);
    expect(headerText).not.toContain(PASSPHRASE);
    expect(headerText).not.toContain(recoveryCode);
  });

  it('leaves no marker in any byte of the vault folder, WAL included, and plain sqlite3 cannot read it', async () => {
    const { dir, session } = await newVault();
    session.db.run(sql`INSERT INTO settings (key, value) VALUES ('note', ${MARKER})`);
    await session.blobs.put(Buffer.from(`evidence ${MARKER} ${'x'.repeat(5000)}`));
    const walFiles = readdirSync(dir).filter((n) => n.endsWith('-wal'));
    expect(walFiles.length).toBe(1); // the check must include a live WAL, not only the checkpointed file
    for (const file of allFiles(dir)) expect(file.bytes.includes(MARKER), file.path).toBe(false);
    session.close('test');
    for (const file of allFiles(dir)) {
      expect(file.bytes.includes(MARKER), file.path).toBe(false);
      expect(file.bytes.includes(Buffer.from(MARKER, 'utf16le')), file.path).toBe(false);
    }
    expect(() => execFileSync('sqlite3', [join(dir, 'jejak.db'), '.tables'], { stdio: 'pipe' })).toThrow(
      /not a database/,
    );
  });

  it('refuses a wrong passphrase with a clear error and changes no byte of any file', async () => {
    const { dir, session } = await newVault();
    session.close('test');
    const before = allFiles(dir);
    await expect(unlockVault(dir, { passphrase: 'wrong passphrase entirely' }, { actor: 't' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringMatching(/not correct/),
    });
    expect(allFiles(dir)).toEqual(before);
  });

  it('unlocks, and the audit chain records create, unlock and lock with the actor', async () => {
    const { dir, session } = await newVault('analyst-a');
    session.close('manual');
    const again = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'analyst-b' });
    const actions = again.db.all<{ action: string; actor: string }>(sql`SELECT action, actor FROM audit ORDER BY seq`);
    expect(actions).toEqual([
      { action: 'vault.created', actor: 'analyst-a' },
      { action: 'identity.key-created', actor: 'analyst-a' },
      { action: 'vault.locked', actor: 'analyst-a' },
      { action: 'vault.unlocked', actor: 'analyst-b' },
    ]);
    expect(verifyAudit(again.db)).toMatchObject({ ok: true, entries: 4 });
    again.close('test');
  });

  it('changes the passphrase: the old one stops working, data stays', async () => {
    const { dir, session } = await newVault();
    session.db.run(sql`INSERT INTO settings (key, value) VALUES ('k', 'v')`);
    session.close('test');
    const next = 'another long passphrase for tests 9';
    await changePassphrase(dir, PASSPHRASE, next, { actor: 't', kdf: FAST_KDF });
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    const s = await unlockVault(dir, { passphrase: next }, { actor: 't' });
    expect(s.db.get(sql`SELECT value FROM settings WHERE key = 'k'`)).toEqual({ value: 'v' });
    s.close('test');
  });

  it('recovers with the recovery code typed loosely, and sets a new passphrase', async () => {
    const { dir, session, recoveryCode } = await newVault();
    session.close('test');
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ');
    await expect(
      recoverVault(dir, 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA', 'new passphrase that is long 1', {
        actor: 't',
        kdf: FAST_KDF,
      }),
    ).rejects.toMatchObject({ code: 'WRONG_RECOVERY_CODE' });
    const s = await recoverVault(dir, typed, 'new passphrase that is long 1', { actor: 't', kdf: FAST_KDF });
    s.close('test');
    const again = await unlockVault(dir, { passphrase: 'new passphrase that is long 1' }, { actor: 't' });
    expect(again.db.all(sql`SELECT action FROM audit WHERE action = 'vault.recovered'`)).toHaveLength(1);
    again.close('test');
  });

  it('refuses a weak passphrase at creation and creates nothing', async () => {
    const { tempDir } = await import('../../fixtures/temp');
    const { createVault } = await import('../../../electron/core/vault/vault');
    const dir = join(tempDir(), 'weak');
    await expect(
      createVault(dir, 'password1', { actor: 't', kdf: FAST_KDF, allowAnonymous: true }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    expect(existsSync(join(dir, 'vault.json'))).toBe(false);
  });

  it('refuses a database from a newer Jejak with a clear message', async () => {
    const { dir, session } = await newVault();
    session.db.raw.pragma('user_version = 999');
    session.close('test');
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'VAULT_FROM_FUTURE',
      message: expect.stringMatching(/newer Jejak/),
    });
  });
});
