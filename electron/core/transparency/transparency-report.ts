import type { Db } from '../db/database';
import { sql } from '../db/sql';
import { ANSWERABLE_CASE_STATUSES, jsonList } from '../outcomes/outcome-types';
import { type IsoWeek, type Period, isoWeekOf, periodBounds, weeksOf } from './iso-week';
import { nearestRank } from './percentile';

/**
 * Published counts of what became of the items reported, like the weekly counts platforms publish
 * (Telegram's ISIS Watch): a pure query over a vault's database, so it runs over any vault (an
 * analyst's, or a unit's catalog). Only counts leave it: no address, name or evidence.
 *
 * - Items: those of the latest notice of each case whose notice was approved to go out (approved,
 *   submitted, acknowledged, actioned, rejected), issued within the period (whole UTC days).
 * - Weeks: ISO 8601 weeks in UTC (Monday to Sunday), of when the notice was issued.
 * - Each item counts by its first final outcome as recorded now (the one the case page measures
 *   time to action by): removed or restricted is actioned; not-actioned; already-gone; none yet
 *   is pending.
 * - Time to action: from the notice's issue to that removal or restriction, actioned items only
 *   (an action recorded before the notice counts as 0); median and 90th percentile by nearest rank
 *   (percentile.ts).
 */
export interface Counts {
  reported: number;
  actioned: number;
  notActioned: number;
  alreadyGone: number;
  pending: number;
  medianSecondsToAction: number | null;
  p90SecondsToAction: number | null;
}

export type WeekCounts = Counts & IsoWeek;
export type PlatformCounts = Counts & { platform: string };
export type CategoryCounts = Counts & { category: string };
export type DetailCounts = Counts & IsoWeek & { platform: string; category: string };

export interface TransparencyReport {
  period: Period;
  total: Counts;
  /** every ISO week the period touches, oldest first, weeks with no item included */
  weeks: WeekCounts[];
  /** platforms and categories with items, most reported first */
  platforms: PlatformCounts[];
  categories: CategoryCounts[];
  /** week × platform × category, the combinations with items */
  detail: DetailCounts[];
}

interface ItemRow {
  platform: string;
  category: string;
  issued_at: string;
  action: string | null;
  acted_at: string | null;
}

const ACTIONED = new Set(['removed', 'restricted']);

function count(items: readonly ItemRow[]): Counts {
  const by = (status: string) => items.filter((i) => i.action === status).length;
  const seconds = items
    .filter((i) => i.action !== null && ACTIONED.has(i.action) && i.acted_at !== null)
    .map((i) => Math.max(0, Math.round((Date.parse(i.acted_at!) - Date.parse(i.issued_at)) / 1000)));
  return {
    reported: items.length,
    actioned: seconds.length,
    notActioned: by('not-actioned'),
    alreadyGone: by('already-gone'),
    pending: items.filter((i) => i.action === null).length,
    medianSecondsToAction: nearestRank(seconds, 50),
    p90SecondsToAction: nearestRank(seconds, 90),
  };
}

function groups<K extends string>(items: readonly ItemRow[], key: (i: ItemRow) => K): Map<K, ItemRow[]> {
  const out = new Map<K, ItemRow[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const mostReported = <T extends Counts>(rows: T[], name: (r: T) => string) =>
  rows.sort((a, b) => b.reported - a.reported || name(a).localeCompare(name(b)));

/**
 * Whose items: the cases of this vault, or (a unit catalog) the latest approved package of each
 * notice the unit merged, its time of issue the analyst's export, its outcomes the platforms'
 * response files the records desk took in (unit_report_items).
 */
export type ItemSource = 'cases' | 'unit';

function itemsOf(db: Db, source: ItemSource, start: string, end: string): ItemRow[] {
  if (source === 'unit')
    return db.all<ItemRow>(
      sql`SELECT platform, category, issued_at, action, acted_at FROM unit_report_items
        WHERE issued_at >= ${start} AND issued_at < ${end}`,
    );
  return db.all<ItemRow>(
    sql`SELECT ci.platform, ci.category, ci.issued_at, ci.action, ci.acted_at
      FROM case_items ci JOIN cases k ON k.id = ci.case_id
      WHERE k.status IN (SELECT value FROM json_each(${jsonList(ANSWERABLE_CASE_STATUSES)}))
        AND ci.issued_at >= ${start} AND ci.issued_at < ${end}`,
  );
}

export function transparencyReport(db: Db, period: Period, source: ItemSource = 'cases'): TransparencyReport {
  const { start, end } = periodBounds(period);
  const items = itemsOf(db, source, start, end);
  const byWeek = groups(items, (i) => isoWeekOf(i.issued_at).week);
  const detail = [...groups(items, (i) => `${isoWeekOf(i.issued_at).week}\t${i.platform}\t${i.category}`)]
    .map(([, rows]) => ({
      ...isoWeekOf(rows[0]!.issued_at),
      platform: rows[0]!.platform,
      category: rows[0]!.category,
      ...count(rows),
    }))
    .sort(
      (a, b) =>
        a.week.localeCompare(b.week) || a.platform.localeCompare(b.platform) || a.category.localeCompare(b.category),
    );
  return {
    period: { ...period },
    total: count(items),
    weeks: weeksOf(period).map((w) => ({ ...w, ...count(byWeek.get(w.week) ?? []) })),
    platforms: mostReported(
      [...groups(items, (i) => i.platform)].map(([platform, rows]) => ({ platform, ...count(rows) })),
      (r) => r.platform,
    ),
    categories: mostReported(
      [...groups(items, (i) => i.category)].map(([category, rows]) => ({ category, ...count(rows) })),
      (r) => r.category,
    ),
    detail,
  };
}
