import type { ExclusionView } from '../catalog/exclusion';
import { type SqlQuery, join, raw, sql } from '../db/sql';
import { ftsQuery } from '../search/fts-query';

export interface EvidenceFilter {
  channelId?: number;
  text?: string;
  tag?: string;
  mediaType?: string;
  platform?: string;
  from?: string;
  to?: string;
  ids?: number[];
  /** excluded items are hidden unless asked for */
  excluded?: ExclusionView;
  /** only items an imported hash list flags */
  onHashList?: boolean;
}

/** A row of the gallery's order (newest first: intake time, then id), where a page starts or ends. */
export interface EvidenceCursor {
  intakeAt: string;
  id: number;
}

/**
 * Where a page lies in the gallery's order. `after`: the page starts just after that row (the last
 * row of the page before), `before`: it ends just before that row (the first of the page after);
 * `offset` then counts rows from the cursor, else from the start of the list.
 */
export interface EvidencePlace {
  offset: number;
  limit: number;
  after?: EvidenceCursor;
  before?: EvidenceCursor;
}

export function evidenceWhere(f: EvidenceFilter): SqlQuery {
  const parts: SqlQuery[] = [sql`1`];
  if (f.channelId !== undefined) parts.push(sql`e.channel_id = ${f.channelId}`);
  if (f.mediaType) parts.push(sql`e.media_type = ${f.mediaType}`);
  if (f.platform) parts.push(sql`c.platform = ${f.platform}`);
  if (f.from) parts.push(sql`e.intake_at >= ${f.from}`);
  if (f.to) parts.push(sql`e.intake_at < ${f.to}`);
  if (f.onHashList) parts.push(sql`e.id IN (SELECT evidence_id FROM hash_list_matches)`);
  if (f.ids) parts.push(sql`e.id IN (SELECT value FROM json_each(${JSON.stringify(f.ids)}))`);
  if (f.tag)
    parts.push(
      sql`e.id IN (SELECT et.evidence_id FROM evidence_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = ${f.tag})`,
    );
  const match = f.text ? ftsQuery(f.text) : null;
  if (match)
    parts.push(sql`e.id IN (SELECT rowid / 4 FROM search_index WHERE search_index MATCH ${match} AND rowid % 4 = 1)`);
  return join(parts, ' AND ');
}

/**
 * The ORDER BY, extra WHERE term and LIMIT/OFFSET that pick a page's ids out of `total` matching
 * rows. Every index a page walks ends with (intake_at, id), so a cursor is a range start and the
 * page costs its own rows whatever its depth. Without one (a jump, as a scrollbar drag makes), the
 * rows skipped are index steps; a page past the middle is walked from the far end, so a jump never
 * steps over more than half the list.
 */
export function pagePlacement(place: EvidencePlace, total: number): { term: SqlQuery; tail: SqlQuery } {
  const newestFirst = raw('ORDER BY e.intake_at DESC, e.id DESC');
  const oldestFirst = raw('ORDER BY e.intake_at ASC, e.id ASC');
  if (place.after) {
    const { intakeAt, id } = place.after;
    return {
      term: sql`(e.intake_at, e.id) < (${intakeAt}, ${id})`,
      tail: sql`${newestFirst} LIMIT ${place.limit} OFFSET ${place.offset}`,
    };
  }
  if (place.before) {
    const { intakeAt, id } = place.before;
    return {
      term: sql`(e.intake_at, e.id) > (${intakeAt}, ${id})`,
      tail: sql`${oldestFirst} LIMIT ${place.limit} OFFSET ${place.offset}`,
    };
  }
  const fromEnd = total - place.offset - place.limit;
  if (fromEnd > place.offset || place.offset >= total)
    return { term: sql`1`, tail: sql`${newestFirst} LIMIT ${place.limit} OFFSET ${place.offset}` };
  return {
    term: sql`1`,
    tail: sql`${oldestFirst} LIMIT ${place.limit + Math.min(0, fromEnd)} OFFSET ${Math.max(0, fromEnd)}`,
  };
}
