/**
 * Dates as the seeker reads them, in their own time zone (the one in Settings). The API speaks
 * ISO instants; a plain date (YYYY-MM-DD) sent back is read by the server in that same zone.
 */
import { t } from './text';

let zone: string | undefined;

/** Use the seeker's configured zone from now on (the browser's until it is known). */
export function setTimeZone(timeZone: string | undefined): void {
  try {
    if (timeZone) new Intl.DateTimeFormat(t.locale, { timeZone });
    zone = timeZone;
  } catch {
    zone = undefined;
  }
}

const dayFormat = () =>
  new Intl.DateTimeFormat(t.locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone });
const dateFormat = () =>
  new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
const timeFormat = () =>
  new Intl.DateTimeFormat(t.locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });

/** "Tue 3 Nov" */
export const formatDay = (iso: string): string => dayFormat().format(new Date(iso));
/** "3 Nov 2026" */
export const formatDate = (iso: string): string => dateFormat().format(new Date(iso));
/** "Tue 3 Nov, 14:00" */
export const formatDayTime = (iso: string): string =>
  `${dayFormat().format(new Date(iso))}, ${timeFormat().format(new Date(iso))}`;

/** The local date (YYYY-MM-DD) of an instant in the seeker's zone. */
export function localDate(date: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: zone,
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A local date n days later (calendar days). */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return date.toISOString().slice(0, 10);
}

/** A plain local date for display, without shifting it through a time zone. */
export function formatLocalDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Intl.DateTimeFormat(t.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}
