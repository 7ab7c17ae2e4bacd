import type { Db } from './database';
import type { SqlQuery } from './sql';

/**
 * A list asks for its total with every page it fetches (the window scrolls through one filter's
 * pages), and at 1,000,000 rows each count walks an index of that size. The answer is kept while
 * the database stays as it was: this connection's total_changes() moves with every row it writes
 * (triggers included) and data_version with every commit of another connection (the CLI beside
 * the app). Inside a transaction nothing is kept: a rollback undoes rows but not the change count.
 */
interface Kept {
  stamp: string;
  counts: Map<string, number>;
}

const kept = new WeakMap<Db, Kept>();

function stampOf(db: Db): string {
  const { changes, version } = db.raw
    .prepare('SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version')
    .get() as { changes: number; version: number };
  return `${changes}:${version}`;
}

/** `count` once per state of the database for the same key (the count's query and parameters). */
export function keptCount(db: Db, key: SqlQuery, count: () => number): number {
  if (db.raw.inTransaction) return count();
  const stamp = stampOf(db);
  let entry = kept.get(db);
  if (entry?.stamp !== stamp) kept.set(db, (entry = { stamp, counts: new Map() }));
  const id = JSON.stringify([key.text, key.params]);
  const known = entry.counts.get(id);
  if (known !== undefined) return known;
  const n = count();
  if (entry.counts.size >= 500) entry.counts.clear();
  entry.counts.set(id, n);
  return n;
}
