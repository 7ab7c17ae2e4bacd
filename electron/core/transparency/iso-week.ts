import { JejakError } from '../errors';

const DAY_MS = 86_400_000;
/** The longest period a report covers (about ten years). */
const MAX_DAYS = 3660;

/** A report's period: whole UTC days, both ends included. */
export interface Period {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
}

export interface IsoWeek {
  /** "2026-W45" (ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday) */
  week: string;
  /** the Monday the week starts on, YYYY-MM-DD (UTC) */
  start: string;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function parseDay(value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || dayOf(ms) !== value)
    throw new JejakError('INVALID_INPUT', `"${value}" is not a date (YYYY-MM-DD).`).because(
      'transparency.error.badDate',
      { value },
    );
  return ms;
}

/** The period's bounds as UTC instants: [start, end), end being the midnight after `to`. */
export function periodBounds(period: Period): { start: string; end: string } {
  const from = parseDay(period.from);
  const to = parseDay(period.to);
  if (to < from)
    throw new JejakError('INVALID_INPUT', `The period ends (${period.to}) before it starts (${period.from}).`).because(
      'transparency.error.backwards',
      { from: period.from, to: period.to },
    );
  if ((to - from) / DAY_MS >= MAX_DAYS)
    throw new JejakError('INVALID_INPUT', `A report covers at most ${MAX_DAYS} days.`).because(
      'transparency.error.tooLong',
      { days: MAX_DAYS },
    );
  return { start: new Date(from).toISOString(), end: new Date(to + DAY_MS).toISOString() };
}

/** The ISO week (UTC) an instant falls in. */
export function isoWeekOf(instant: string | number): IsoWeek {
  const t = new Date(instant);
  const midnight = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = midnight - weekday * DAY_MS;
  // the week belongs to the year its Thursday is in
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { week: `${year}-W${String(week).padStart(2, '0')}`, start: dayOf(monday) };
}

/** Every ISO week the period touches, oldest first (the first and last may be partly outside it). */
export function weeksOf(period: Period): IsoWeek[] {
  const { start, end } = periodBounds(period);
  const weeks: IsoWeek[] = [];
  for (let ms = Date.parse(isoWeekOf(start).start); ms < Date.parse(end); ms += 7 * DAY_MS) weeks.push(isoWeekOf(ms));
  return weeks;
}
