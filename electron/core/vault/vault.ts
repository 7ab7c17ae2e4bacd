import { type KeyObject, createPublicKey, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { estimateStrength } from '../../common/passphrase-strength';
import { openDatabase } from '../db/database';
import { actorOf, ensureIdentityKey, getIdentity } from '../identity/identity';
import { JejakError } from '../errors';
import { escrowFingerprint, escrowUnwrap, escrowWrap, syncEscrowWrap } from './escrow';
import { readHeader, type SecretWrap, type VaultHeader, vaultExists, wrapAad, writeHeader } from './header';
import { type KdfParams, calibrateKdf, deriveKek } from './kdf';
import { deriveVaultKeys, newMasterKey, unwrapKey, wrapKey } from './keys';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { BLOBS_DIR, DATABASE_FILE, VaultSession } from './session';

export interface VaultOptions {
  /** who acts: recorded in every audit entry */
  actor: string;
  /** scrypt parameters; calibrated to about half a second on this machine when absent */
  kdf?: KdfParams;
  /** minimum score 0–4 of estimateStrength (policy can raise it) */
  minStrength?: number;
  /** the unit's escrow public key (SPKI PEM, from policy): the master key is also wrapped for it */
  escrowPublicKey?: string;
}

export const DEFAULT_MIN_STRENGTH = 3;

/** escrowKey: the unit's escrow private key (IT only, `jejak recover --escrow-key`). */
export type Secret = { passphrase: string } | { recoveryCode: string } | { escrowKey: KeyObject };

function methodOf(secret: Secret): 'passphrase' | 'recovery-code' | 'escrow' {
  return 'passphrase' in secret ? 'passphrase' : 'recoveryCode' in secret ? 'recovery-code' : 'escrow';
}

function checkStrength(passphrase: string, minStrength = DEFAULT_MIN_STRENGTH): void {
  const { score } = estimateStrength(passphrase);
  if (score < minStrength) {
    throw new JejakError('WEAK_PASSPHRASE', `This passphrase is too easy to guess (strength ${score} of 4, at least ${minStrength} needed). Use a longer passphrase, for example several unrelated words.`);
  }
}

async function secretWrap(kind: SecretWrap['kind'], secret: string, master: Buffer, header: Pick<VaultHeader, 'vaultId'>, kdf: KdfParams): Promise<SecretWrap> {
  const salt = randomBytes(16);
  const kek = await deriveKek(secret, salt, kdf);
  const wrapped = wrapKey(master, kek, wrapAad(header, kind));
  kek.fill(0);
  return { kind, salt: salt.toString('base64'), kdf, ...wrapped };
}

async function unwrapSecret(header: VaultHeader, kind: SecretWrap['kind'], secret: string): Promise<Buffer | null> {
  for (const wrap of header.wraps) {
    if (wrap.kind !== kind) continue;
    const kek = await deriveKek(secret, Buffer.from(wrap.salt, 'base64'), wrap.kdf);
    const master = unwrapKey(wrap, kek, wrapAad(header, kind));
    kek.fill(0);
    if (master) return master;
  }
  return null;
}

function openSession(dir: string, header: VaultHeader, master: Buffer, actor: string): VaultSession {
  const keys = deriveVaultKeys(master, header.vaultId);
  const db = openDatabase(join(dir, DATABASE_FILE), keys.database);
  const session = new VaultSession(dir, header, db, master, keys, actor);
  session.blobs.removeTempFiles();
  return session;
}

export interface CreatedVault {
  session: VaultSession;
  /** shown once; never stored in clear */
  recoveryCode: string;
}

export async function createVault(dir: string, passphrase: string, opts: VaultOptions): Promise<CreatedVault> {
  if (vaultExists(dir)) throw new JejakError('VAULT_EXISTS', `There is already a vault at ${dir}.`);
  if (existsSync(join(dir, DATABASE_FILE))) {
    throw new JejakError('VAULT_CORRUPT', `${dir} holds a ${DATABASE_FILE} without its vault.json; it was not touched. Move it away or choose another folder.`);
  }
  checkStrength(passphrase, opts.minStrength);
  mkdirSync(join(dir, BLOBS_DIR), { recursive: true, mode: 0o700 });
  const kdf = opts.kdf ?? calibrateKdf();
  const master = newMasterKey();
  const recoveryCode = newRecoveryCode();
  const base = { format: 'jejak-vault' as const, version: 1, vaultId: randomUUID(), createdAt: new Date().toISOString() };
  const escrow = opts.escrowPublicKey ? escrowWrap(master, base, opts.escrowPublicKey) : null;
  const header: VaultHeader = {
    ...base,
    wraps: [await secretWrap('passphrase', passphrase, master, base, kdf), await secretWrap('recovery', recoveryCode, master, base, kdf), ...(escrow ? [escrow] : [])],
  };
  // The database is created before the header: a crash in between leaves no vault.json, so the
  // folder never looks like a vault whose database is missing.
  const session = openSession(dir, header, master, opts.actor);
  writeHeader(dir, header);
  session.audit({ action: 'vault.created', details: { vaultId: header.vaultId, kdf, escrow: escrow?.recipientFingerprint ?? null } });
  await ensureIdentityKey(session);
  return { session, recoveryCode };
}

/** Proves a passphrase against the header alone: no database is opened, nothing is written. */
export async function checkPassphrase(dir: string, passphrase: string): Promise<void> {
  const master = await unwrapSecret(readHeader(dir), 'passphrase', passphrase);
  if (!master) throw new JejakError('WRONG_PASSPHRASE', 'The passphrase is not correct. Nothing was changed.');
  master.fill(0);
}

export async function unlockVault(dir: string, secret: Secret, opts: Pick<VaultOptions, 'actor' | 'escrowPublicKey'>): Promise<VaultSession> {
  const header = readHeader(dir);
  let master: Buffer | null;
  if ('passphrase' in secret) {
    master = await unwrapSecret(header, 'passphrase', secret.passphrase);
    if (!master) throw new JejakError('WRONG_PASSPHRASE', 'The passphrase is not correct. Nothing was changed.');
  } else if ('escrowKey' in secret) {
    master = escrowUnwrap(header, secret.escrowKey);
  } else {
    const code = normalizeRecoveryCode(secret.recoveryCode);
    master = code ? await unwrapSecret(header, 'recovery', code) : null;
    if (!master) throw new JejakError('WRONG_RECOVERY_CODE', 'The recovery code is not correct. Nothing was changed.');
  }
  const session = openSession(dir, header, master, opts.actor);
  await ensureIdentityKey(session);
  // With the escrow key it is IT who acts, not the vault's owner: the log names them and the key.
  const escrow = 'escrowKey' in secret;
  session.actor = escrow ? opts.actor : (actorOf(getIdentity(session)) ?? opts.actor);
  session.audit({ action: 'vault.unlocked', details: { method: methodOf(secret), ...(escrow ? { escrowFingerprint: escrowFingerprint(createPublicKey(secret.escrowKey)) } : {}) } });
  // A vault made before IT deployed (or rotated) the escrow key gets its wrap now.
  if (opts.escrowPublicKey) syncEscrowWrap(session, opts.escrowPublicKey);
  return session;
}

/** Replaces the passphrase wrap; the master key, the database and the blobs stay as they are. */
export async function setPassphrase(
  session: VaultSession,
  next: string,
  opts: Pick<VaultOptions, 'kdf' | 'minStrength'> & { reason: 'changed' | 'recovered'; method?: 'recovery-code' | 'escrow' },
): Promise<void> {
  checkStrength(next, opts.minStrength);
  const current = readHeader(session.dir);
  const kdf = opts.kdf ?? current.wraps.find((w): w is SecretWrap => w.kind === 'passphrase')?.kdf ?? calibrateKdf();
  const wrap = await secretWrap('passphrase', next, session.masterKey(), current, kdf);
  writeHeader(session.dir, { ...current, wraps: [wrap, ...current.wraps.filter((w) => w.kind !== 'passphrase')] });
  if (opts.reason === 'changed') session.audit({ action: 'vault.passphrase-changed' });
  else session.audit({ action: 'vault.recovered', details: { method: opts.method ?? 'recovery-code' } });
}

export async function changePassphrase(dir: string, current: string, next: string, opts: VaultOptions): Promise<void> {
  const session = await unlockVault(dir, { passphrase: current }, opts);
  try {
    await setPassphrase(session, next, { ...opts, reason: 'changed' });
  } finally {
    session.close('passphrase-changed');
  }
}

/**
 * Unlocks with the recovery code (or, for IT, the unit's escrow private key) and sets a new
 * passphrase; the recovery code and the escrow key keep working afterwards.
 */
export async function recoverVault(dir: string, secret: string | { escrowKey: KeyObject }, next: string, opts: VaultOptions): Promise<VaultSession> {
  checkStrength(next, opts.minStrength);
  const unlockWith: Secret = typeof secret === 'string' ? { recoveryCode: secret } : secret;
  const session = await unlockVault(dir, unlockWith, opts);
  try {
    await setPassphrase(session, next, { ...opts, reason: 'recovered', method: typeof secret === 'string' ? 'recovery-code' : 'escrow' });
  } catch (e) {
    session.close('recovery-failed');
    throw e;
  }
  return session;
}
