import { JejakError } from '../errors';

/**
 * Times in a notice are UTC. A stored time with its zone (Z or ±hh:mm) converts; one without a
 * zone (an EXIF time may lack it) cannot be placed in UTC and is left out rather than guessed.
 */
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function utcOrNull(value: string | null): string | null {
  if (value === null || !WITH_ZONE.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** For times Jejak itself recorded (always with a zone); anything else is our bug. */
export function utc(value: string): string {
  const converted = utcOrNull(value);
  if (converted === null) throw new JejakError('INTERNAL', `A recorded time, "${value}", has no time zone.`);
  return converted;
}
