import { type SqlQuery, join, raw, sql } from '../db/sql';
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
export function channelOrder(sort: ChannelSort, descending: boolean): ReturnType<typeof raw> {
  const direction = descending ? 'DESC' : 'ASC';
  return raw([...SORT_KEYS[sort].map(([c]) => c), 'c.id'].map((column) => `${column} ${direction}`).join(', '));
}

/**
 * The extra WHERE term, ORDER BY and LIMIT/OFFSET that pick a page's ids out of `total` matching
 * rows. `fixed` names the columns the filter holds equal (their value is the same on every row, so
 * a cursor leaves them out and its range starts right after them in the index). With a cursor the
 * page costs its own rows whatever its depth; without one (a jump, as a scrollbar drag makes) the
 * rows skipped are index steps, and a page past the middle is walked from the far end, so a jump
 * never steps over more than half the list.
 */
export function channelPlacement(
  sort: ChannelSort,
  descending: boolean,
  fixed: ReadonlySet<string>,
  place: ChannelPlace,
  total: number,
): { term: SqlQuery; tail: SqlQuery } {
  const forward = channelOrder(sort, descending);
  const backward = channelOrder(sort, !descending);
  const cursor = place.after ?? place.before;
  if (cursor) {
    const keys = SORT_KEYS[sort].filter(([column]) => !fixed.has(column));
    // A collation goes on the value side: SQLite walks an index by a row value only when its left side is bare columns.
    const bare = keys.map(([column]) => column.split(' COLLATE '));
    const columns = raw([...bare.map(([column]) => column), 'c.id'].join(', '));
    const values = join(
      [
        ...keys.map(([, key], i) => sql`${cursor[key]}${raw(bare[i]![1] ? ` COLLATE ${bare[i]![1]}` : '')}`),
        sql`${cursor.id}`,
      ],
      ', ',
    );
    // After a row: further along the order (smaller when descending); before it: the other way, walked backwards.
    const later = place.after !== undefined;
    const operator = raw(later === descending ? '<' : '>');
    return {
      term: sql`(${columns}) ${operator} (${values})`,
      tail: sql`ORDER BY ${later ? forward : backward} LIMIT ${place.limit} OFFSET ${place.offset}`,
    };
  }
  const fromEnd = total - place.offset - place.limit;
  if (fromEnd > place.offset || place.offset >= total)
    return { term: sql`1`, tail: sql`ORDER BY ${forward} LIMIT ${place.limit} OFFSET ${place.offset}` };
  return {
    term: sql`1`,
    tail: sql`ORDER BY ${backward} LIMIT ${place.limit + Math.min(0, fromEnd)} OFFSET ${Math.max(0, fromEnd)}`,
  };
}
