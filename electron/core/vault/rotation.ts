import { JejakError } from '../errors';
import { escrowFingerprint, escrowWrap, parseEscrowPublicKey } from './escrow';
import { type SealedHeader, readHeader, writeHeader } from './header';
import { sealHeader, verifyHeaderMac } from './header-mac';
import { generationOf } from './header-update';
import type { KdfParams } from './kdf';
import { type VaultKeys, deriveVaultKeys, newMasterKey, wipeKeys } from './keys';
import { openSession } from './open-session';
import { newRecoveryCode } from './recovery-code';
import {
  beginStaging,
  discardStaging,
  endStaging,
  removeRotationLeftovers,
  swapInRotatedFiles,
} from './rotation-files';
import { stageRotation } from './rotation-stage';
import { checkStrength, kdfForNewWrap, secretWrap, unwrapMaster } from './secrets';
import type { VaultSession } from './session';
import { dbGeneration } from './vault-state';

export interface RotationProgress {
  phase: 'originals' | 'commit';
  done: number;
  total: number;
}

export interface RotationOptions {
  /** the current passphrase: rotating is deliberate, so it is asked for as for a passphrase change */
  passphrase: string;
  /** the passphrase the new master key is wrapped for; the current one when absent */
  newPassphrase?: string;
  kdf?: KdfParams;
  minStrength?: number;
  /** the unit's escrow key from policy: the new master key is wrapped for it */
  escrowPublicKey?: string;
  onProgress?: (p: RotationProgress) => void;
  signal?: AbortSignal;
}

export interface RotatedVault {
  /** the vault, open under its new keys */
  session: VaultSession;
  /** the new recovery code, shown once: the old one cannot be rewrapped without being typed in */
  recoveryCode: string;
}

function copyKeys(keys: VaultKeys): VaultKeys {
  return { database: Buffer.from(keys.database), blob: Buffer.from(keys.blob), blobName: Buffer.from(keys.blobName) };
}

/** After the commit (right away, or at the next unlock after a crash): files into place, then the flag off. */
export async function completeRotation(dir: string, header: SealedHeader, master: Buffer): Promise<SealedHeader> {
  swapInRotatedFiles(dir);
  await removeRotationLeftovers(dir);
  const { mac: _m, rotating: _r, ...rest } = header;
  const final = sealHeader(rest, master);
  writeHeader(dir, final);
  return final;
}

/**
 * Re-encrypts the database and every original under a new master key, with new passphrase,
 * recovery and escrow wraps; a header from before then opens nothing. Takes the session over
 * (nothing else may write while the keys change) and hands back one under the new keys.
 *
 * Crash safety: everything new is built in rotate/ and fsynced; writing the header with the new
 * wraps and `rotating: true` is the single commit point. Before it, the old vault is untouched and
 * the next unlock drops rotate/; after it, only the new keys open the vault and the next unlock
 * finishes the idempotent swap. A SIGKILL at any moment leaves exactly one of the two key sets.
 */
export async function rotateKeys(session: VaultSession, opts: RotationOptions): Promise<RotatedVault> {
  if (opts.newPassphrase !== undefined) checkStrength(opts.newPassphrase, opts.minStrength);
  const { dir, actor } = session;
  const header = readHeader(dir);
  verifyHeaderMac(header, session.masterKey());
  (await unwrapMaster(header, { passphrase: opts.passphrase })).fill(0);
  const hadEscrow = header.wraps.some((w) => w.kind === 'escrow');
  if (hadEscrow && !opts.escrowPublicKey) {
    throw new JejakError(
      'POLICY',
      'This vault is wrapped for the unit escrow key, but the machine policy names none: the new keys could not be wrapped for it. Nothing was changed.',
    );
  }
  const escrowKey = opts.escrowPublicKey ? parseEscrowPublicKey(opts.escrowPublicKey) : null;
  const kdf = kdfForNewWrap(header, opts.kdf);
  const generation = Math.max(generationOf(header), dbGeneration(session.db)) + 1;
  const oldKeys = copyKeys(session.vaultKeys());
  const newMaster = newMasterKey();
  const newKeys = deriveVaultKeys(newMaster, header.vaultId);
  beginStaging(dir);
  // The last connection closing checkpoints the WAL into jejak.db and removes it: one file to copy.
  await session.db.endWalKeeping();
  session.discard();
  let committed: SealedHeader;
  let recoveryCode: string;
  try {
    recoveryCode = newRecoveryCode();
    const wraps = [
      await secretWrap('passphrase', opts.newPassphrase ?? opts.passphrase, newMaster, header, kdf),
      await secretWrap('recovery', recoveryCode, newMaster, header, kdf),
      ...(opts.escrowPublicKey ? [escrowWrap(newMaster, header, opts.escrowPublicKey)] : []),
    ];
    const details = {
      passphrase: opts.newPassphrase === undefined ? 'kept' : 'changed',
      recoveryCode: 'reissued',
      escrow: escrowKey ? escrowFingerprint(escrowKey) : null,
    };
    const onProgress = (done: number, total: number) => opts.onProgress?.({ phase: 'originals', done, total });
    const staged = await stageRotation({
      dir,
      oldKeys,
      newKeys,
      actor,
      generation,
      details,
      onProgress,
      signal: opts.signal,
    });
    const kept = {
      format: header.format,
      vaultId: header.vaultId,
      createdAt: header.createdAt,
      ...(header.version === 2 && header.auditBroken ? { auditBroken: header.auditBroken } : {}),
    };
    committed = sealHeader({ ...kept, version: 2, generation, wraps, audit: staged.head, rotating: true }, newMaster);
    opts.onProgress?.({ phase: 'commit', done: 0, total: 1 });
    writeHeader(dir, committed);
  } catch (e) {
    discardStaging(dir);
    endStaging(dir);
    wipeKeys(newKeys);
    newMaster.fill(0);
    throw e;
  } finally {
    wipeKeys(oldKeys);
  }
  wipeKeys(newKeys);
  try {
    const final = await completeRotation(dir, committed, newMaster);
    opts.onProgress?.({ phase: 'commit', done: 1, total: 1 });
    return { session: openSession(dir, final, newMaster, actor), recoveryCode };
  } finally {
    endStaging(dir);
  }
}
