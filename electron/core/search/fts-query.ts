/**
 * Turns what a person types into a safe FTS5 query: every word becomes a quoted prefix term, so
 * FTS syntax characters (quotes, NEAR, *, -) in the input are searched for, never interpreted.
 * Filters on platform, status and category are facet terms ANDed to it (see 0002-catalog).
 * `phrase` may turn a word into an equivalent phrase the index answers faster (prefix-terms.ts).
 */
export function ftsQuery(text: string, phrase = (word: string) => `"${word}"*`): string | null {
  const words = typedWords(text);
  if (words.length === 0) return null;
  // Only the text columns: the facets column holds filter tokens, never what a person typed.
  return `{title body} : (${words.map(phrase).join(' ')})`;
}

/** The words of what a person typed, as the search looks for them (at most 12). */
export function typedWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[\s"]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}_@.:/-]/gu, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

/**
 * True when no token of the word can be, or start, a facet token: every facet token starts with an
 * x, and a token the tokenizer folds to one starting with x comes from an x or from a letter beyond
 * ASCII. Such a word matches only in the text columns, so its query needs no column filter.
 */
export function outsideFacets(word: string): boolean {
  return !/[^ -~]/.test(word) && !/x/i.test(word);
}

/**
 * The facet token of a platform, status or category value, as the search index's triggers write it;
 * an excluded row carries the token of ('excluded', '1') (see 0004-workflow).
 */
export function facetToken(kind: 'platform' | 'status' | 'category' | 'excluded', value: string): string {
  const prefix = { platform: 'xp', status: 'xs', category: 'xc', excluded: 'xe' }[kind];
  return `facets : "${prefix}${Buffer.from(value, 'utf8').toString('hex')}"`;
}

/** Leaves excluded channels and evidence out of a search (they stay in the index, marked). */
export function withoutExcluded(match: string): string {
  return `(${match}) NOT ${facetToken('excluded', '1')}`;
}
