import { DateTime } from 'luxon';
import { startOfLocalDay } from './calendar.js';
import { invalidInput } from './errors.js';
import type { Instant } from './model.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a time the seeker typed: a date ("2026-11-02", the start of that day in their zone),
 * a local time ("2026-11-10T14:00", in their zone) or an instant with a zone ("…T14:00:00Z").
 * Returns a UTC ISO instant, or throws a Problem naming the value and the accepted forms.
 */
export function parseUserTime(input: string, timeZone: string, what = 'time'): Instant {
  const text = input.trim();
  let dt: DateTime | undefined;
  if (DATE_ONLY.test(text)) {
    if (DateTime.fromISO(text).isValid) return startOfLocalDay(text, timeZone);
  } else if (LOCAL_TIME.test(text)) dt = DateTime.fromISO(text.replace(' ', 'T'), { zone: timeZone });
  else if (WITH_ZONE.test(text)) dt = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true });
  if (!dt || !dt.isValid) {
    throw invalidInput(
      `"${input}" is not a valid ${what}; use a date like 2026-11-02 or a time like 2026-11-10T14:00 (your zone) or 2026-11-10T14:00:00Z`,
    );
  }
  return dt.toUTC().toISO() as Instant;
}

/** True for a well-formed ISO instant with a zone, as stored. */
export function isInstant(value: string): boolean {
  return WITH_ZONE.test(value) && DateTime.fromISO(value).isValid;
}

/** Normalises any ISO instant to the stored form "YYYY-MM-DDTHH:mm:ss.sssZ". */
export function toInstant(value: string): Instant {
  const dt = DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid) throw invalidInput(`"${value}" is not a valid ISO time`);
  return dt.toUTC().toISO() as Instant;
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.fromMillis(0, { zone }).isValid;
}

/** "Tue 10 Nov 2026, 14:00" in the seeker's zone: for people, never for storage. */
export function formatForPeople(instant: Instant, timeZone: string, withTime = true): string {
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone);
  return dt.toFormat(withTime ? 'ccc d LLL yyyy, HH:mm' : 'ccc d LLL yyyy');
}
