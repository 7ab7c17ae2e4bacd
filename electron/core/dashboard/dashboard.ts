import type { Db } from '../db/database';
import { CASE_STATUSES, OPEN_STATUSES } from '../cases/case-status';
import { sql } from '../db/sql';
import { overdueItemCount } from '../outcomes/overdue-items';

export interface DashboardStats {
  channels: number;
  evidence: number;
  byStatus: Array<{ key: string; count: number }>;
  byCategory: Array<{ key: string; count: number }>;
  byPlatform: Array<{ key: string; count: number }>;
  /** channels added per ISO week (Monday), oldest first, the last `weeks` weeks including this one */
  perWeek: Array<{ week: string; count: number }>;
  /** cases sent (exported) that the platform has not acted on yet, and those of them past their due time */
  openCases: number;
  overdueCases: number;
  /** items of open cases past their notice's deadline without a final outcome (overdue is per item) */
  overdueItems: number;
  /** cases per status, in the order of the status machine, statuses with none left out */
  casesByStatus: Array<{ key: string; count: number }>;
  /** evidence items (not excluded) an imported hash list flags */
  hashListItems: number;
}

function mondayOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

type CountedKey = 'status' | 'category' | 'platform' | 'day';

/**
 * The shown (not excluded) channels per value of `key`, largest first, from the counts triggers
 * keep as rows change (0014-catalog-counts): a few rows read whatever the catalog's size.
 */
function channelsPer(db: Db, key: CountedKey, from = ''): Array<{ key: string; count: number }> {
  return db
    .all<{ key: string; count: number }>(
      sql`SELECT value AS key, n AS count FROM catalog_counts WHERE kind = 'channel' AND key = ${key} AND value >= ${from} AND n > 0`,
    )
    .sort((a, b) => b.count - a.count);
}

const total = (db: Db, kind: 'channel' | 'evidence') =>
  db.get<{ n: number }>(sql`SELECT n FROM catalog_counts WHERE kind = ${kind} AND key = 'all'`)!.n;

export function dashboardStats(db: Db, weeks = 12, now = new Date()): DashboardStats {
  const start = mondayOf(now);
  start.setUTCDate(start.getUTCDate() - 7 * (weeks - 1));
  const counts = new Map<string, number>();
  for (const { key: day, count } of channelsPer(db, 'day', start.toISOString().slice(0, 10))) {
    const week = mondayOf(new Date(`${day}T00:00:00Z`))
      .toISOString()
      .slice(0, 10);
    counts.set(week, (counts.get(week) ?? 0) + count);
  }
  const perWeek = Array.from({ length: weeks }, (_, i) => {
    const d = new Date(start);
    d.setUTCDate(d.getUTCDate() + 7 * i);
    const week = d.toISOString().slice(0, 10);
    return { week, count: counts.get(week) ?? 0 };
  });
  return {
    channels: total(db, 'channel'),
    evidence: total(db, 'evidence'),
    byStatus: channelsPer(db, 'status'),
    byCategory: channelsPer(db, 'category'),
    byPlatform: channelsPer(db, 'platform'),
    perWeek,
    ...caseCounts(db, now),
    overdueItems: overdueItemCount(db, now),
    hashListItems: hashListItems(db),
  };
}

/**
 * Items not excluded that a hash list flags: the matches are looked up by id. (The unary plus keeps
 * SQLite from walking every shown item in the flag's index instead: a million at unit scale.)
 */
function hashListItems(db: Db): number {
  return db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM evidence e WHERE e.id IN (SELECT evidence_id FROM hash_list_matches) AND +e.excluded = 0`,
  )!.n;
}

function caseCounts(db: Db, now: Date): Pick<DashboardStats, 'openCases' | 'overdueCases' | 'casesByStatus'> {
  const open = db.get<{
    openCases: number;
    overdueCases: number;
  }>(sql`SELECT count(*) AS openCases, coalesce(sum(due_at < ${now.toISOString()}), 0) AS overdueCases
    FROM cases WHERE status IN (SELECT value FROM json_each(${JSON.stringify(OPEN_STATUSES)}))`)!;
  const counts = new Map(
    db
      .all<{ key: string; count: number }>(sql`SELECT status AS key, count(*) AS count FROM cases GROUP BY status`)
      .map((r) => [r.key, r.count]),
  );
  return {
    ...open,
    casesByStatus: CASE_STATUSES.filter((s) => counts.has(s)).map((key) => ({ key, count: counts.get(key)! })),
  };
}
