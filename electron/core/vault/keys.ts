import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;

export interface VaultKeys {
  /** raw SQLCipher key */
  database: Buffer;
  /** encrypts blob contents (per-blob subkeys are derived from it) */
  blob: Buffer;
  /** names blob files: HMAC(nameKey, sha256), so equal files share a blob and names leak nothing */
  blobName: Buffer;
}

export interface WrappedKey {
  iv: string;
  ciphertext: string;
  tag: string;
}

export function newMasterKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** HKDF-SHA256(master, salt = vault id, info = `jejak/<purpose>/v1`): one independent key per job. */
export function derive(master: Buffer, vaultId: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.from(vaultId, 'utf8'), `jejak/${purpose}/v1`, KEY_BYTES));
}

export function deriveVaultKeys(master: Buffer, vaultId: string): VaultKeys {
  return {
    database: derive(master, vaultId, 'database'),
    blob: derive(master, vaultId, 'blob'),
    blobName: derive(master, vaultId, 'blob-name'),
  };
}

export function wipeKeys(keys: VaultKeys): void {
  keys.database.fill(0);
  keys.blob.fill(0);
  keys.blobName.fill(0);
}

/** AES-256-GCM; the associated data ties a wrap to its vault and its kind so wraps cannot be swapped. */
export function wrapKey(key: Buffer, kek: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns null when the key-encryption key is wrong (authentication fails); never throws for that. */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
