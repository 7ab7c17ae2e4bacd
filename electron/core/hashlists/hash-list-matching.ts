import { sql } from '../db/sql';
import { PDQ_MIN_QUALITY } from '../evidence/media/pdq/hasher';
import { PdqIndex } from '../evidence/media/pdq/mih-index';
import { unpackDihedral } from '../evidence/pdq-dihedral-column';
import type { VaultSession } from '../vault/session';
import type { HashKind } from './parse-hash-list';

export interface HashListMatch {
  listId: number;
  listName: string;
  kind: HashKind;
  /** PDQ bits apart; 0 for an exact SHA-256 or MD5 match */
  distance: number;
  label: string;
  flaggedAt: string;
}

interface ItemHashes {
  sha256: string;
  md5: string | null;
  pdq: string | null;
  pdq_quality: number | null;
  pdq_dihedral: Uint8Array | null;
}

/** The PDQ entries of every list, by entry id; loaded on first use per session. */
const entryIndexes = new WeakMap<VaultSession, PdqIndex<number>>();

export function listPdqIndexOf(session: VaultSession): PdqIndex<number> {
  let index = entryIndexes.get(session);
  if (!index) {
    index = new PdqIndex<number>();
    for (const row of session.db.raw
      .prepare(`SELECT id, value FROM hash_list_entries WHERE kind = 'pdq'`)
      .iterate() as IterableIterator<{ id: number; value: string }>)
      index.add(row.id, row.value);
    entryIndexes.set(session, index);
  }
  return index;
}

/** Adds a newly imported list's PDQ entries to a loaded entry index (one not loaded yet reads them when it is). */
export function addListToIndex(session: VaultSession, listId: number): void {
  const index = entryIndexes.get(session);
  if (!index) return;
  for (const row of session.db.raw
    .prepare(`SELECT id, value FROM hash_list_entries WHERE list_id = ? AND kind = 'pdq'`)
    .iterate(listId) as IterableIterator<{ id: number; value: string }>)
    index.add(row.id, row.value);
}

/** Drops the loaded entry index, so the next match reads the lists again (after an import). */
export function forgetListIndex(session: VaultSession): void {
  entryIndexes.delete(session);
}

/**
 * Whether some imported list names items by MD5: only then does batch intake work out an original's
 * MD5 before its row (a flag at once); otherwise the background queue adds it after the original is
 * safe (one pass less on the intake's critical path), and flags the item then if a list came meanwhile.
 */
export function hashListsNameMd5(session: VaultSession): boolean {
  return session.db.get(sql`SELECT 1 FROM hash_list_entries WHERE kind = 'md5' LIMIT 1`) !== undefined;
}

/**
 * Checks one item against every hash list and records what matches: its SHA-256 and MD5 exactly,
 * its PDQ within `pdqDistance` bits when the picture has the quality for it, through the eight
 * hashes of its rotated and mirrored copies the row keeps (intake, and the background queue for
 * older items, store them): a list imported later matches the same copies intake would have.
 * Returns every match the item has.
 */
export function flagHashListMatches(session: VaultSession, evidenceId: number, pdqDistance: number): HashListMatch[] {
  const db = session.db;
  const item = db.get<ItemHashes>(
    sql`SELECT sha256, md5, pdq, pdq_quality, pdq_dihedral FROM evidence WHERE id = ${evidenceId}`,
  );
  if (!item || !db.get(sql`SELECT 1 FROM hash_lists LIMIT 1`)) return [];
  const now = new Date().toISOString();
  const record = (entryId: number, distance: number) =>
    db.run(sql`INSERT INTO hash_list_matches (evidence_id, list_id, entry_id, kind, distance, flagged_at)
      SELECT ${evidenceId}, list_id, id, kind, ${distance}, ${now} FROM hash_list_entries WHERE id = ${entryId}
      ON CONFLICT DO NOTHING`);
  const exact = db.all<{ id: number }>(
    sql`SELECT id FROM hash_list_entries WHERE (kind = 'sha256' AND value = ${item.sha256}) OR (kind = 'md5' AND value = ${item.md5 ?? ''})`,
  );
  for (const e of exact) record(e.id, 0);
  if (item.pdq && (item.pdq_quality ?? 0) >= PDQ_MIN_QUALITY) {
    const index = listPdqIndexOf(session);
    if (index.size > 0) {
      const dihedral = unpackDihedral(item.pdq, item.pdq_dihedral);
      // an older item whose copies' hashes the queue has not made yet: its own hash meanwhile
      const found = dihedral ? index.withinDihedral(dihedral, pdqDistance) : index.within(item.pdq, pdqDistance);
      for (const m of found) record(m.id, m.distance);
    }
  }
  return hashListMatchesOf(session, evidenceId);
}

export function hashListMatchesOf(session: VaultSession, evidenceId: number): HashListMatch[] {
  return session.db
    .all<{
      list_id: number;
      name: string;
      kind: HashKind;
      distance: number;
      label: string;
      flagged_at: string;
    }>(
      sql`SELECT m.list_id, l.name, m.kind, min(m.distance) AS distance, e.label, m.flagged_at
        FROM hash_list_matches m JOIN hash_lists l ON l.id = m.list_id JOIN hash_list_entries e ON e.id = m.entry_id
        WHERE m.evidence_id = ${evidenceId} GROUP BY m.list_id, m.kind ORDER BY l.name, m.kind`,
    )
    .map((r) => ({
      listId: r.list_id,
      listName: r.name,
      kind: r.kind,
      distance: r.distance,
      label: r.label,
      flaggedAt: r.flagged_at,
    }));
}
