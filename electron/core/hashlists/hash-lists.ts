import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { JejakError } from '../errors';
import type { VaultSession } from '../vault/session';
import { flagVaultAgainstList } from './check-vault';
import { addListToIndex, forgetListIndex } from './hash-list-matching';
import { parseHashList, type HashEntry } from './parse-hash-list';

export interface HashListSummary {
  id: number;
  name: string;
  source: string;
  date: string | null;
  entries: number;
  importedAt: string;
  importedBy: string;
  /** items of the vault that match an entry */
  matchedItems: number;
}

export interface HashListImport {
  list: HashListSummary;
  /** items already in the vault the new list flags */
  matchedEvidence: number[];
}

export interface HashListMeta {
  name: string;
  source?: string;
  date?: string;
}

/**
 * Takes a hash list in and checks every item already in the vault against it, in one
 * transaction (all of it or nothing). The list's name must be new: a list is replaced by
 * deleting it first, never silently merged.
 */
export function importHashList(
  session: VaultSession,
  text: string,
  meta: HashListMeta,
  pdqDistance: number,
): HashListImport {
  const parsed = parseHashList(text);
  const name = meta.name.trim();
  if (!name) throw new JejakError('INVALID_INPUT', 'A hash list needs a name (--name).');
  const date = meta.date ?? parsed.date ?? null;
  if (date !== null && Number.isNaN(Date.parse(date)))
    throw new JejakError('INVALID_INPUT', `"${date}" is not a date (use ISO 8601, e.g. 2026-11-28).`);
  const db = session.db;
  if (db.get(sql`SELECT 1 FROM hash_lists WHERE name = ${name}`))
    throw new JejakError('DUPLICATE', `A hash list named "${name}" is already imported.`);
  const now = new Date().toISOString();
  const { listId, matchedEvidence } = db.tx(() => {
    const id = Number(
      db.run(sql`INSERT INTO hash_lists (name, source, list_date, file_sha256, entries, imported_at, imported_by)
        VALUES (${name}, ${meta.source ?? parsed.source ?? ''}, ${date}, ${createHash('sha256').update(text).digest('hex')},
          ${parsed.entries.length}, ${now}, ${session.actor})`).lastInsertRowid,
    );
    storeEntries(db, id, parsed.entries);
    const matched = flagVaultAgainstList(db, id, parsed.entries, pdqDistance, now);
    session.audit({
      action: 'hashlist.imported',
      subject: { type: 'hashlist', id: String(id) },
      details: { name, entries: parsed.entries.length },
    });
    return { listId: id, matchedEvidence: matched };
  });
  addListToIndex(session, listId);
  return { list: hashLists(session).find((l) => l.id === listId)!, matchedEvidence };
}

/**
 * Removes a list, its entries and the flags it put on items (a list imported by mistake, or one to
 * be replaced by a newer export of it). The items themselves stay; the removal is audited.
 */
export function removeHashList(
  session: VaultSession,
  name: string,
): { name: string; entries: number; unflagged: number } {
  const db = session.db;
  const list = db.get<{ id: number; name: string; entries: number }>(
    sql`SELECT id, name, entries FROM hash_lists WHERE name = ${name.trim()}`,
  );
  if (!list) throw new JejakError('NOT_FOUND', `No hash list named "${name}" is imported.`);
  const unflagged = db.tx(() => {
    const { n } = db.get<{ n: number }>(
      sql`SELECT count(DISTINCT evidence_id) AS n FROM hash_list_matches WHERE list_id = ${list.id}`,
    )!;
    // entries and matches go with the list (ON DELETE CASCADE)
    db.run(sql`DELETE FROM hash_lists WHERE id = ${list.id}`);
    session.audit({
      action: 'hashlist.removed',
      subject: { type: 'hashlist', id: String(list.id) },
      details: { name: list.name, entries: list.entries, unflagged: n },
    });
    return n;
  });
  forgetListIndex(session);
  return { name: list.name, entries: list.entries, unflagged };
}

/**
 * Inserts a list's entries in one statement: SQLite reads them from one JSON array and sorts them
 * into index order first, so each row and index entry lands beside the last one instead of on a
 * random page (at 100,000 entries, half the time of one prepared insert per entry).
 */
function storeEntries(db: Db, listId: number, entries: readonly HashEntry[]): void {
  db.raw
    .prepare(
      `INSERT INTO hash_list_entries (list_id, kind, value, label)
      SELECT ?, e.value ->> 'kind' AS kind, e.value ->> 'value' AS value, e.value ->> 'label'
      FROM json_each(?) e ORDER BY kind, value`,
    )
    .run(listId, JSON.stringify(entries));
}

export function hashLists(session: VaultSession): HashListSummary[] {
  return session.db
    .all<{
      id: number;
      name: string;
      source: string;
      list_date: string | null;
      entries: number;
      imported_at: string;
      imported_by: string;
      matched: number;
    }>(
      sql`SELECT l.*, (SELECT count(DISTINCT m.evidence_id) FROM hash_list_matches m WHERE m.list_id = l.id) AS matched
        FROM hash_lists l ORDER BY l.name`,
    )
    .map((r) => ({
      id: r.id,
      name: r.name,
      source: r.source,
      date: r.list_date,
      entries: r.entries,
      importedAt: r.imported_at,
      importedBy: r.imported_by,
      matchedItems: r.matched,
    }));
}
