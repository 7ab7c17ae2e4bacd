import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { type ChainPoint, type CustodyFacts, type CustodyVerdict, extendsChain } from './custody-check';

export type VaultCustodyVerdict = CustodyVerdict & { otherId: number | null; otherFile: string | null };

interface Neighbour {
  id: number;
  file_name: string;
  head_seq: number;
  head_hash: string;
}

function factsOf(db: Db, n: Neighbour): CustodyFacts {
  return {
    label: n.file_name,
    head: { seq: n.head_seq, hash: n.head_hash },
    entries: db.all<ChainPoint>(
      sql`SELECT seq, hash, prev_hash AS prevHash FROM unit_custody_entries WHERE package_id = ${n.id} ORDER BY seq`,
    ),
  };
}

const FLAGGED = new Set(['truncated', 'forked']);

/**
 * The new package against the packages from the same vault exported just before and just after it
 * (packages may arrive out of order): the last head the unit saw from that vault before this one
 * must be extended by it, and this one by the next. A flag names both packages.
 */
export function judgeCustody(
  db: Db,
  vaultId: string | null,
  exportedAt: string,
  facts: { label: string; head?: ChainPoint; entries: ChainPoint[] },
): VaultCustodyVerdict {
  const none = { otherId: null, otherFile: null };
  if (!facts.head || vaultId === null)
    return {
      status: 'no-head',
      detail: `${facts.label} records no vault id and audit head (made by an older Jejak): its custody cannot be compared.`,
      ...none,
    };
  const self: CustodyFacts = { label: facts.label, head: facts.head, entries: facts.entries };
  const neighbour = (where: ReturnType<typeof sql>) =>
    db.get<Neighbour>(
      sql`SELECT id, file_name, head_seq, head_hash FROM unit_packages WHERE vault_id = ${vaultId} AND head_seq IS NOT NULL AND ${where}`,
    );
  const earlier = neighbour(sql`exported_at <= ${exportedAt} ORDER BY exported_at DESC, id DESC LIMIT 1`);
  const later = neighbour(sql`exported_at > ${exportedAt} ORDER BY exported_at, id LIMIT 1`);
  const verdicts: VaultCustodyVerdict[] = [];
  if (earlier)
    verdicts.push({ ...extendsChain(factsOf(db, earlier), self), otherId: earlier.id, otherFile: earlier.file_name });
  if (later)
    verdicts.push({ ...extendsChain(self, factsOf(db, later)), otherId: later.id, otherFile: later.file_name });
  return (
    verdicts.find((v) => FLAGGED.has(v.status)) ??
    verdicts[0] ?? {
      status: 'first',
      detail: `The first package from vault ${vaultId}: its head (entry ${facts.head.seq}) is the one later packages must extend.`,
      ...none,
    }
  );
}
