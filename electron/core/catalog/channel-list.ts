import type { Db } from '../db/database';
import { type SqlQuery, join, raw, sql } from '../db/sql';
import { ftsQuery } from '../search/fts-query';
import { type ChannelRow, type ChannelSummary, toSummary } from './channel-types';
import { SELECT_CHANNEL } from './channels';
import { type ExclusionView, countShown, exclusionTerm } from './exclusion';

export interface ChannelFilter {
  platform?: string;
  status?: string;
  category?: string;
  tag?: string;
  /** free text, matched through the search index */
  text?: string;
  /** ISO dates bounding created_at */
  from?: string;
  to?: string;
  /** excluded channels are hidden unless asked for */
  excluded?: ExclusionView;
}

export type ChannelSort = 'created' | 'title' | 'status' | 'platform' | 'lastSeen' | 'category';

// Each sort ends with the columns of the index that serves it (0010-page-indexes: the excluded flag,
// a filtered column, then these), so SQLite walks the index instead of sorting 100,000 rows.
const SORT_COLUMNS: Record<ChannelSort, string[]> = {
  created: ['c.created_at'],
  title: ['c.title COLLATE NOCASE'],
  status: ['c.status', 'c.created_at'],
  platform: ['c.platform', 'c.created_at'],
  lastSeen: ['c.last_seen'],
  category: ['c.category', 'c.created_at'],
};

export function channelWhere(filter: ChannelFilter): SqlQuery {
  const parts: SqlQuery[] = [sql`1`];
  if (filter.platform) parts.push(sql`c.platform = ${filter.platform}`);
  if (filter.status) parts.push(sql`c.status = ${filter.status}`);
  if (filter.category) parts.push(sql`c.category = ${filter.category}`);
  if (filter.tag)
    parts.push(
      sql`c.id IN (SELECT ct.channel_id FROM channel_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ${filter.tag})`,
    );
  if (filter.from) parts.push(sql`c.created_at >= ${filter.from}`);
  if (filter.to) parts.push(sql`c.created_at < ${filter.to}`);
  const match = filter.text ? ftsQuery(filter.text) : null;
  if (match)
    parts.push(sql`c.id IN (SELECT rowid / 4 FROM search_index WHERE search_index MATCH ${match} AND rowid % 4 = 0)`);
  return join(parts, ' AND ');
}

export function listChannels(
  db: Db,
  opts: { filter: ChannelFilter; sort: ChannelSort; descending: boolean; offset: number; limit: number },
): { total: number; rows: ChannelSummary[] } {
  const where = channelWhere(opts.filter);
  const total = countShown(db, 'channel', 'c', sql`FROM channels c`, where, opts.filter.excluded);
  const direction = opts.descending ? 'DESC' : 'ASC';
  const order = raw([...SORT_COLUMNS[opts.sort], 'c.id'].map((column) => `${column} ${direction}`).join(', '));
  const shown = exclusionTerm('channel', 'c', opts.filter.excluded);
  // The page's ids first, from the index alone: the rows the offset skips are index steps, never
  // row reads; only the page's own rows are read, with their exclusion and evidence count.
  const rows = db.all<ChannelRow>(
    sql`${SELECT_CHANNEL} WHERE c.id IN (SELECT c.id FROM channels c WHERE ${where} AND ${shown} ORDER BY ${order} LIMIT ${opts.limit} OFFSET ${opts.offset}) ORDER BY ${order}`,
  );
  return { total, rows: rows.map(toSummary) };
}
