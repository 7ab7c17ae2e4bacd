import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/audit-log';
import { sql } from '../../../electron/core/db/sql';
import { setIdentity } from '../../../electron/core/identity/identity';
import { escrowFingerprint, loadEscrowPrivateKey, parseEscrowPublicKey } from '../../../electron/core/vault/escrow';
import { headerPath, readHeader } from '../../../electron/core/vault/header';
import { createVault, recoverVault, unlockVault } from '../../../electron/core/vault/vault';
import { FAST_KDF, PASSPHRASE, allFiles, tempDir } from '../../fixtures/temp';

function escrowPair() {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    fingerprint: escrowFingerprint(publicKey),
    privateKey,
  };
}

const NEW_PASSPHRASE = 'the unit reset this one 2026 quietly';

async function escrowedVault(publicPem: string) {
  const dir = join(tempDir(), 'vault');
  const { session } = await createVault(dir, PASSPHRASE, {
    actor: 'analyst',
    kdf: FAST_KDF,
    allowAnonymous: true,
    escrowPublicKey: publicPem,
  });
  session.db.run(sql`INSERT INTO settings (key, value) VALUES ('marker', 'still here')`);
  setIdentity(session, { name: 'Sari Analis', unit: 'Direktorat', employeeId: 'NIP-7', role: 'analyst' });
  session.close('test');
  return dir;
}

function actions(session: { db: { all<T>(q: unknown): T[] } }) {
  return session.db.all<{ action: string; details: string; actor: string }>(
    sql`SELECT action, details, actor FROM audit ORDER BY seq`,
  );
}

