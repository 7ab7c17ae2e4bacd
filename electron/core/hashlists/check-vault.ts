import type { Db } from '../db/database';
import { DIHEDRAL_TRANSFORMS } from '../evidence/media/pdq/dihedral';
import { parsePdqHex, type Hash256 } from '../evidence/media/pdq/hash256';
import { PDQ_MIN_QUALITY } from '../evidence/media/pdq/hasher';
import { PdqIndex } from '../evidence/media/pdq/mih-index';
import { unpackDihedral } from '../evidence/pdq-dihedral-column';
import type { HashEntry, HashKind } from './parse-hash-list';

interface VaultRow {
  id: number;
  sha256: string;
  md5: string | null;
  pdq: string | null;
  pdq_quality: number | null;
  pdq_dihedral: Uint8Array | null;
}

/** The vault's own hashes in memory: exact ones by value, and each matchable picture's PDQ copies. */
interface VaultHashes {
  exact: Record<'sha256' | 'md5', Map<string, number[]>>;
  /** the PDQ hashes to match: each picture's eight copies (its own alone when the copies are not kept yet) */
  copies: Hash256[];
  /** the item of each copy, by position in `copies` */
  itemOfCopy: number[];
}

function vaultHashes(db: Db, withPdq: boolean): VaultHashes {
  const hashes: VaultHashes = { exact: { sha256: new Map(), md5: new Map() }, copies: [], itemOfCopy: [] };
  const add = (map: Map<string, number[]>, value: string, id: number) => {
    const ids = map.get(value);
    if (ids) ids.push(id);
    else map.set(value, [id]);
  };
  const columns = withPdq ? 'id, sha256, md5, pdq, pdq_quality, pdq_dihedral' : 'id, sha256, md5';
  for (const row of db.raw.prepare(`SELECT ${columns} FROM evidence`).iterate() as IterableIterator<VaultRow>) {
    add(hashes.exact.sha256, row.sha256, row.id);
    if (row.md5) add(hashes.exact.md5, row.md5, row.id);
    if (!withPdq || !row.pdq || (row.pdq_quality ?? 0) < PDQ_MIN_QUALITY) continue;
    // as intake's check (hash-list-matching.ts): the rotated and mirrored copies the row keeps, else its own hash
    const dihedral = unpackDihedral(row.pdq, row.pdq_dihedral);
    for (const hex of dihedral ? DIHEDRAL_TRANSFORMS.map((t) => dihedral[t]) : [row.pdq]) {
      hashes.copies.push(parsePdqHex(hex));
      hashes.itemOfCopy.push(row.id);
    }
  }
  return hashes;
}

/**
 * Every item with a copy within `distance` of a listed PDQ hash, with the nearest distance per
 * hash and item (an item matches through whichever copy comes closest). The smaller side goes
 * into a multi-index and each hash of the other is looked up in it once: a list of 100,000
 * entries against a vault of a few thousand pictures, or a short list against a large vault.
 */
function pdqMatches(values: string[], vault: VaultHashes, distance: number): Map<string, Map<number, number>> {
  const best = new Map<string, Map<number, number>>(); // listed hash → item id → distance
  const found = (value: string, item: number, d: number) => {
    let items = best.get(value);
    if (!items) best.set(value, (items = new Map()));
    const known = items.get(item);
    if (known === undefined || d < known) items.set(item, d);
  };
  const index = new PdqIndex<number>();
  if (values.length <= vault.copies.length) {
    values.forEach((value, i) => index.add(i, value));
    vault.copies.forEach((copy, c) => {
      for (const m of index.within(copy, distance)) found(values[m.id]!, vault.itemOfCopy[c]!, m.distance);
    });
  } else {
    vault.copies.forEach((copy, c) => index.add(c, copy));
    for (const value of values)
      for (const m of index.within(value, distance)) found(value, vault.itemOfCopy[m.id]!, m.distance);
  }
  return best;
}

/**
 * Checks every item already in the vault against a list just stored (inside the import's
 * transaction), records the matches and returns the items it flags, in id order. Each hash of
 * the list is looked up once against the vault's own hashes held in memory: SHA-256 and MD5 by
 * value, PDQ within `pdqDistance` of the copies intake keeps. The matches are the ones intake's
 * per-item check (flagHashListMatches) records, without a query per item; a match is recorded
 * for every entry of the list with that hash.
 */
export function flagVaultAgainstList(
  db: Db,
  listId: number,
  entries: readonly HashEntry[],
  pdqDistance: number,
  flaggedAt: string,
): number[] {
  const vault = vaultHashes(
    db,
    entries.some((e) => e.kind === 'pdq'),
  );
  // through the value index (`+list_id`: without statistics SQLite reads all the list's entries instead)
  const record = db.raw
    .prepare(`INSERT INTO hash_list_matches (evidence_id, list_id, entry_id, kind, distance, flagged_at)
    SELECT ?, list_id, id, kind, ?, ? FROM hash_list_entries WHERE kind = ? AND value = ? AND +list_id = ?
    ON CONFLICT DO NOTHING`);
  const matched = new Set<number>();
  const flag = (item: number, kind: HashKind, value: string, distance: number) => {
    record.run(item, distance, flaggedAt, kind, value, listId);
    matched.add(item);
  };
  const pdqValues = new Set<string>();
  for (const { kind, value } of entries)
    if (kind === 'pdq') pdqValues.add(value);
    else for (const item of vault.exact[kind].get(value) ?? []) flag(item, kind, value, 0);
  if (pdqValues.size > 0 && vault.copies.length > 0)
    for (const [value, items] of pdqMatches([...pdqValues], vault, pdqDistance))
      for (const [item, distance] of items) flag(item, 'pdq', value, distance);
  return [...matched].sort((a, b) => a - b);
}
