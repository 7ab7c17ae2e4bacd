import type { Db } from '../db/database';
import { type SqlQuery, join, sql } from '../db/sql';
import { ftsQuery } from '../search/fts-query';
import { type ChannelPlace, type ChannelSort, channelOrder, channelPageIds } from './channel-page';
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

export type { ChannelCursor, ChannelPlace, ChannelSort } from './channel-page';

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

/**
 * The total of the shown channels, or of those with one platform, status or category, as the
 * dashboard's kept counts hold it (0014-catalog-counts): no index is counted, not even on a list's
 * first page after unlocking. Null for any other filter.
 */
function keptTotal(db: Db, filter: ChannelFilter): number | null {
  const { platform, status, category, excluded, ...others } = filter;
  const facets = Object.entries({ platform, status, category }).filter(([, value]) => value);
  if ((excluded ?? 'hide') !== 'hide' || facets.length > 1 || Object.values(others).some((v) => v)) return null;
  const [key, value] = facets[0] ?? ['all', ''];
  return (
    db.get<{ n: number }>(
      sql`SELECT n FROM catalog_counts WHERE kind = 'channel' AND key = ${key} AND value = ${value}`,
    )?.n ?? 0
  );
}

/** The columns a filter holds equal: a cursor in a sort by one of them has nothing to compare there. */
const fixedColumns = (filter: ChannelFilter) =>
  new Set((['platform', 'status', 'category'] as const).filter((k) => filter[k]).map((k) => `c.${k}`));

/**
 * A page of the channel list in a sort order. The page's ids come first, from the index alone: the
 * rows an offset skips are index steps, never row reads, and a cursor (the edge row of a page the
 * window holds) starts the walk at that row; only the page's own rows are read, with their
 * exclusion and evidence count.
 */
export function listChannels(
  db: Db,
  opts: { filter: ChannelFilter; sort: ChannelSort; descending: boolean } & ChannelPlace,
): { total: number; rows: ChannelSummary[] } {
  const where = channelWhere(opts.filter);
  const total =
    keptTotal(db, opts.filter) ?? countShown(db, 'channel', 'c', sql`FROM channels c`, where, opts.filter.excluded);
  const shown = exclusionTerm('channel', 'c', opts.filter.excluded);
  const from = sql`FROM channels c WHERE ${where} AND ${shown}`;
  const ids = channelPageIds(from, opts.sort, opts.descending, fixedColumns(opts.filter), opts, total);
  const rows = db.all<ChannelRow>(
    sql`${SELECT_CHANNEL} WHERE c.id IN (${ids}) ORDER BY ${channelOrder(opts.sort, opts.descending)}`,
  );
  return { total, rows: rows.map(toSummary) };
}
