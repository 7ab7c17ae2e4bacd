import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { JejakError } from '../errors';
import type { Role } from './bag-names';

export interface SignerIdentity {
  name: string;
  unit: string;
  id: string;
  role: Role;
}

/** Whoever signs a statement. The private key stays behind `sign`, so it can live in the vault. */
export interface Signer extends SignerIdentity {
  /** SPKI PEM of the Ed25519 public key */
  publicKeyPem: string;
  /** hex SHA-256 of the raw 32-byte public key */
  fingerprint: string;
  /** a 64-byte Ed25519 signature (RFC 8032) over exactly these bytes */
  sign(bytes: Buffer): Buffer;
}

function ed25519Public(key: KeyObject | string): KeyObject {
  const pub = typeof key === 'string' || key.type === 'private' ? createPublicKey(key) : key;
  if (pub.asymmetricKeyType !== 'ed25519') throw new JejakError('INVALID_INPUT', 'The key is not an Ed25519 key.');
  return pub;
}

/** Hex SHA-256 of the raw 32-byte Ed25519 public key (a private key gives its public key's). */
export function fingerprintOf(publicKey: KeyObject | string): string {
  const jwk = ed25519Public(publicKey).export({ format: 'jwk' });
  return createHash('sha256')
    .update(Buffer.from(jwk.x ?? '', 'base64url'))
    .digest('hex');
}

/** A Signer over a private key held in this process. */
export function keySigner(identity: SignerIdentity, privateKey: KeyObject): Signer {
  const pub = ed25519Public(privateKey);
  return {
    ...identity,
    publicKeyPem: spkiPem(pub),
    fingerprint: fingerprintOf(pub),
    sign: (bytes) => sign(null, bytes, privateKey),
  };
}

export function verifyEd25519(key: KeyObject, data: Buffer, signature: Buffer): boolean {
  return signature.length === 64 && verify(null, data, key, signature);
}

/** Refuses a signer that does not hold together, before any bytes are written. Returns its key. */
export function checkSigner(signer: Signer, role: Role): KeyObject {
  if (signer.role !== role)
    throw new JejakError('INVALID_INPUT', `This statement needs a ${role}'s key, not a ${signer.role}'s.`);
  for (const field of ['name', 'unit', 'id'] as const) {
    if (typeof signer[field] !== 'string' || signer[field].trim() === '') {
      throw new JejakError('INVALID_INPUT', `The signer has no ${field}.`);
    }
  }
  let key: KeyObject;
  try {
    key = ed25519Public(signer.publicKeyPem);
  } catch {
    throw new JejakError('INVALID_INPUT', "The signer's public key is not an Ed25519 SPKI PEM.");
  }
  if (fingerprintOf(key) !== signer.fingerprint) {
    throw new JejakError('INVALID_INPUT', "The signer's fingerprint does not match its public key.");
  }
  return key;
}

export function spkiPem(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'pem' }).toString();
}

/** Signs and checks the signature against the public key, so a broken signer never ships a package. */
export function signChecked(signer: Signer, key: KeyObject, bytes: Buffer): Buffer {
  const signature = signer.sign(bytes);
  if (!Buffer.isBuffer(signature) || !verifyEd25519(key, bytes, signature)) {
    throw new JejakError('INVALID_INPUT', "The signer's signature does not verify with its public key.");
  }
  return signature;
}
