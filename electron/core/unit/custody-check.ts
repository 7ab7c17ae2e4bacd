/**
 * Whether a package's audit chain extends the chain an earlier package from the same vault
 * recorded. A package carries only its custody excerpt: the audit entries about its own case,
 * channels and evidence (each with seq, hash and the hash before it) and the vault's chain head
 * (seq, hash) at export. It does not carry the entries between two exports, so "extends" can be
 * proven only where the two excerpts touch; elsewhere the unit can say only that nothing
 * contradicts it. Decided from what is there:
 *
 * - truncated: the later export records a lower head seq than the earlier one (the chain went back);
 * - forked: both name an entry of the same seq with different hashes, or the entry right after the
 *   earlier head does not link to it (history rewritten);
 * - linked: the later excerpt holds the earlier head itself or the entry that links to it;
 * - sequence: the later head is further on and nothing contradicts it, but nothing proves it either.
 */

export interface ChainPoint {
  seq: number;
  hash: string;
  prevHash?: string;
}

export interface CustodyFacts {
  /** who to name: the package's file name */
  label: string;
  head: ChainPoint;
  entries: ChainPoint[];
}

export type CustodyStatus = 'first' | 'linked' | 'sequence' | 'truncated' | 'forked' | 'no-head';

export interface CustodyVerdict {
  status: CustodyStatus;
  detail: string;
}

/** The later package (by export time) against the earlier one from the same vault. */
export function extendsChain(earlier: CustodyFacts, later: CustodyFacts): CustodyVerdict {
  const o = earlier.head;
  const n = later.head;
  if (n.seq < o.seq)
    return {
      status: 'truncated',
      detail: `${later.label} records the vault's audit head at entry ${n.seq}, but ${earlier.label}, exported earlier from the same vault, recorded entry ${o.seq}: the chain was cut back between them (truncated history).`,
    };
  const known = new Map<number, string>();
  for (const e of [...earlier.entries, o]) known.set(e.seq, e.hash);
  for (const e of [...later.entries, n]) {
    const before = known.get(e.seq);
    if (before !== undefined && before !== e.hash)
      return {
        status: 'forked',
        detail: `${later.label} and ${earlier.label} name different entries ${e.seq} of the same vault's audit chain: its history was rewritten (forked).`,
      };
    const previous = known.get(e.seq - 1);
    if (e.prevHash !== undefined && previous !== undefined && e.prevHash !== previous)
      return {
        status: 'forked',
        detail: `Entry ${e.seq} in ${later.label} does not link to entry ${e.seq - 1} as ${earlier.label} recorded it: the vault's audit history was rewritten (forked).`,
      };
  }
  const linked =
    n.seq === o.seq ||
    later.entries.some((e) => (e.seq === o.seq && e.hash === o.hash) || (e.seq === o.seq + 1 && e.prevHash === o.hash));
  return linked
    ? { status: 'linked', detail: `Extends ${earlier.label}: its head (entry ${o.seq}) is in this package's chain.` }
    : {
        status: 'sequence',
        detail: `Head ${n.seq} is after ${earlier.label}'s head ${o.seq} and nothing contradicts it; the excerpts share no entry that would prove the link.`,
      };
}
