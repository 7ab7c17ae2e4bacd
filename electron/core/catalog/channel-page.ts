import { type SqlQuery, join, raw, sql } from '../db/sql';

type Raw = ReturnType<typeof raw>;
import type { ChannelSummary } from './channel-types';

export type ChannelSort = 'created' | 'title' | 'status' | 'platform' | 'lastSeen' | 'category';

/** A row of the channel list, where a page starts or ends: its id and the values every sort order reads. */
export type ChannelCursor = Pick<
  ChannelSummary,
  'id' | 'title' | 'status' | 'platform' | 'category' | 'lastSeen' | 'createdAt'
>;

/**
 * Where a page lies in the list's order. `after`: the page starts just after that row (the last row
 * of the page before); `before`: it ends just before that row (the first of the page after);
 * `offset` then counts rows from the cursor, else from the start of the list.
 */
export interface ChannelPlace {
  offset: number;
  limit: number;
  after?: ChannelCursor;
  before?: ChannelCursor;
}

type Key = keyof Omit<ChannelCursor, 'id'>;

// Each sort ends with the columns of the index that serves it (0010-page-indexes: the excluded flag,
// a filtered column, then these, then the id every index ends with), so SQLite walks the index
// instead of sorting 100,000 rows, and a cursor is where that walk starts.
const SORT_KEYS: Record<ChannelSort, Array<[column: string, key: Key]>> = {
  created: [['c.created_at', 'createdAt']],
  title: [['c.title COLLATE NOCASE', 'title']],
  status: [
    ['c.status', 'status'],
    ['c.created_at', 'createdAt'],
  ],
  platform: [
    ['c.platform', 'platform'],
    ['c.created_at', 'createdAt'],
  ],
  lastSeen: [['c.last_seen', 'lastSeen']],
  category: [
    ['c.category', 'category'],
    ['c.created_at', 'createdAt'],
  ],
};

/** The ORDER BY of a sort, the id last. */
export function channelOrder(sort: ChannelSort, descending: boolean): Raw {
  const direction = descending ? 'DESC' : 'ASC';
  return raw([...SORT_KEYS[sort].map(([c]) => c), 'c.id'].map((column) => `${column} ${direction}`).join(', '));
}

/**
 * The query of a page's ids, in the list's order, out of `total` rows `from` (`FROM channels c
 * WHERE …`) gives. `fixed` names the columns the filter holds equal (their value is the same on
 * every row, so a cursor leaves them out and its range starts right after them in the index). With
 * a cursor the page costs its own rows whatever its depth; without one (a jump, as a scrollbar drag
 * makes) the rows skipped are index steps, and a page past the middle is walked from the far end,
 * so a jump never steps over more than half the list.
 */
export function channelPageIds(
  from: SqlQuery,
  sort: ChannelSort,
  descending: boolean,
  fixed: ReadonlySet<string>,
  place: ChannelPlace,
  total: number,
): SqlQuery {
  const forward = channelOrder(sort, descending);
  const backward = channelOrder(sort, !descending);
  const cursor = place.after ?? place.before;
  if (cursor) {
    // After a row: further along the order (smaller when descending); before it: the other way, walked backwards.
    const later = place.after !== undefined;
    const operator = raw(later === descending ? '<' : '>');
    const order = later ? forward : backward;
    const keys = SORT_KEYS[sort].filter(([column]) => !fixed.has(column));
    const [column, collation] = keys[0]![0].split(' COLLATE ');
    if (collation) {
      const walk = { operator, order, descending: later === descending };
      return collatedAfter(from, [column!, collation], cursor[keys[0]![1]], cursor.id, walk, place);
    }
    const columns = raw([...keys.map(([c]) => c), 'c.id'].join(', '));
    const values = join([...keys.map(([, key]) => sql`${cursor[key]}`), sql`${cursor.id}`], ', ');
    return sql`SELECT c.id ${from} AND (${columns}) ${operator} (${values}) ORDER BY ${order} LIMIT ${place.limit} OFFSET ${place.offset}`;
  }
  const fromEnd = total - place.offset - place.limit;
  if (fromEnd > place.offset || place.offset >= total)
    return sql`SELECT c.id ${from} ORDER BY ${forward} LIMIT ${place.limit} OFFSET ${place.offset}`;
  return sql`SELECT c.id ${from} ORDER BY ${backward} LIMIT ${place.limit + Math.min(0, fromEnd)} OFFSET ${Math.max(0, fromEnd)}`;
}

/**
 * The ids after a cursor in a sort by one collated column (the title, case folded). SQLite walks an
 * index by a row value only over bare columns of the index's collation, so `(title, id) > (…)`
 * would be a range over the title alone, stepping through every row of the cursor's title first
 * (thousands in a catalog of untitled channels). Two ranges instead, each an index walk: the rest
 * of the cursor's title by id, then the titles after it.
 */
function collatedAfter(
  from: SqlQuery,
  [column, collation]: [string, string],
  value: string,
  id: number,
  walk: { operator: Raw; order: Raw; descending: boolean },
  place: ChannelPlace,
): SqlQuery {
  const { operator, order } = walk;
  const n = place.limit + place.offset;
  const collate = raw(` COLLATE ${collation}`);
  const sameTitle = sql`SELECT c.id, ${raw(column)} AS k ${from} AND ${raw(column)} = ${value}${collate} AND c.id ${operator} ${id} ORDER BY ${order} LIMIT ${n}`;
  const later = sql`SELECT c.id, ${raw(column)} AS k ${from} AND ${raw(column)} ${operator} ${value}${collate} ORDER BY ${order} LIMIT ${n}`;
  const direction = raw(walk.descending ? 'DESC' : 'ASC');
  return sql`SELECT id FROM (SELECT * FROM (${sameTitle}) UNION ALL SELECT * FROM (${later})) ORDER BY k${collate} ${direction}, id ${direction} LIMIT ${place.limit} OFFSET ${place.offset}`;
}
