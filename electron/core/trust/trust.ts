import { readFileSync } from 'node:fs';
import { sql } from '../db/sql';
import type { Policy, RosterEntry } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { type TrustFile, trustFromText } from '../packages/roster';

export { parseRoster, parseTrustFile, type TrustFile } from '../packages/roster';

/** Reads a roster file: its entries, and the TSA roots it names, if any (roster.ts has the shapes). */
export function readTrustFile(path: string): TrustFile {
  return trustFromText(() => readFileSync(path, 'utf8'), path);
}

/** Adds or updates entries by fingerprint and role; returns how many were new. */
export function importRoster(session: VaultSession, entries: RosterEntry[]): number {
  let added = 0;
  const now = new Date().toISOString();
  session.db.tx(() => {
    for (const e of entries) {
      const known = session.db.get(
        sql`SELECT 1 FROM trust_roster WHERE fingerprint = ${e.fingerprint} AND role = ${e.role}`,
      );
      session.db.run(sql`INSERT INTO trust_roster (fingerprint, name, unit, role, age_recipient, added_at)
        VALUES (${e.fingerprint}, ${e.name}, ${e.unit}, ${e.role}, ${e.ageRecipient ?? null}, ${now})
        ON CONFLICT(fingerprint, role) DO UPDATE SET name = excluded.name, unit = excluded.unit, age_recipient = coalesce(excluded.age_recipient, age_recipient)`);
      if (!known) added++;
    }
    session.audit({
      action: 'trust.imported',
      details: { entries: entries.length, added, fingerprints: entries.map((e) => e.fingerprint) },
    });
  });
  return added;
}

/** The roster a verification uses: the machine policy's (IT's) plus what this vault imported. */
export function effectiveRoster(
  session: VaultSession | null,
  policy: Policy,
): Array<RosterEntry & { source: 'policy' | 'vault' }> {
  const fromPolicy = (policy.trustRoster ?? []).map((e) => ({ ...e, source: 'policy' as const }));
  const fromVault = session
    ? session.db
        .all<RosterEntry & { age_recipient: string | null }>(
          sql`SELECT fingerprint, name, unit, role, age_recipient FROM trust_roster ORDER BY name`,
        )
        .map(({ age_recipient, ...e }) => ({
          ...e,
          ...(age_recipient ? { ageRecipient: age_recipient } : {}),
          source: 'vault' as const,
        }))
    : [];
  return [
    ...fromPolicy,
    ...fromVault.filter((v) => !fromPolicy.some((p) => p.fingerprint === v.fingerprint && p.role === v.role)),
  ];
}
