/** The outcome rules of the core; the statuses themselves are electron/common/outcome-statuses.ts. */

/** Cases whose notice has gone out (or is about to): the statuses an outcome may be recorded in. */
export const ANSWERABLE_CASE_STATUSES = ['approved', 'submitted', 'acknowledged', 'actioned', 'rejected'] as const;

/** Clocks differ a little; a time further ahead of now than this is a mistake. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** A list of strings as SQL can read it: `IN (SELECT value FROM json_each(?))`. */
export const jsonList = (values: readonly string[]): string => JSON.stringify(values);
