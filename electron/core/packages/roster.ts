import { z } from 'zod';
import { isAgeRecipient } from '../age/age-recipient';
import { JejakError } from '../errors';
import { isCertificatePem } from '../timestamps/tsa-roots';

/**
 * A trust roster as people hand it around: a JSON list of { fingerprint, name, unit, role,
 * ageRecipient? }, or { entries: [...], tsaRoots?: [PEM…] } when it also names the roots a
 * time-stamping authority must chain to. Read the same by the app, the CLI (--trust) and the
 * browser verifier page.
 */

export const rosterEntrySchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'fingerprint must be 64 lower-case hex characters'),
  name: z.string().min(1),
  unit: z.string(),
  role: z.enum(['analyst', 'supervisor']),
  /** the age1… recipient packages for this person can be encrypted to */
  ageRecipient: z.string().refine(isAgeRecipient, 'ageRecipient must be an age X25519 recipient (age1…)').optional(),
});
export type RosterFileEntry = z.infer<typeof rosterEntrySchema>;

export const tsaRootsSchema = z.array(z.string().refine(isCertificatePem, 'must be one X.509 certificate in PEM form'));

const trustFileSchema = z.union([
  z.array(rosterEntrySchema).transform((entries) => ({ entries, tsaRoots: [] as string[] })),
  z.object({ entries: z.array(rosterEntrySchema), tsaRoots: tsaRootsSchema.max(20).default([]) }),
]);

export interface TrustFile {
  entries: RosterFileEntry[];
  /** PEM roots for time-stamp tokens, when the file names any */
  tsaRoots: string[];
}

export function parseTrustFile(parsed: unknown): TrustFile {
  const result = trustFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new JejakError(
      'INVALID_INPUT',
      `Not a trust roster: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}. Expected a list of { fingerprint, name, unit, role }.`,
    );
  }
  return result.data;
}

export function parseRoster(parsed: unknown): RosterFileEntry[] {
  return parseTrustFile(parsed).entries;
}

/** A roster file from its text: `read` gives the text (and may throw), `name` names the file. */
export function trustFromText(read: () => string, name: string): TrustFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(read());
  } catch (e) {
    throw new JejakError('UNREADABLE', `The roster ${name} cannot be read as JSON (${(e as Error).message}).`);
  }
  return parseTrustFile(parsed);
}
