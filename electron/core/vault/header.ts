import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JejakError } from '../errors';
import { writeFileAtomic } from '../fs-atomic';
import { kdfParamsSchema } from './kdf';

export const HEADER_FILE = 'vault.json';
/** 2: authenticated (MAC, generation, audit anchor). 1: written before the MAC; upgraded at its first unlock. */
export const HEADER_VERSION = 2;

/** The words every refusal of a header carries, in the app and the CLI alike. */
export const ALTERED = 'vault header damaged or altered';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const wrapped = { iv: base64, ciphertext: base64, tag: base64 };

const secretWrapSchema = z.strictObject({
  kind: z.enum(['passphrase', 'recovery']),
  salt: base64,
  kdf: kdfParamsSchema,
  ...wrapped,
});

/** The unit's escrow key (from policy) can recover a vault whose passphrase and recovery code are lost. */
const escrowWrapSchema = z.strictObject({
  kind: z.literal('escrow'),
  recipientFingerprint: hex64,
  ephemeralPublicKey: base64,
  ...wrapped,
});

export const wrapSchema = z.discriminatedUnion('kind', [secretWrapSchema, escrowWrapSchema]);
export type SecretWrap = z.infer<typeof secretWrapSchema>;
export type EscrowWrap = z.infer<typeof escrowWrapSchema>;
export type Wrap = z.infer<typeof wrapSchema>;

/** An audit chain head (seq 0 with the genesis hash for an empty chain). */
export const anchorSchema = z.strictObject({ seq: z.number().int().min(0), hash: hex64 });
export type AuditAnchor = z.infer<typeof anchorSchema>;

const common = {
  format: z.literal('jejak-vault'),
  vaultId: z.string().uuid(),
  createdAt: z.string(),
  wraps: z.array(wrapSchema).min(1),
};

const legacyHeaderSchema = z.strictObject({ ...common, version: z.literal(1) });

const sealedHeaderSchema = z.strictObject({
  ...common,
  version: z.literal(HEADER_VERSION),
  /** raised at every header write; the database holds the same number (a lower one here = rolled back) */
  generation: z.number().int().positive(),
  /** the audit head when the vault was last locked: the chain must still contain it */
  audit: anchorSchema,
  /** the first anchor the chain was found not to contain; kept so the finding outlives the unlock */
  auditBroken: anchorSchema.extend({ foundAt: z.string() }).optional(),
  /** a key rotation committed to these wraps; its files may not all be in place yet */
  rotating: z.literal(true).optional(),
  /** HMAC-SHA256 of the canonical JSON of everything above, keyed from the master key */
  mac: hex64,
});

export const headerSchema = z.discriminatedUnion('version', [legacyHeaderSchema, sealedHeaderSchema]);
export type VaultHeader = z.infer<typeof headerSchema>;
export type SealedHeader = z.infer<typeof sealedHeaderSchema>;
export type LegacyHeader = z.infer<typeof legacyHeaderSchema>;
export type UnsealedHeader = Omit<SealedHeader, 'mac'>;

export function headerPath(dir: string): string {
  return join(dir, HEADER_FILE);
}

export function vaultExists(dir: string): boolean {
  return existsSync(headerPath(dir));
}

export function altered(detail: string): JejakError {
  return new JejakError(
    'VAULT_ALTERED',
    `${HEADER_FILE}: ${ALTERED} (${detail}). Nothing was opened or changed; restore the vault folder from a backup or ask IT.`,
  );
}

/**
 * Parses and bounds-checks the header. Synchronous and before any key derivation: a header whose
 * KDF parameters exceed KDF_LIMITS, or that has any field Jejak does not write, is refused here.
 */
export function readHeader(dir: string): VaultHeader {
  const path = headerPath(dir);
  if (!existsSync(path)) throw new JejakError('NO_VAULT', `No vault at ${dir}.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw altered('not valid JSON');
  }
  const version = (parsed as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > HEADER_VERSION) {
    throw new JejakError(
      'VAULT_FROM_FUTURE',
      `This vault was made by a newer Jejak (vault format ${version}); this version reads format ${HEADER_VERSION}. Update Jejak to open it.`,
    );
  }
  const result = headerSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw altered(issue ? `${issue.path.join('.') || 'header'}: ${issue.message}` : 'invalid');
  }
  return result.data;
}

/** Only sealed headers are ever written: a legacy one is upgraded, never rewritten as it was. */
export function writeHeader(dir: string, header: SealedHeader): void {
  writeFileAtomic(headerPath(dir), `${JSON.stringify(header, null, 2)}\n`);
}

export function wrapAad(header: Pick<VaultHeader, 'vaultId'>, kind: Wrap['kind']): string {
  return `jejak-vault/${header.vaultId}/${kind}`;
}
