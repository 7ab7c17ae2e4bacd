/**
 * Turns what a person types into a safe FTS5 query: every word becomes a quoted prefix term, so
 * FTS syntax characters (quotes, NEAR, *, -) in the input are searched for, never interpreted.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[\s"]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}_@.:/-]/gu, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}
