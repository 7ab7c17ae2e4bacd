import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import { type Policy, type RosterEntry, rosterEntrySchema } from '../policy/policy';
import { isCertificatePem } from '../timestamps/tsa-roots';
import type { VaultSession } from '../vault/session';

const tsaRootsSchema = z.array(z.string().refine(isCertificatePem, 'must be one X.509 certificate in PEM form')).max(20);
const rosterFileSchema = z.union([
  z.array(rosterEntrySchema).transform((entries) => ({ entries, tsaRoots: [] as string[] })),
  z.object({ entries: z.array(rosterEntrySchema), tsaRoots: tsaRootsSchema.default([]) }),
]);

export interface TrustFile {
  entries: RosterEntry[];
  /** PEM roots for time-stamp tokens, when the file names any */
  tsaRoots: string[];
}

/**
 * Reads a roster file: a JSON list of { fingerprint, name, unit, role, ageRecipient? }, or
 * { entries: [...], tsaRoots?: [PEM…] } when it also names the time-stamping authorities' roots.
 */
export function readTrustFile(path: string): TrustFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new JejakError('UNREADABLE', `The roster ${path} cannot be read as JSON (${(e as Error).message}).`);
  }
  return parseTrustFile(parsed);
}

export function readRosterFile(path: string): RosterEntry[] {
  return readTrustFile(path).entries;
}

export function parseTrustFile(parsed: unknown): TrustFile {
  const result = rosterFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new JejakError('INVALID_INPUT', `Not a trust roster: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}. Expected a list of { fingerprint, name, unit, role }.`);
  }
  return result.data;
}

export function parseRoster(parsed: unknown): RosterEntry[] {
  return parseTrustFile(parsed).entries;
}

/** Adds or updates entries by fingerprint and role; returns how many were new. */
export function importRoster(session: VaultSession, entries: RosterEntry[]): number {
  let added = 0;
  const now = new Date().toISOString();
  session.db.tx(() => {
    for (const e of entries) {
      const known = session.db.get(sql`SELECT 1 FROM trust_roster WHERE fingerprint = ${e.fingerprint} AND role = ${e.role}`);
      session.db.run(sql`INSERT INTO trust_roster (fingerprint, name, unit, role, age_recipient, added_at)
        VALUES (${e.fingerprint}, ${e.name}, ${e.unit}, ${e.role}, ${e.ageRecipient ?? null}, ${now})
        ON CONFLICT(fingerprint, role) DO UPDATE SET name = excluded.name, unit = excluded.unit, age_recipient = coalesce(excluded.age_recipient, age_recipient)`);
      if (!known) added++;
    }
    session.audit({ action: 'trust.imported', details: { entries: entries.length, added, fingerprints: entries.map((e) => e.fingerprint) } });
  });
  return added;
}

/** The roster a verification uses: the machine policy's (IT's) plus what this vault imported. */
export function effectiveRoster(session: VaultSession | null, policy: Policy): Array<RosterEntry & { source: 'policy' | 'vault' }> {
  const fromPolicy = (policy.trustRoster ?? []).map((e) => ({ ...e, source: 'policy' as const }));
  const fromVault = session
    ? session.db
        .all<RosterEntry & { age_recipient: string | null }>(sql`SELECT fingerprint, name, unit, role, age_recipient FROM trust_roster ORDER BY name`)
        .map(({ age_recipient, ...e }) => ({ ...e, ...(age_recipient ? { ageRecipient: age_recipient } : {}), source: 'vault' as const }))
    : [];
  return [...fromPolicy, ...fromVault.filter((v) => !fromPolicy.some((p) => p.fingerprint === v.fingerprint && p.role === v.role))];
}
