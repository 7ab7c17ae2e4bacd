/** What the transparency page computes before it asks the core: its default period, the series of a bar. */

export const OUTCOME_SERIES = ['actioned', 'notActioned', 'alreadyGone', 'pending'] as const;
export type OutcomeSeries = (typeof OUTCOME_SERIES)[number];

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The last `weeks` ISO weeks up to today (UTC): from the Monday `weeks - 1` weeks before this one. */
export function lastWeeks(weeks: number, now = new Date()): { from: string; to: string } {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7 * (weeks - 1));
  return { from: day(monday), to: day(now) };
}

/** Hours with one decimal at most, as the time chart's axis counts. */
export const hours = (seconds: number | null) => (seconds === null ? 0 : Math.round(seconds / 360) / 10);
