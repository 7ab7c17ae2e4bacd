import { type KeyObject, createPublicKey, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GENESIS_HASH } from '../audit/audit-log';
import {
  type IdentityFields,
  actorOf,
  checkNewIdentity,
  ensureIdentityKey,
  getIdentity,
  setIdentity,
} from '../identity/identity';
import { JejakError } from '../errors';
import { escrowFingerprint, escrowWrap, syncEscrowWrap } from './escrow';
import { type VaultHeader, vaultExists, readHeader, writeHeader } from './header';
import { sealHeader, verifyHeaderMac } from './header-mac';
import { updateHeader } from './header-update';
import { type KdfParams, calibrateKdf } from './kdf';
import { newMasterKey } from './keys';
import { openSession } from './open-session';
import { newRecoveryCode } from './recovery-code';
import { completeRotation } from './rotation';
import { assertNoRotationRunning, discardStaging } from './rotation-files';
import { type Secret, checkStrength, kdfForNewWrap, methodOf, secretWrap, unwrapMaster } from './secrets';
import { BLOBS_DIR, DATABASE_FILE, type VaultSession } from './session';
import { checkAnchorAtUnlock, checkGeneration } from './unlock-checks';
import { raiseDbGeneration, recordVaultId } from './vault-state';

export { DEFAULT_MIN_STRENGTH, type Secret } from './secrets';

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

export interface CreateOptions extends VaultOptions {
  /** who works in the vault: required unless the policy allows an anonymous (IT test) vault */
  identity?: IdentityFields;
  /** policy allowAnonymousVault */
  allowAnonymous?: boolean;
  /** the policy's unit, which stands in for an empty identity unit */
  policyUnit?: string;
  /** the policy's vaultRole: the only role a vault made here may have */
  policyRole?: IdentityFields['role'];
}

export interface CreatedVault {
  session: VaultSession;
  /** shown once; never stored in clear */
  recoveryCode: string;
}

export async function createVault(dir: string, passphrase: string, opts: CreateOptions): Promise<CreatedVault> {
  if (vaultExists(dir)) throw new JejakError('VAULT_EXISTS', `There is already a vault at ${dir}.`);
  checkNewIdentity(opts.identity, opts);
  if (existsSync(join(dir, DATABASE_FILE))) {
    throw new JejakError(
      'VAULT_CORRUPT',
      `${dir} holds a ${DATABASE_FILE} without its vault.json; it was not touched. Move it away or choose another folder.`,
    );
  }
  checkStrength(passphrase, opts.minStrength);
  mkdirSync(join(dir, BLOBS_DIR), { recursive: true, mode: 0o700 });
  const kdf = opts.kdf ?? calibrateKdf();
  const master = newMasterKey();
  const recoveryCode = newRecoveryCode();
  const base = { format: 'jejak-vault' as const, vaultId: randomUUID(), createdAt: new Date().toISOString() };
  const escrow = opts.escrowPublicKey ? escrowWrap(master, base, opts.escrowPublicKey) : null;
  const wraps = [
    await secretWrap('passphrase', passphrase, master, base, kdf),
    await secretWrap('recovery', recoveryCode, master, base, kdf),
    ...(escrow ? [escrow] : []),
  ];
  const header = sealHeader(
    { ...base, version: 2, generation: 1, wraps, audit: { seq: 0, hash: GENESIS_HASH } },
    master,
  );
  // The database is created before the header: a crash in between leaves no vault.json, so the
  // folder never looks like a vault whose database is missing.
  const session = openSession(dir, header, master, opts.actor, { create: true });
  recordVaultId(session.db, header.vaultId);
  writeHeader(dir, header);
  raiseDbGeneration(session.db, header.generation);
  // The person is named from the first entry on, so no entry of theirs says only "os:…".
  if (opts.identity) session.actor = actorOf(opts.identity) ?? session.actor;
  session.audit({
    action: 'vault.created',
    details: { vaultId: header.vaultId, kdf, escrow: escrow?.recipientFingerprint ?? null },
  });
  await ensureIdentityKey(session);
  if (opts.identity) setIdentity(session, opts.identity, opts.policyRole);
  return { session, recoveryCode };
}

/** Proves a passphrase against the header alone: no database is opened, nothing is written. */
export async function checkPassphrase(dir: string, passphrase: string): Promise<void> {
  (await unwrapMaster(readHeader(dir), { passphrase })).fill(0);
}

/** The header as it must be before the database opens: authentic, and any committed rotation finished. */
async function settleHeader(dir: string, header: VaultHeader, master: Buffer): Promise<VaultHeader> {
  verifyHeaderMac(header, master);
  assertNoRotationRunning(dir);
  if (header.version === 2 && header.rotating) return completeRotation(dir, header, master);
  discardStaging(dir);
  return header;
}

export async function unlockVault(
  dir: string,
  secret: Secret,
  opts: Pick<VaultOptions, 'actor' | 'escrowPublicKey'>,
): Promise<VaultSession> {
  const read = readHeader(dir);
  const master = await unwrapMaster(read, secret);
  let header: VaultHeader;
  try {
    header = await settleHeader(dir, read, master);
  } catch (e) {
    master.fill(0);
    throw e;
  }
  const session = openSession(dir, header, master, opts.actor);
  // Whatever stops the unlock from here (a check, or the database busy in another process) closes
  // the database and drops the keys.
  try {
    checkGeneration(session, methodOf(secret));
    checkAnchorAtUnlock(session);
    await ensureIdentityKey(session);
    // With the escrow key it is IT who acts, not the vault's owner: the log names them and the key.
    const escrow = 'escrowKey' in secret;
    session.actor = escrow ? opts.actor : (actorOf(getIdentity(session)) ?? opts.actor);
    session.audit({
      action: 'vault.unlocked',
      details: {
        method: methodOf(secret),
        ...(escrow ? { escrowFingerprint: escrowFingerprint(createPublicKey(secret.escrowKey)) } : {}),
      },
    });
    // A vault made before IT deployed (or rotated) the escrow key gets its wrap now.
    if (opts.escrowPublicKey) syncEscrowWrap(session, opts.escrowPublicKey);
  } catch (e) {
    session.discard();
    throw e;
  }
  return session;
}

/** Replaces the passphrase wrap; the master key, the database and the blobs stay as they are. */
export async function setPassphrase(
  session: VaultSession,
  next: string,
  opts: Pick<VaultOptions, 'kdf' | 'minStrength'> & {
    reason: 'changed' | 'recovered';
    method?: 'recovery-code' | 'escrow';
  },
): Promise<void> {
  checkStrength(next, opts.minStrength);
  const current = readHeader(session.dir);
  verifyHeaderMac(current, session.masterKey());
  const wrap = await secretWrap('passphrase', next, session.masterKey(), current, kdfForNewWrap(current, opts.kdf));
  updateHeader(session, (draft) => ({
    ...draft,
    wraps: [wrap, ...draft.wraps.filter((w) => w.kind !== 'passphrase')],
  }));
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
export async function recoverVault(
  dir: string,
  secret: string | { escrowKey: KeyObject },
  next: string,
  opts: VaultOptions,
): Promise<VaultSession> {
  checkStrength(next, opts.minStrength);
  const unlockWith: Secret = typeof secret === 'string' ? { recoveryCode: secret } : secret;
  const session = await unlockVault(dir, unlockWith, opts);
  try {
    await setPassphrase(session, next, {
      ...opts,
      reason: 'recovered',
      method: typeof secret === 'string' ? 'recovery-code' : 'escrow',
    });
  } catch (e) {
    session.close('recovery-failed');
    throw e;
  }
  return session;
}
