import { readFileSync } from 'node:fs';
import { sql } from '../db/sql';
import type { RosterEntry } from '../packages';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { rosterFromText } from './roster';

export { parseRoster } from './roster';

/** Reads a roster file: a JSON list of { fingerprint, name, unit, role } (or { entries: [...] }). */
export function readRosterFile(path: string): RosterEntry[] {
  return rosterFromText(() => readFileSync(path, 'utf8'), path);
}

/** Adds or updates entries by fingerprint and role; returns how many were new. */
export function importRoster(session: VaultSession, entries: RosterEntry[]): number {
  let added = 0;
  const now = new Date().toISOString();
  session.db.tx(() => {
    for (const e of entries) {
      const known = session.db.get(sql`SELECT 1 FROM trust_roster WHERE fingerprint = ${e.fingerprint} AND role = ${e.role}`);
      session.db.run(sql`INSERT INTO trust_roster (fingerprint, name, unit, role, added_at) VALUES (${e.fingerprint}, ${e.name}, ${e.unit}, ${e.role}, ${now})
        ON CONFLICT(fingerprint, role) DO UPDATE SET name = excluded.name, unit = excluded.unit`);
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
    ? session.db.all<RosterEntry>(sql`SELECT fingerprint, name, unit, role FROM trust_roster ORDER BY name`).map((e) => ({ ...e, source: 'vault' as const }))
    : [];
  return [...fromPolicy, ...fromVault.filter((v) => !fromPolicy.some((p) => p.fingerprint === v.fingerprint && p.role === v.role))];
}
