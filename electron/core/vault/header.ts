import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JejakError } from '../errors';
import { writeFileAtomic } from '../fs-atomic';
import { kdfParamsSchema } from './kdf';

export const HEADER_FILE = 'vault.json';
export const HEADER_VERSION = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const wrapped = { iv: base64, ciphertext: base64, tag: base64 };

const secretWrapSchema = z.object({
  kind: z.enum(['passphrase', 'recovery']),
  salt: base64,
  kdf: kdfParamsSchema,
  ...wrapped,
});

/** The unit's escrow key (from policy) can recover a vault whose passphrase and recovery code are lost. */
const escrowWrapSchema = z.object({
  kind: z.literal('escrow'),
  recipientFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  ephemeralPublicKey: z.string(),
  ...wrapped,
});

export const wrapSchema = z.discriminatedUnion('kind', [secretWrapSchema, escrowWrapSchema]);
export type SecretWrap = z.infer<typeof secretWrapSchema>;
export type EscrowWrap = z.infer<typeof escrowWrapSchema>;
export type Wrap = z.infer<typeof wrapSchema>;

export const headerSchema = z.object({
  format: z.literal('jejak-vault'),
  version: z.number().int().positive(),
  vaultId: z.string().uuid(),
  createdAt: z.string(),
  wraps: z.array(wrapSchema).min(1),
});
export type VaultHeader = z.infer<typeof headerSchema>;

export function headerPath(dir: string): string {
  return join(dir, HEADER_FILE);
}

export function vaultExists(dir: string): boolean {
  return existsSync(headerPath(dir));
}

export function readHeader(dir: string): VaultHeader {
  const path = headerPath(dir);
  if (!existsSync(path)) throw new JejakError('NO_VAULT', `No vault at ${dir}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new JejakError('VAULT_CORRUPT', `${HEADER_FILE} is not valid JSON.`);
  }
  const version = (parsed as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > HEADER_VERSION) {
    throw new JejakError('VAULT_FROM_FUTURE', `This vault was made by a newer Jejak (vault format ${version}); this version reads format ${HEADER_VERSION}. Update Jejak to open it.`);
  }
  const result = headerSchema.safeParse(parsed);
  if (!result.success) throw new JejakError('VAULT_CORRUPT', `${HEADER_FILE} is damaged: ${result.error.issues[0]?.message ?? 'invalid'}.`);
  return result.data;
}

export function writeHeader(dir: string, header: VaultHeader): void {
  writeFileAtomic(headerPath(dir), `${JSON.stringify(header, null, 2)}\n`);
}

export function wrapAad(header: Pick<VaultHeader, 'vaultId'>, kind: Wrap['kind']): string {
  return `jejak-vault/${header.vaultId}/${kind}`;
}
