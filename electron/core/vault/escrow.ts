import {
  type KeyObject,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
} from 'node:crypto';
import { JejakError } from '../errors';
import { type EscrowWrap, type VaultHeader, wrapAad } from './header';
import { updateHeader } from './header-update';
import { KEY_BYTES, unwrapKey, wrapKey } from './keys';
import type { VaultSession } from './session';

/**
 * The unit's escrow key can recover any vault created under a policy that names its public half.
 *
 * Construction (ECIES over X25519, the shape of HPKE's base mode): a fresh ephemeral X25519 key
 * per vault, ECDH with the unit's public key, HKDF-SHA256 over the shared secret (salted with both
 * public keys, so the key is bound to this pair), and AES-256-GCM over the master key with the
 * vault id and wrap kind as associated data, exactly like the passphrase wraps.
 *
 * Why X25519 rather than RSA-OAEP: one fixed-size key type with no parameters to get wrong (no
 * key size, padding or hash choice), a public key short enough to sit in policy.json, native in
 * Node and OpenSSL (`openssl genpkey -algorithm X25519`), and forward-secret per vault: the
 * ephemeral private key is dropped the moment the wrap is made.
 */
const INFO = 'jejak/escrow/v1';

function spkiDer(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

/** SHA-256 of the public key's SPKI bytes: names the key in vault.json and in error messages. */
export function escrowFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(spkiDer(publicKey)).digest('hex');
}

/** Parses the policy's escrowPublicKey; throws a message that names what is wrong. */
export function parseEscrowPublicKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new JejakError(
      'POLICY_INVALID',
      'escrowPublicKey is not a public key in PEM form (-----BEGIN PUBLIC KEY-----).',
    );
  }
  if (key.asymmetricKeyType !== 'x25519') {
    throw new JejakError(
      'POLICY_INVALID',
      `escrowPublicKey must be an X25519 key (openssl genpkey -algorithm X25519), not ${key.asymmetricKeyType ?? 'unknown'}.`,
    );
  }
  return key;
}

export function isEscrowPublicKey(pem: string): boolean {
  try {
    parseEscrowPublicKey(pem);
    return true;
  } catch {
    return false;
  }
}

function deriveKek(shared: Buffer, ephemeralPublic: KeyObject, recipient: KeyObject): Buffer {
  const salt = Buffer.concat([spkiDer(ephemeralPublic), spkiDer(recipient)]);
  return Buffer.from(hkdfSync('sha256', shared, salt, INFO, KEY_BYTES));
}

/** Wraps the master key for the unit's escrow key. Needs only the public half. */
export function escrowWrap(master: Buffer, header: Pick<VaultHeader, 'vaultId'>, publicKeyPem: string): EscrowWrap {
  const recipient = parseEscrowPublicKey(publicKeyPem);
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const kek = deriveKek(shared, ephemeral.publicKey, recipient);
  shared.fill(0);
  const wrapped = wrapKey(master, kek, wrapAad(header, 'escrow'));
  kek.fill(0);
  return {
    kind: 'escrow',
    recipientFingerprint: escrowFingerprint(recipient),
    ephemeralPublicKey: spkiDer(ephemeral.publicKey).toString('base64'),
    ...wrapped,
  };
}

/**
 * Reads the escrow private key (PKCS#8 PEM, optionally encrypted with `openssl genpkey … -aes256`).
 * A wrong key passphrase is a wrong secret (exit 4), like a wrong vault passphrase.
 */
export function loadEscrowPrivateKey(pem: string, passphrase?: string): KeyObject {
  const encrypted = pem.includes('BEGIN ENCRYPTED PRIVATE KEY');
  if (encrypted && !passphrase)
    throw new JejakError(
      'WRONG_ESCROW_KEY',
      'The escrow private key is encrypted: set JEJAK_ESCROW_KEY_PASSPHRASE to its passphrase.',
    );
  let key: KeyObject;
  try {
    key = createPrivateKey(encrypted ? { key: pem, format: 'pem', passphrase } : { key: pem, format: 'pem' });
  } catch {
    if (encrypted)
      throw new JejakError('WRONG_ESCROW_KEY', 'The escrow key passphrase is not correct. Nothing was changed.');
    throw new JejakError('INVALID_INPUT', 'The escrow key file is not a private key in PEM form.');
  }
  if (key.asymmetricKeyType !== 'x25519')
    throw new JejakError(
      'INVALID_INPUT',
      `The escrow key must be an X25519 private key, not ${key.asymmetricKeyType ?? 'unknown'}.`,
    );
  return key;
}

/**
 * Unwraps the master key with the escrow private key. Checked against the header only: a key the
 * vault was not wrapped for fails before any other file is opened, so nothing changes.
 */
export function escrowUnwrap(header: VaultHeader, privateKey: KeyObject): Buffer {
  const recipient = createPublicKey(privateKey);
  const fingerprint = escrowFingerprint(recipient);
  const wraps = header.wraps.filter((w): w is EscrowWrap => w.kind === 'escrow');
  if (wraps.length === 0)
    throw new JejakError(
      'WRONG_ESCROW_KEY',
      'This vault has no escrow wrap (it was created without an escrow key in the machine policy). Nothing was changed.',
    );
  const wrap = wraps.find((w) => w.recipientFingerprint === fingerprint);
  if (!wrap) {
    const expected = wraps.map((w) => w.recipientFingerprint.slice(0, 16)).join(', ');
    throw new JejakError(
      'WRONG_ESCROW_KEY',
      `This escrow key (${fingerprint.slice(0, 16)}…) is not the one this vault was wrapped for (${expected}…). Nothing was changed.`,
    );
  }
  let ephemeral: KeyObject;
  try {
    ephemeral = createPublicKey({ key: Buffer.from(wrap.ephemeralPublicKey, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new JejakError('VAULT_CORRUPT', 'The escrow wrap in vault.json is damaged.');
  }
  const shared = diffieHellman({ privateKey, publicKey: ephemeral });
  const kek = deriveKek(shared, ephemeral, recipient);
  shared.fill(0);
  const master = unwrapKey(wrap, kek, wrapAad(header, 'escrow'));
  kek.fill(0);
  if (!master)
    throw new JejakError(
      'WRONG_ESCROW_KEY',
      'The escrow wrap does not open with this key (vault.json altered?). Nothing was changed.',
    );
  return master;
}

/**
 * Makes the vault's escrow wrap match the policy's key: added when the vault predates the policy,
 * replaced when IT rotated the key (a retired key must stop opening new vault states). Audited.
 */
export function syncEscrowWrap(session: VaultSession, publicKeyPem: string): boolean {
  const fingerprint = escrowFingerprint(parseEscrowPublicKey(publicKeyPem));
  const header = session.header;
  const escrows = header.wraps.filter((w): w is EscrowWrap => w.kind === 'escrow');
  if (escrows.length === 1 && escrows[0]!.recipientFingerprint === fingerprint) return false;
  const wrap = escrowWrap(session.masterKey(), header, publicKeyPem);
  updateHeader(session, (draft) => ({ ...draft, wraps: [...draft.wraps.filter((w) => w.kind !== 'escrow'), wrap] }));
  session.audit({
    action: 'vault.escrow-updated',
    details: { fingerprint, replaced: escrows.map((w) => w.recipientFingerprint) },
  });
  return true;
}
