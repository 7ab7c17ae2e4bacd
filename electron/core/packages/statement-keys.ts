import { bytesEqual } from './bytes';
import { type Phrase, say } from './phrases';
import type { Platform } from './platform';

/** The signer's key beside each statement (`.pem`) and the signature over the statement (`.sig`). */

export interface StatementKey {
  /** the raw 32-byte Ed25519 public key */
  raw: Uint8Array;
  /** hex SHA-256 of the raw key, as statements name their signer */
  fingerprint: string;
}

const PEM = /^-----BEGIN PUBLIC KEY-----\r?\n((?:[A-Za-z0-9+/=]+\r?\n)+)-----END PUBLIC KEY-----\r?\n?$/;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Base64 as Node's Buffer.from(text, 'base64') reads it, for text of the base64 alphabet and "=":
 * decoding stops at the first "=", and a final partial group gives what its bits hold. The key is
 * then read from the same bytes wherever the check runs.
 */
function base64Bytes(text: string): Uint8Array {
  const data = text.split('=')[0] ?? '';
  const out = new Uint8Array(Math.floor((data.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (const ch of data) {
    acc = ((acc << 6) | BASE64.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * A statement's .pem, read strictly: one SPKI "PUBLIC KEY" block and nothing else, DER in its
 * canonical form, Ed25519. Anything looser could let openssl and us read different keys (openssl
 * skips text around the block; a private key PEM would quietly yield its public key).
 */
export async function parsePublicKeyPem(text: string, platform: Platform): Promise<StatementKey | Phrase> {
  const m = PEM.exec(text);
  if (!m) return say('check.key.notPem');
  const der = base64Bytes((m[1] as string).replace(/\s/g, ''));
  const key = await platform.readSpki(der);
  if (!key) return say('check.key.unreadable');
  if (!key.ed25519) return say('check.key.notEd25519', { type: key.type });
  if (!bytesEqual(der, key.ed25519.canonicalDer)) return say('check.key.notCanonical');
  const hash = platform.sha256();
  await hash.update(key.ed25519.raw);
  return { raw: key.ed25519.raw, fingerprint: await hash.digest() };
}

export async function verifyStatementSignature(
  key: StatementKey,
  data: Uint8Array,
  signature: Uint8Array,
  platform: Platform,
): Promise<boolean> {
  return signature.length === 64 && platform.verifyEd25519(key.raw, data, signature);
}
