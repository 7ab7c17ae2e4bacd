import { existsSync, readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { z } from 'zod';
import { isAgeRecipient } from '../age/age-recipient';
import { JejakError } from '../errors';
import { VAULT_ROLES } from '../../common/identity-rules';
import { rosterEntrySchema, tsaRootsSchema } from '../packages/roster';
import { isEscrowPublicKey } from '../vault/escrow';
import { kdfParamsSchema } from '../vault/kdf';

/**
 * The machine-wide policy IT deploys. Every field is optional: what is absent uses Jejak's default
 * and stays editable; what is present is fixed and shows as locked in Settings. An invalid file
 * stops the app with a clear error instead of silently falling back to defaults.
 */
export { rosterEntrySchema };
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** {yyyy} {yy} {mm} {dd} and exactly one {seqN}: without a counter every case would get the same reference. */
const referencePatternSchema = z
  .string()
  .min(1)
  .max(100)
  .refine(
    (p) => (p.match(/\{[^}]*\}/g) ?? []).every((t) => /^\{(yyyy|yy|mm|dd|seq[1-9])\}$/.test(t)),
    'only {yyyy} {yy} {mm} {dd} {seqN} may appear in braces',
  )
  .refine((p) => (p.match(/\{seq[1-9]\}/g) ?? []).length === 1, 'needs exactly one {seqN} counter, e.g. {seq4}');

/** The policy applies to Windows and Linux machines alike, so either form of absolute path is accepted. */
/** The e-mail rule of the notice's JSON Schema (Ajv's "email" format), so a policy address always fits a notice. */
const EMAIL = fullFormats.email as RegExp;

const absoluteFolder = z
  .string()
  .min(1)
  .refine((p) => win32.isAbsolute(p) || posix.isAbsolute(p), 'must be an absolute folder path');

export const policySchema = z
  .object({
    unitName: z.string().min(1).max(200),
    trustRoster: z.array(rosterEntrySchema),
    categories: z
      .array(z.string().min(1).max(80))
      .min(1)
      .refine((list) => new Set(list).size === list.length, 'categories must not repeat'),
    legalBasisPresets: z.array(z.string().min(1).max(500)),
    referencePattern: referencePatternSchema,
    dueHours: z.object({
      urgent: z
        .number()
        .positive()
        .max(24 * 90),
      normal: z
        .number()
        .positive()
        .max(24 * 90),
    }),
    autoLockMinutes: z.number().int().min(1).max(240),
    minPassphraseStrength: z.number().int().min(0).max(4),
    kdf: kdfParamsSchema,
    escrowPublicKey: z
      .string()
      .refine(
        isEscrowPublicKey,
        'must be an X25519 public key in PEM form (openssl genpkey -algorithm X25519, see docs/deploy.md)',
      ),
    allowedExportFolders: z.array(absoluteFolder).min(1),
    /** every package exported on this machine is age-encrypted and includes these recipients (e.g. the unit's archive key) */
    exportRecipients: z
      .array(z.string().refine(isAgeRecipient, 'must be an age X25519 recipient (age1…, as age-keygen prints it)'))
      .min(1)
      .max(20),
    /** the roots an RFC 3161 time-stamping authority's certificate must chain to, as PEM certificates */
    tsaRoots: tsaRootsSchema.min(1).max(20),
    /** What every notice (data/notice.json) says of the unit and asks of the platform. */
    notice: z
      .object({
        organisation: z.string().min(1).max(200),
        contactEmail: z.string().max(254).regex(EMAIL, 'must be an e-mail address'),
        preservationDays: z.number().int().min(0).max(3650),
      })
      .partial()
      .strict(),
    /** where backups go (Settings → Backup, `jejak backup`); a backup elsewhere is refused */
    backupFolder: absoluteFolder,
    /** the dashboard reminds when the last good backup is older than this */
    backupReminderDays: z.number().int().min(1).max(365),
    /** PDQ bits (of 256) within which two pictures are near duplicates; Meta's advice is 31 */
    nearDuplicateDistance: z.number().int().min(0).max(63),
    /** for IT test vaults only: a vault may be created without naming who works in it */
    allowAnonymousVault: z.boolean(),
    /** every vault made on this machine has this role (a unit's records desk: unit); another is refused */
    vaultRole: z.enum(VAULT_ROLES),
  })
  .partial()
  .strict();
export type Policy = z.infer<typeof policySchema>;

export function defaultPolicyPath(platform = process.platform, env = process.env): string {
  if (env.JEJAK_POLICY) return env.JEJAK_POLICY;
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Jejak', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Jejak/policy.json';
  return '/etc/jejak/policy.json';
}

export interface LoadedPolicy {
  path: string;
  /** false when no policy file is deployed: every setting is the user's */
  present: boolean;
  policy: Policy;
}

export function loadPolicy(path = defaultPolicyPath()): LoadedPolicy {
  if (!existsSync(path)) return { path, present: false, policy: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new JejakError(
      'POLICY_INVALID',
      `The machine policy ${path} is not valid JSON (${(e as Error).message}). Ask IT to fix it; Jejak will not start with a broken policy.`,
    );
  }
  const result = policySchema.safeParse(parsed);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new JejakError(
      'POLICY_INVALID',
      `The machine policy ${path} is invalid: ${problems}. Ask IT to fix it; Jejak will not start with a broken policy.`,
    );
  }
  return { path, present: true, policy: result.data };
}
