import { type KeyObject, randomBytes } from 'node:crypto';
import { estimateStrength } from '../../common/passphrase-strength';
import { JejakError } from '../errors';
import { escrowUnwrap } from './escrow';
import { type SecretWrap, type VaultHeader, wrapAad } from './header';
import { type KdfParams, calibrateKdf, deriveKek } from './kdf';
import { unwrapKey, wrapKey } from './keys';
import { normalizeRecoveryCode } from './recovery-code';

export const DEFAULT_MIN_STRENGTH = 3;

/** escrowKey: the unit's escrow private key (IT only, `jejak recover --escrow-key`). */
export type Secret = { passphrase: string } | { recoveryCode: string } | { escrowKey: KeyObject };

export function methodOf(secret: Secret): 'passphrase' | 'recovery-code' | 'escrow' {
  return 'passphrase' in secret ? 'passphrase' : 'recoveryCode' in secret ? 'recovery-code' : 'escrow';
}

export function checkStrength(passphrase: string, minStrength = DEFAULT_MIN_STRENGTH): void {
  const { score } = estimateStrength(passphrase);
  if (score < minStrength) {
    throw new JejakError(
      'WEAK_PASSPHRASE',
      `This passphrase is too easy to guess (strength ${score} of 4, at least ${minStrength} needed). Use a longer passphrase, for example several unrelated words.`,
    );
  }
}

export async function secretWrap(
  kind: SecretWrap['kind'],
  secret: string,
  master: Buffer,
  header: Pick<VaultHeader, 'vaultId'>,
  kdf: KdfParams,
): Promise<SecretWrap> {
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

/** The master key, or the WRONG_* error of that secret. Reads nothing but the header it is given. */
export async function unwrapMaster(header: VaultHeader, secret: Secret): Promise<Buffer> {
  if ('escrowKey' in secret) return escrowUnwrap(header, secret.escrowKey);
  if ('passphrase' in secret) {
    const master = await unwrapSecret(header, 'passphrase', secret.passphrase);
    if (!master) throw new JejakError('WRONG_PASSPHRASE', 'The passphrase is not correct. Nothing was changed.');
    return master;
  }
  const code = normalizeRecoveryCode(secret.recoveryCode);
  const master = code ? await unwrapSecret(header, 'recovery', code) : null;
  if (!master) throw new JejakError('WRONG_RECOVERY_CODE', 'The recovery code is not correct. Nothing was changed.');
  return master;
}

/** The KDF for a new wrap: the policy's, else the one the passphrase wrap already uses, else calibrated. */
export function kdfForNewWrap(header: VaultHeader, fromPolicy?: KdfParams): KdfParams {
  return fromPolicy ?? header.wraps.find((w): w is SecretWrap => w.kind === 'passphrase')?.kdf ?? calibrateKdf();
}
