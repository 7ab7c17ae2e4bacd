import type { Db } from '../db/database';
import { sql } from '../db/sql';

export const DEFAULT_REFERENCE_PATTERN = 'JJK/{yyyy}/{mm}/{seq4}';

/**
 * Expands a reference pattern: {yyyy} {yy} {mm} {dd} for the date, {seqN} for a counter padded to
 * N digits that restarts whenever the rest of the reference changes (so monthly with the default).
 * Numbers of revised cases (…-r2) and of deleted cases are taken too: a reference is never reused.
 */
export function nextReference(db: Db, pattern: string, now = new Date()): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const dated = pattern
    .replace(/\{yyyy\}/g, String(now.getUTCFullYear()))
    .replace(/\{yy\}/g, pad(now.getUTCFullYear() % 100, 2))
    .replace(/\{mm\}/g, pad(now.getUTCMonth() + 1, 2))
    .replace(/\{dd\}/g, pad(now.getUTCDate(), 2));
  const seq = /\{seq(\d)\}/.exec(dated);
  if (!seq) return dated;
  const width = Number(seq[1]);
  const [before, after] = [dated.slice(0, seq.index), dated.slice(seq.index + seq[0].length)];
  const prefix = `${before.replace(/[%_]/g, '\\$&')}%`;
  const taken = db.all<{ reference: string }>(sql`SELECT reference FROM cases WHERE reference LIKE ${prefix} ESCAPE '\\'
    UNION ALL SELECT reference FROM retired_references WHERE reference LIKE ${prefix} ESCAPE '\\'`);
  let max = 0;
  for (const { reference: full } of taken) {
    const reference = full.replace(/-r\d+$/, '');
    if (!reference.startsWith(before) || !reference.endsWith(after)) continue;
    const middle = reference.slice(before.length, reference.length - after.length);
    if (/^\d+$/.test(middle)) max = Math.max(max, Number(middle));
  }
  return `${before}${pad(max + 1, width)}${after}`;
}
