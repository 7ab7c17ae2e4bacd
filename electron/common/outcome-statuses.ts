/**
 * What can happen to an item after its notice went out. A platform's response (jejak-response/1)
 * says removed, restricted, not-actioned (with a reason) or already-gone; where no answer comes,
 * the analyst looks and records still-online, removed or reappeared.
 */
export const RESPONSE_STATUSES = ['removed', 'restricted', 'not-actioned', 'already-gone'] as const;
export const OBSERVATION_STATUSES = ['still-online', 'removed', 'reappeared'] as const;
export const OUTCOME_STATUSES = [...RESPONSE_STATUSES, 'still-online', 'reappeared'] as const;

export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** Taken down: what a channel or picture that comes back is matched against. */
export const DOWN_STATUSES: readonly OutcomeStatus[] = ['removed', 'restricted', 'already-gone'];
