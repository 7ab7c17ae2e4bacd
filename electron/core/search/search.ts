import type { Db } from '../db/database';
import { type SqlQuery, join, sql } from '../db/sql';
import { facetToken, ftsQuery, outsideFacets, typedWords, withoutExcluded } from './fts-query';
import { narrowPrefix } from './prefix-terms';

export interface SearchFilter {
  platform?: string;
  status?: string;
  category?: string;
  tag?: string;
  from?: string;
  to?: string;
}

/** Snippets mark matches with two private-use characters no user text contains: U+E000 opens, U+E001 closes. */
export const MATCH_OPEN = '\uE000';
export const MATCH_CLOSE = '\uE001';

export interface SearchHit {
  kind: 'channel' | 'evidence' | 'case';
  id: number;
  title: string;
  snippet: string;
}

const KINDS = ['channel', 'evidence', 'case'] as const;
const FACETS = ['platform', 'status', 'category'] as const;

/**
 * The search's MATCH expression: each typed word as the phrase the index answers fastest
 * (prefix-terms.ts), the filter's facet tokens, excluded items left out. Words that cannot meet a
 * facet token (fts-query.ts outsideFacets) are ANDed with the facets at one level, with no column
 * filter: FTS5 then steps through the posting lists without cutting each position list down to the
 * text columns, the work that sets the time of two common words that never meet in one item. The
 * matches, their order and the snippets (of the body column) are the same either way.
 */
export function searchMatch(db: Db, text: string, filter: SearchFilter = {}): string | null {
  const facets = FACETS.filter((k) => filter[k]).map((k) => facetToken(k, filter[k]!));
  const words = typedWords(text);
  if (words.length === 0) return null;
  if (!words.every(outsideFacets))
    return withoutExcluded([ftsQuery(text, (word) => narrowPrefix(db, word))!, ...facets].join(' AND '));
  return withoutExcluded([...words.map((word) => narrowPrefix(db, word)), ...facets].join(' AND '));
}

/**
 * One search box over channels, evidence notes and cases (FTS5). Newest first: FTS5 walks its
 * matches in rowid order and stops at the limit, where ranking by relevance would have to score
 * every match (tens of thousands for a common word at 1M rows). Platform, status and category are
 * facet terms inside the index (evidence carries its channel's), so a filter that matches almost
 * nothing costs a posting-list intersection, not a lookup per match. Excluded items carry a facet
 * of their own and are left out the same way.
 */
export function search(db: Db, text: string, filter: SearchFilter = {}, limit = 50): SearchHit[] {
  const match = searchMatch(db, text, filter);
  if (!match) return [];
  const channelParts: SqlQuery[] = [];
  const evidenceParts: SqlQuery[] = [];
  if (filter.tag) {
    channelParts.push(
      sql`c.id IN (SELECT ct.channel_id FROM channel_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ${filter.tag})`,
    );
    evidenceParts.push(
      sql`e.id IN (SELECT et.evidence_id FROM evidence_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = ${filter.tag})`,
    );
  }
  if (filter.from) {
    channelParts.push(sql`c.created_at >= ${filter.from}`);
    evidenceParts.push(sql`e.intake_at >= ${filter.from}`);
  }
  if (filter.to) {
    channelParts.push(sql`c.created_at < ${filter.to}`);
    evidenceParts.push(sql`e.intake_at < ${filter.to}`);
  }
  // Tags and dates are checked per match (by primary key); cases carry no facets, so any filter leaves them out.
  const perRow =
    channelParts.length > 0
      ? sql` AND ((s.rowid % 4 = 0 AND EXISTS (SELECT 1 FROM channels c WHERE c.id = s.rowid / 4 AND ${join(channelParts, ' AND ')}))
          OR (s.rowid % 4 = 1 AND EXISTS (SELECT 1 FROM evidence e WHERE e.id = s.rowid / 4 AND ${join(evidenceParts, ' AND ')})))`
      : FACETS.some((k) => filter[k])
        ? sql` AND s.rowid % 4 != 2`
        : sql``;
  const rows = db.all<{ rowid: number; title: string; snippet: string }>(sql`
    SELECT s.rowid, s.title, snippet(search_index, 1, char(57344), char(57345), '…', 12) AS snippet
    FROM search_index s WHERE search_index MATCH ${match}${perRow}
    ORDER BY s.rowid DESC LIMIT ${limit}`);
  return rows.map((r) => ({
    kind: KINDS[r.rowid % 4]!,
    id: Math.floor(r.rowid / 4),
    title: r.title.trim(),
    snippet: r.snippet,
  }));
}
