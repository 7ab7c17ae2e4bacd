/**
 * What can happen to an item after its notice went out. A platform's response (jejak-response/1)
 * says removed, restricted, not-actioned (with a reason) or already-gone; where no answer comes,
 * the analyst looks and records still-online, removed or reappeared.
 */
export const RESPONSE_STATUSES = ['removed', 'restricted', 'not-actioned', 'already-gone'] as const;
export const OBSERVATION_STATUSES = ['still-online', 'removed', 'reappeared'] as const;

export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
export type OutcomeStatus = ResponseStatus | ObservationStatus;

/** An item with one of these as its latest outcome is closed (migration 0008 computes the same). */
export const FINAL_STATUSES: readonly OutcomeStatus[] = RESPONSE_STATUSES;

/** Taken down: what a channel or picture that comes back is matched against. */
export const DOWN_STATUSES: readonly OutcomeStatus[] = ['removed', 'restricted', 'already-gone'];

/** Cases whose notice has gone out (or is about to): the statuses an outcome may be recorded in. */
export const ANSWERABLE_CASE_STATUSES = ['approved', 'submitted', 'acknowledged', 'actioned', 'rejected'] as const;

/** Clocks differ a little; a time further ahead of now than this is a mistake. */
export const CLOCK_SKEW_MS = 10 * 60_000;

export function isFinal(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** A list of strings as SQL can read it: `IN (SELECT value FROM json_each(?))`. */
export const jsonList = (values: readonly string[]): string => JSON.stringify(values);
