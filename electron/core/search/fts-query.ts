/**
 * Turns what a person types into a safe FTS5 query: every word becomes a quoted prefix term, so
 * FTS syntax characters (quotes, NEAR, *, -) in the input are searched for, never interpreted.
 * Filters on platform, status and category are facet terms ANDed to it (see 0002-catalog).
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[\s"]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}_@.:/-]/gu, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  // Only the text columns: the facets column holds filter tokens, never what a person typed.
  return `{title body} : (${words.map((w) => `"${w}"*`).join(' ')})`;
}

/** The facet token of a platform, status or category value, as the search index's triggers write it. */
export function facetToken(kind: 'platform' | 'status' | 'category', value: string): string {
  const prefix = { platform: 'xp', status: 'xs', category: 'xc' }[kind];
  return `facets : "${prefix}${Buffer.from(value, 'utf8').toString('hex')}"`;
}
