import { z } from 'zod';
import { identityFieldsSchema, roleSchema } from './identity';
import { jobIdSchema } from './shared';

const passphrase = z.string().min(1).max(1024);

export const languageSchema = z.enum(['id', 'en']);

export const vaultStatusSchema = z.object({
  state: z.enum(['absent', 'locked', 'unlocked']),
  vaultDir: z.string(),
  language: languageSchema,
  autoLockMinutes: z.number(),
  /** set when the machine policy fixes a value the user would otherwise choose */
  locked: z.object({ autoLockMinutes: z.boolean(), minPassphraseStrength: z.boolean() }),
  minPassphraseStrength: z.number(),
  unitName: z.string().nullable(),
  actor: z.string().nullable(),
  /** the open vault's role: a unit catalog shows the Unit area */
  role: roleSchema.nullable().optional(),
  version: z.string(),
  /** the vault is open and names nobody (made before identities were asked for), and policy wants one */
  identityMissing: z.boolean(),
  /** policy allowAnonymousVault: a vault may be created without an identity (IT test vaults) */
  allowAnonymousVault: z.boolean(),
  /** set while the audit chain lacks a head vault.json recorded at a lock (truncated or rewritten) */
  auditAnchorBroken: z.object({ seq: z.number(), reason: z.string() }).nullable().optional(),
});

export const vaultContract = {
  'vault.status': { args: z.object({}), result: vaultStatusSchema },
  'vault.create': {
    args: z.object({ passphrase, identity: identityFieldsSchema.optional() }),
    result: z.object({ recoveryCode: z.string() }),
  },
  'vault.unlock': { args: z.object({ passphrase }), result: z.object({}) },
  'vault.recover': {
    args: z.object({ recoveryCode: z.string().min(1).max(200), newPassphrase: passphrase }),
    result: z.object({}),
  },
  'vault.lock': { args: z.object({}), result: z.object({}) },
  'vault.changePassphrase': { args: z.object({ current: passphrase, next: passphrase }), result: z.object({}) },
  /** a new master key for the database and every original; progress as events under jobId */
  'vault.rotateKeys': {
    args: z.object({ current: passphrase, next: passphrase.optional(), jobId: jobIdSchema.min(1) }),
    result: z.object({ recoveryCode: z.string() }),
  },
} as const;
