import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { JejakError } from '../errors';
import { kdfParamsSchema } from '../vault/kdf';

/**
 * The machine-wide policy IT deploys. Every field is optional: what is absent uses Jejak's default
 * and stays editable; what is present is fixed and shows as locked in Settings. An invalid file
 * stops the app with a clear error instead of silently falling back to defaults.
 */
export const rosterEntrySchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'fingerprint must be 64 lower-case hex characters'),
  name: z.string().min(1),
  unit: z.string(),
  role: z.enum(['analyst', 'supervisor']),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const policySchema = z
  .object({
    unitName: z.string().min(1).max(200),
    trustRoster: z.array(rosterEntrySchema),
    categories: z.array(z.string().min(1).max(80)).min(1),
    legalBasisPresets: z.array(z.string().min(1).max(500)),
    referencePattern: z.string().min(1).max(100),
    dueHours: z.object({ urgent: z.number().positive().max(24 * 90), normal: z.number().positive().max(24 * 90) }),
    autoLockMinutes: z.number().int().min(1).max(240),
    minPassphraseStrength: z.number().int().min(0).max(4),
    kdf: kdfParamsSchema,
    escrowPublicKey: z.string().includes('BEGIN PUBLIC KEY'),
    allowedExportFolders: z.array(z.string().min(1)).min(1),
  })
  .partial()
  .strict();
export type Policy = z.infer<typeof policySchema>;

export function defaultPolicyPath(platform = process.platform, env = process.env): string {
  if (env.JEJAK_POLICY) return env.JEJAK_POLICY;
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Jejak', 'policy.json');
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
    throw new JejakError('POLICY', `The machine policy ${path} is not valid JSON (${(e as Error).message}). Ask IT to fix it; Jejak will not start with a broken policy.`);
  }
  const result = policySchema.safeParse(parsed);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new JejakError('POLICY', `The machine policy ${path} is invalid: ${problems}. Ask IT to fix it; Jejak will not start with a broken policy.`);
  }
  return { path, present: true, policy: result.data };
}
