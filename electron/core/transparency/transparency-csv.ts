import { csvCell } from '../csv';
import type { Counts, TransparencyReport } from './transparency-report';

/**
 * The report as CSV (RFC 4180, UTF-8, CRLF), the same in every language: column names and values
 * are stable words a script can read (ISO weeks, platform ids, the notice's category enumeration).
 * One row per total, per ISO week (UTC), per platform, per category and per week × platform ×
 * category, `breakdown` saying which. Times to action are whole seconds, median and 90th
 * percentile by the nearest-rank method (percentile.ts); empty where nothing was actioned.
 * README.md ("Transparency report") documents every column.
 */
export const TRANSPARENCY_CSV_COLUMNS = [
  'period_from',
  'period_to',
  'breakdown',
  'iso_week',
  'week_start',
  'platform',
  'category',
  'reported',
  'actioned',
  'not_actioned',
  'already_gone',
  'pending',
  'median_seconds_to_action',
  'p90_seconds_to_action',
] as const;

type Breakdown = 'total' | 'week' | 'platform' | 'category' | 'week-platform-category';

interface Keys {
  week?: string;
  start?: string;
  platform?: string;
  category?: string;
}

export function transparencyCsv(report: TransparencyReport): string {
  const line = (breakdown: Breakdown, keys: Keys, c: Counts) =>
    [
      report.period.from,
      report.period.to,
      breakdown,
      keys.week ?? '',
      keys.start ?? '',
      keys.platform ?? '',
      keys.category ?? '',
      c.reported,
      c.actioned,
      c.notActioned,
      c.alreadyGone,
      c.pending,
      c.medianSecondsToAction,
      c.p90SecondsToAction,
    ]
      .map(csvCell)
      .join(',');
  return [
    TRANSPARENCY_CSV_COLUMNS.join(','),
    line('total', {}, report.total),
    ...report.weeks.map((w) => line('week', w, w)),
    ...report.platforms.map((p) => line('platform', p, p)),
    ...report.categories.map((c) => line('category', c, c)),
    ...report.detail.map((d) => line('week-platform-category', d, d)),
    '',
  ].join('\r\n');
}
