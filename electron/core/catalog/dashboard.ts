import type { Db } from '../db/database';
import { OPEN_STATUSES } from '../cases/cases';
import { sql } from '../db/sql';

export interface DashboardStats {
  channels: number;
  evidence: number;
  byStatus: Array<{ key: string; count: number }>;
  byCategory: Array<{ key: string; count: number }>;
  byPlatform: Array<{ key: string; count: number }>;
  /** channels added per ISO week (Monday), oldest first, the last `weeks` weeks including this one */
  perWeek: Array<{ week: string; count: number }>;
  /** cases the platform has not acted on yet, and those of them past their due time */
  openCases: number;
  overdueCases: number;
}

function mondayOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

export function dashboardStats(db: Db, weeks = 12, now = new Date()): DashboardStats {
  const group = (column: 'status' | 'category' | 'platform') =>
    db.all<{ key: string; count: number }>({ text: `SELECT ${column} AS key, count(*) AS count FROM channels GROUP BY ${column} ORDER BY count DESC`, params: [] });
  const start = mondayOf(now);
  start.setUTCDate(start.getUTCDate() - 7 * (weeks - 1));
  const counts = new Map<string, number>();
  for (const r of db.all<{ day: string; count: number }>(sql`SELECT substr(created_at, 1, 10) AS day, count(*) AS count FROM channels WHERE created_at >= ${start.toISOString()} GROUP BY day`)) {
    const week = mondayOf(new Date(`${r.day}T00:00:00Z`)).toISOString().slice(0, 10);
    counts.set(week, (counts.get(week) ?? 0) + r.count);
  }
  const perWeek = Array.from({ length: weeks }, (_, i) => {
    const d = new Date(start);
    d.setUTCDate(d.getUTCDate() + 7 * i);
    const week = d.toISOString().slice(0, 10);
    return { week, count: counts.get(week) ?? 0 };
  });
  return {
    channels: db.get<{ n: number }>(sql`SELECT count(*) AS n FROM channels`)!.n,
    evidence: db.get<{ n: number }>(sql`SELECT count(*) AS n FROM evidence`)!.n,
    byStatus: group('status'),
    byCategory: group('category'),
    byPlatform: group('platform'),
    perWeek,
    ...caseCounts(db, now),
  };
}

function caseCounts(db: Db, now: Date): { openCases: number; overdueCases: number } {
  return db.get<{ openCases: number; overdueCases: number }>(sql`SELECT count(*) AS openCases, coalesce(sum(due_at < ${now.toISOString()}), 0) AS overdueCases
    FROM cases WHERE status IN (SELECT value FROM json_each(${JSON.stringify(OPEN_STATUSES)}))`)!;
}
