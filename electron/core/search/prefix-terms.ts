import type { Db } from '../db/database';
import { sql } from '../db/sql';

/**
 * The phrase a typed word becomes in the search's MATCH, found to give the same matches as the
 * prefix query `"word"*` (see 0015-search-terms): when the word, lower-cased, starts exactly one
 * term of the index, that term alone (`"term"`), which FTS5 reads lazily; when it starts none, the
 * word itself, which matches nothing as the prefix would. One phrase either way, so snippets mark
 * and pick the same words. A word that starts several terms, or one that is not plain ASCII letters
 * and digits (where the tokenizer's folding and splitting would have to be repeated here), stays a
 * prefix query.
 */
export function narrowPrefix(db: Db, word: string): string {
  const prefix = `"${word}"*`;
  if (!/^[A-Za-z0-9]+$/.test(word)) return prefix;
  const term = word.toLowerCase();
  // The first two terms longer than the word that start with it, each found by a range that starts
  // past the term before (never by equality, which would walk that term's occurrences).
  const end = `${term}\u{10FFFF}`;
  const next = (after: string) =>
    db.get<{ term: string }>(
      sql`SELECT term FROM search_terms WHERE term > ${`${after}\u0001`} AND term < ${end} LIMIT 1`,
    )?.term;
  const first = next(term);
  const longer = first === undefined ? [] : [first, next(first)].filter((t) => t !== undefined);
  if (longer.length > 1) return prefix;
  const isTerm = db.get(sql`SELECT 1 FROM search_index WHERE search_index MATCH ${`"${term}"`} LIMIT 1`) !== undefined;
  if (longer.length === 1) return isTerm ? prefix : `"${longer[0]}"`;
  return `"${term}"`;
}
