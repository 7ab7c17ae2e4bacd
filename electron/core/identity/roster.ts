import { z } from 'zod';
import { JejakError } from '../errors';
import type { RosterEntry } from '../packages/judge';

/**
 * A trust roster as people hand it around: a JSON list of { fingerprint, name, unit, role }, or
 * { entries: [...] }. Read the same by the app, the CLI (--trust) and the browser verifier page.
 */

export const rosterEntrySchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'fingerprint must be 64 lower-case hex characters'),
  name: z.string().min(1),
  unit: z.string(),
  role: z.enum(['analyst', 'supervisor']),
});

const rosterFileSchema = z.union([z.array(rosterEntrySchema), z.object({ entries: z.array(rosterEntrySchema) }).transform((o) => o.entries)]);

export function parseRoster(parsed: unknown): RosterEntry[] {
  const result = rosterFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new JejakError('INVALID_INPUT', `Not a trust roster: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}. Expected a list of { fingerprint, name, unit, role }.`);
  }
  return result.data;
}

/** A roster from the text of a file: `read` gives the text (and may throw), `name` names the file. */
export function rosterFromText(read: () => string, name: string): RosterEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(read());
  } catch (e) {
    throw new JejakError('UNREADABLE', `The roster ${name} cannot be read as JSON (${(e as Error).message}).`);
  }
  return parseRoster(parsed);
}
