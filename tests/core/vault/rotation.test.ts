import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditAnchored } from '../../../electron/core/audit/anchor';
import { sql } from '../../../electron/core/db/sql';
import { intakeBytes } from '../../../electron/core/evidence/intake';
import { headerPath, readHeader } from '../../../electron/core/vault/header';
import { storeOriginal } from '../../../electron/core/vault/originals';
import { type RotationProgress, rotateKeys } from '../../../electron/core/vault/rotation';
import { assertNoRotationRunning } from '../../../electron/core/vault/rotation-files';
import type { VaultSession } from '../../../electron/core/vault/session';
import { anchorsOf } from '../../../electron/core/vault/unlock-checks';
import { createVault, recoverVault, unlockVault } from '../../../electron/core/vault/vault';
import { POLICY, screenshotPng } from '../../fixtures/catalog';
import { FAST_KDF, PASSPHRASE, allFiles, tempDir } from '../../fixtures/temp';

const NEW = 'a rotated passphrase with several words 3';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function escrowPair() {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

/** A vault with originals of several sizes (one spans chunks) and an evidence row pointing at one. */
async function filledVault(escrowPublicKey?: string) {
  const dir = join(tempDir(), 'vault');
  const { session, recoveryCode } = await createVault(dir, PASSPHRASE, {
    actor: 'analyst',
    kdf: FAST_KDF,
    allowAnonymous: true,
    escrowPublicKey,
  });
  const contents = [Buffer.from('small original'), Buffer.alloc(2 * 1024 * 1024 + 3, 7), Buffer.alloc(0)];
  for (const bytes of contents) await storeOriginal(session, bytes);
  const shot = await intakeBytes(session, POLICY, await screenshotPng(5), { originalName: 'shot.png' });
  return { dir, session, recoveryCode, hashes: [...contents.map(sha256), shot.sha256].sort() };
}

async function everyOriginalChecks(s: VaultSession, hashes: string[]) {
  const rows = s.db.all<{ name: string; sha256: string }>(sql`SELECT name, sha256 FROM blobs ORDER BY sha256`);
  expect(rows.map((r) => r.sha256)).toEqual(hashes);
  for (const row of rows) expect(sha256(await s.blobs.readAll(row.name, row.sha256))).toBe(row.sha256);
  return rows.map((r) => r.name);
}

function blobFiles(dir: string): string[] {
  return readdirSync(join(dir, 'blobs'), { recursive: true })
    .map(String)
    .filter((n) => /[0-9a-f]{64}$/.test(n))
    .map((n) => n.slice(-64))
    .sort();
}

describe('key rotation', () => {
  it('re-encrypts the database and every original under a new master key; old header, passphrase and recovery code open nothing', async () => {
    const unit = escrowPair();
    const { dir, session, recoveryCode, hashes } = await filledVault(unit.publicPem);
    const oldNames = await everyOriginalChecks(session, hashes);
    const oldHeader = readFileSync(headerPath(dir));
    const progress: RotationProgress[] = [];
    const rotated = await rotateKeys(session, {
      passphrase: PASSPHRASE,
      newPassphrase: NEW,
      kdf: FAST_KDF,
      escrowPublicKey: unit.publicPem,
      onProgress: (p) => progress.push(p),
    });
    expect(session.isOpen).toBe(false);

    const s = rotated.session;
    const newNames = await everyOriginalChecks(s, hashes);
    expect(newNames.filter((n) => oldNames.includes(n))).toEqual([]);
    expect(blobFiles(dir)).toEqual([...newNames].sort());
    const evidenceBlob = s.db.get<{ blob_name: string }>(sql`SELECT blob_name FROM evidence`)!.blob_name;
    expect(newNames).toContain(evidenceBlob);
    expect(verifyAuditAnchored(s.db, anchorsOf(s.header)).ok).toBe(true);
    const entry = s.db.get<{ details: string }>(sql`SELECT details FROM audit WHERE action = 'vault.keys-rotated'`);
    expect(JSON.parse(entry!.details)).toMatchObject({ originals: 4, passphrase: 'changed', recoveryCode: 'reissued' });
    expect(existsSync(join(dir, 'rotate'))).toBe(false);
    expect(existsSync(join(dir, 'blobs.old'))).toBe(false);
    expect(readHeader(dir)).not.toHaveProperty('rotating');
    const originals = progress.filter((p) => p.phase === 'originals');
    expect(originals.map((p) => p.done)).toEqual([...originals.map((p) => p.done)].sort((a, b) => a - b));
    expect(originals.at(-1)).toMatchObject({ done: originals.at(-1)!.total });
    expect(progress.at(-1)).toMatchObject({ phase: 'commit', done: 1 });
    s.close('test');

    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(
      recoverVault(dir, recoveryCode, 'yet another passphrase here 12', { actor: 't', kdf: FAST_KDF }),
    ).rejects.toMatchObject({ code: 'WRONG_RECOVERY_CODE' });
    (await recoverVault(dir, rotated.recoveryCode, NEW, { actor: 't', kdf: FAST_KDF })).close('test');
    (await unlockVault(dir, { escrowKey: unit.privateKey }, { actor: 'it' })).close('test');

    // A copy of the old vault.json still unwraps the old master key, which opens nothing now.
    const current = readFileSync(headerPath(dir));
    writeFileSync(headerPath(dir), oldHeader);
    const before = allFiles(dir);
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
    });
    expect(allFiles(dir)).toEqual(before);
    writeFileSync(headerPath(dir), current);
  });

  it('keeps the passphrase when no new one is given, and refuses a wrong current passphrase without touching anything', async () => {
    const { dir, session, hashes } = await filledVault();
    await expect(rotateKeys(session, { passphrase: 'not the passphrase at all', kdf: FAST_KDF })).rejects.toMatchObject(
      { code: 'WRONG_PASSPHRASE' },
    );
    expect(session.isOpen).toBe(true);
    const rotated = await rotateKeys(session, { passphrase: PASSPHRASE, kdf: FAST_KDF });
    rotated.session.close('test');
    const s = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' });
    await everyOriginalChecks(s, hashes);
    s.close('test');
  });

  it('refuses to drop the escrow wrap when the policy no longer names the key', async () => {
    const { session } = await filledVault(escrowPair().publicPem);
    await expect(rotateKeys(session, { passphrase: PASSPHRASE, kdf: FAST_KDF })).rejects.toMatchObject({
      code: 'POLICY',
    });
    expect(session.isOpen).toBe(true);
    session.close('test');
  });

  it('refuses while another connection holds the vault, and leaves it whole', async () => {
    const { dir, session, hashes } = await filledVault();
    const other = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'other' });
    await expect(rotateKeys(session, { passphrase: PASSPHRASE, kdf: FAST_KDF })).rejects.toMatchObject({
      code: 'VAULT_BUSY',
      message: expect.stringMatching(/has this vault open/),
    });
    expect(existsSync(join(dir, 'rotate'))).toBe(false);
    await everyOriginalChecks(other, hashes);
    other.close('test');
  });

  it('cancelled before the commit: rotate/ is dropped, the old keys open everything', async () => {
    const { dir, session, hashes } = await filledVault();
    const controller = new AbortController();
    let guarded = false;
    const onProgress = () => {
      // While it runs, no unlock (in this process or another) may start.
      expect(() => assertNoRotationRunning(dir)).toThrow(expect.objectContaining({ code: 'VAULT_BUSY' }));
      guarded = true;
      controller.abort();
    };
    await expect(
      rotateKeys(session, {
        passphrase: PASSPHRASE,
        newPassphrase: NEW,
        kdf: FAST_KDF,
        onProgress,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(guarded).toBe(true);
    expect(existsSync(join(dir, 'rotate'))).toBe(false);
    const s = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' });
    await everyOriginalChecks(s, hashes);
    s.close('test');
  });

  it('a swap cut short after the commit is finished by the next unlock, with the new passphrase only', async () => {
    const { dir, session, hashes } = await filledVault();
    // Something in the way of the blob swap: the commit is written, the swap stops half-way.
    const onProgress = (p: RotationProgress) => {
      if (p.phase === 'commit' && p.done === 0) writeFileSync(join(dir, 'blobs.old'), 'in the way');
    };
    await expect(
      rotateKeys(session, { passphrase: PASSPHRASE, newPassphrase: NEW, kdf: FAST_KDF, onProgress }),
    ).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
    expect(readHeader(dir)).toMatchObject({ rotating: true });
    expect(existsSync(join(dir, 'rotate', 'blobs'))).toBe(true);
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 't' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await expect(unlockVault(dir, { passphrase: NEW }, { actor: 't' })).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
    });
    rmSync(join(dir, 'blobs.old'));
    const s = await unlockVault(dir, { passphrase: NEW }, { actor: 't' });
    await everyOriginalChecks(s, hashes);
    expect(readHeader(dir)).not.toHaveProperty('rotating');
    expect(existsSync(join(dir, 'rotate'))).toBe(false);
    s.close('test');
  });
});