describe('escrow recovery', () => {
  it('wraps the master key for the policy escrow key at creation, naming the key by fingerprint', async () => {
    const unit = escrowPair();
    const dir = await escrowedVault(unit.publicPem);
    const header = readHeader(dir);
    expect(header.wraps.map((w) => w.kind)).toEqual(['passphrase', 'recovery', 'escrow']);
    const escrow = header.wraps.find((w) => w.kind === 'escrow')!;
    expect(escrow).toMatchObject({ recipientFingerprint: unit.fingerprint });
    // Nothing of the escrow key's private half, nor the master key, is in the header.
    expect(readFileSync(headerPath(dir), 'utf8')).not.toContain(unit.privatePem.split('\n')[1]);
  });

  it('opens the vault with the escrow private key once passphrase and recovery code are lost, and sets a new passphrase', async () => {
    const unit = escrowPair();
    const dir = await escrowedVault(unit.publicPem);
    const session = await recoverVault(dir, { escrowKey: loadEscrowPrivateKey(unit.privatePem) }, NEW_PASSPHRASE, {
      actor: 'os:it-admin',
      kdf: FAST_KDF,
    });
    expect(session.db.get<{ value: string }>(sql`SELECT value FROM settings WHERE key = 'marker'`)?.value).toBe(
      'still here',
    );
    const log = actions(session);
    expect(log.at(-2)).toMatchObject({ action: 'vault.unlocked' });
    // IT acted, with this key: the log says so, not the analyst's name.
    expect(JSON.parse(log.at(-2)!.details)).toEqual({ method: 'escrow', escrowFingerprint: unit.fingerprint });
    expect(session.actor).toBe('os:it-admin');
    expect(log.at(-1)).toMatchObject({ action: 'vault.recovered', actor: 'os:it-admin' });
    expect(JSON.parse(log.at(-1)!.details)).toEqual({ method: 'escrow' });
    expect(verifyAudit(session.db).ok).toBe(true);
    session.close('test');
    await expect(unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'x' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    (await unlockVault(dir, { passphrase: NEW_PASSPHRASE }, { actor: 'x' })).close('test');
  });

  it('refuses another escrow key before touching any file', async () => {
    const unit = escrowPair();
    const dir = await escrowedVault(unit.publicPem);
    const before = allFiles(dir);
    const stranger = escrowPair();
    await expect(
      recoverVault(dir, { escrowKey: stranger.privateKey }, NEW_PASSPHRASE, { actor: 'x', kdf: FAST_KDF }),
    ).rejects.toMatchObject({
      code: 'WRONG_ESCROW_KEY',
      message: expect.stringContaining('not the one this vault was wrapped for'),
    });
    expect(allFiles(dir)).toEqual(before);
  });

  it('refuses an altered wrap and a wrap moved from another vault', async () => {
    const unit = escrowPair();
    const a = await escrowedVault(unit.publicPem);
    const b = await escrowedVault(unit.publicPem);
    const headerA = JSON.parse(readFileSync(headerPath(a), 'utf8'));
    const headerB = JSON.parse(readFileSync(headerPath(b), 'utf8'));
    // B's escrow wrap pasted into A: the associated data names vault B, so it does not open.
    headerA.wraps[2] = headerB.wraps[2];
    writeFileSync(headerPath(a), JSON.stringify(headerA));
    await expect(unlockVault(a, { escrowKey: unit.privateKey }, { actor: 'x' })).rejects.toMatchObject({
      code: 'WRONG_ESCROW_KEY',
    });
    const tag = Buffer.from(headerB.wraps[2].tag, 'base64');
    tag[0]! ^= 1;
    headerB.wraps[2].tag = tag.toString('base64');
    writeFileSync(headerPath(b), JSON.stringify(headerB));
    await expect(unlockVault(b, { escrowKey: unit.privateKey }, { actor: 'x' })).rejects.toMatchObject({
      code: 'WRONG_ESCROW_KEY',
    });
  });

  it('says so when the vault was created without an escrow key', async () => {
    const dir = join(tempDir(), 'vault');
    (await createVault(dir, PASSPHRASE, { actor: 'a', kdf: FAST_KDF, allowAnonymous: true })).session.close('test');
    await expect(unlockVault(dir, { escrowKey: escrowPair().privateKey }, { actor: 'x' })).rejects.toThrow(
      /no escrow wrap/,
    );
  });

  it('adds the wrap at unlock to a vault made before the policy, and replaces it when IT rotates the key', async () => {
    const dir = join(tempDir(), 'vault');
    (await createVault(dir, PASSPHRASE, { actor: 'a', kdf: FAST_KDF, allowAnonymous: true })).session.close('test');
    const first = escrowPair();
    (await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'a', escrowPublicKey: first.publicPem })).close(
      'test',
    );
    expect(readHeader(dir).wraps.filter((w) => w.kind === 'escrow')).toHaveLength(1);
    (await unlockVault(dir, { escrowKey: first.privateKey }, { actor: 'it' })).close('test');

    const second = escrowPair();
    const s = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'a', escrowPublicKey: second.publicPem });
    expect(actions(s).at(-1)).toMatchObject({ action: 'vault.escrow-updated' });
    s.close('test');
    await expect(unlockVault(dir, { escrowKey: first.privateKey }, { actor: 'it' })).rejects.toMatchObject({
      code: 'WRONG_ESCROW_KEY',
    });
    (await unlockVault(dir, { escrowKey: second.privateKey }, { actor: 'it' })).close('test');
    // Unchanged key: no new wrap, no audit noise (the header is still rewritten at lock, to anchor the audit head).
    const before = readHeader(dir).wraps;
    const again = await unlockVault(dir, { passphrase: PASSPHRASE }, { actor: 'a', escrowPublicKey: second.publicPem });
    expect(actions(again).at(-1)).toMatchObject({ action: 'vault.unlocked' });
    again.close('test');
    expect(readHeader(dir).wraps).toEqual(before);
  });

  it('reads a passphrase-protected escrow key and refuses a wrong key passphrase', () => {
    const { privateKey } = generateKeyPairSync('x25519');
    const pem = privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'kunci unit' })
      .toString();
    expect(loadEscrowPrivateKey(pem, 'kunci unit').asymmetricKeyType).toBe('x25519');
    expect(() => loadEscrowPrivateKey(pem, 'wrong')).toThrow(expect.objectContaining({ code: 'WRONG_ESCROW_KEY' }));
    expect(() => loadEscrowPrivateKey(pem)).toThrow(/JEJAK_ESCROW_KEY_PASSPHRASE/);
  });

  it('accepts only X25519 keys', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => parseEscrowPublicKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(
      /X25519/,
    );
    expect(() => parseEscrowPublicKey('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')).toThrow(/PEM/);
    expect(() => loadEscrowPrivateKey(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toThrow(
      /X25519/,
    );
  });
});
