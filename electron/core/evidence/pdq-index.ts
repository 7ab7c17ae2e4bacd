import { sql } from '../db/sql';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';
import { PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY, PdqIndex, type PdqDihedralResult } from './media/pdq';

/** The PDQ distance within which two pictures are near duplicates: the policy's, else Meta's 31. */
export function nearDuplicateDistance(policy: Pick<Policy, 'nearDuplicateDistance'>): number {
  return policy.nearDuplicateDistance ?? PDQ_MATCH_DISTANCE;
}

/**
 * The PDQ hashes of the vault's pictures, in a multi-index (media/pdq/mih-index.ts) loaded on
 * first use per session and kept in step by `add` and `forgetPdq`. Hashes below Meta's quality
 * bar (a flat or nearly blank picture) are stored on the item but never matched.
 */
const indexes = new WeakMap<VaultSession, PdqIndex<number>>();

export function pdqIndexOf(session: VaultSession): PdqIndex<number> {
  let index = indexes.get(session);
  if (!index) {
    index = new PdqIndex<number>();
    for (const row of session.db.raw
      .prepare('SELECT id, pdq FROM evidence WHERE pdq IS NOT NULL AND pdq_quality >= ?')
      .iterate(PDQ_MIN_QUALITY) as IterableIterator<{ id: number; pdq: string }>)
      index.add(row.id, row.pdq);
    indexes.set(session, index);
  }
  return index;
}

/** Records an item's PDQ in the index (the row holds it already). */
export function indexPdq(session: VaultSession, id: number, pdq: { hash: string; quality: number }): void {
  if (pdq.quality >= PDQ_MIN_QUALITY) pdqIndexOf(session).add(id, pdq.hash);
}

/** The closest other picture within the distance, any rotation or mirror of it included, or null. */
export function nearestByPdq(session: VaultSession, pdq: PdqDihedralResult, distance: number): number | null {
  if (pdq.quality < PDQ_MIN_QUALITY) return null;
  return pdqIndexOf(session).withinDihedral(pdq.dihedral, distance)[0]?.id ?? null;
}

/** Keeps a loaded index in step after an item is purged (one not loaded yet reads the table when it is). */
export function forgetPdq(session: VaultSession, id: number): void {
  indexes.get(session)?.remove(id);
}

export function evidenceIdBySha256(session: VaultSession, sha256: string): number | undefined {
  return session.db.get<{ id: number }>(sql`SELECT id FROM evidence WHERE sha256 = ${sha256}`)?.id;
}
