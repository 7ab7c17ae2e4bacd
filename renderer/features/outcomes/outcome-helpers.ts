/** Pure helpers for outcomes: how long an action took and how it stands against the deadline. */
import { type DueDistance, dueParts } from '../cases/case-helpers';

/** A number of seconds as whole days, hours and minutes (the case pages' due-time words). */
export function distanceOf(seconds: number): DueDistance {
  const total = Math.floor(Math.abs(seconds) / 60);
  return {
    late: seconds < 0,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
  };
}

/** The two largest units of a duration, for the translated "{n} h {n} min" words. */
export function durationParts(seconds: number) {
  return dueParts(distanceOf(seconds));
}

/** "2026-11-28T10:15" in local time: the value a datetime-local field starts with. */
export function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value (local time, no zone) as a UTC time the core takes, or null when empty or invalid. */
export function isoFromLocalInput(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
