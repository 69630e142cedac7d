/**
 * Calendar feed (.ics, RFC 5545) of the seeker's steps, written by hand.
 *
 * Pure and deterministic: the output depends only on the arguments (no clock, no random ids), so
 * a feed that did not change serves the same bytes and calendar apps see no spurious updates.
 *
 * Every instant is written in UTC form (20261123T090000Z), so the feed needs no VTIMEZONE. Lines end
 * in CRLF and are folded at 75 octets (UTF-8 bytes) without splitting a character; TEXT values are
 * escaped (backslash, semicolon, comma, newline) per RFC 5545 §3.3.11.
 */
import { Problem } from '../domain/errors.js';

export interface CalendarEntry {
  /** Stable per step, e.g. "<stepId>@onward". */
  uid: string;
  summary: string;
  description?: string | null;
  url?: string | null;
  /** ISO instant with a zone ("Z" or an offset). */
  start: string;
  /** Default 30. */
  durationMinutes?: number;
  /** ISO instant → DTSTAMP and LAST-MODIFIED. */
  updatedAt: string;
  /** Bump when the entry changes; default 0. */
  sequence?: number;
  /** Adds a VALARM DISPLAY that many minutes before the start (0 = at the start). */
  alarmMinutesBefore?: number | null;
}

export interface CalendarOptions {
  /** X-WR-CALNAME / NAME. */
  name: string;
  /** X-WR-CALDESC / DESCRIPTION. */
  description?: string;
  /** How often subscribers should refresh: REFRESH-INTERVAL and X-PUBLISHED-TTL. */
  refreshMinutes?: number;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const DEFAULT_DURATION_MINUTES = 30;
const PRODID = '-//Onward//Onward steps//EN';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const URL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Builds a VCALENDAR with one VEVENT per entry, in the order given. */
export function buildCalendar(entries: CalendarEntry[], options: CalendarOptions): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `NAME:${escapeText(options.name)}`,
  ];
  if (options.description !== undefined && options.description !== '') {
    lines.push(`X-WR-CALDESC:${escapeText(options.description)}`);
    lines.push(`DESCRIPTION:${escapeText(options.description)}`);
  }
  if (options.refreshMinutes !== undefined) {
    const every = formatDuration(positiveInteger(options.refreshMinutes, 'the calendar refresh interval'));
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${every}`);
    lines.push(`X-PUBLISHED-TTL:${every}`);
  }
  for (const entry of entries) lines.push(...eventLines(entry));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventLines(entry: CalendarEntry): string[] {
  const uid = entry.uid.trim();
  if (uid === '')
    throw new Problem('invalid_input', 'a calendar entry has an empty uid; give every step an id');
  const start = formatUtc(entry.start, `the start of calendar entry "${uid}"`);
  const stamp = formatUtc(entry.updatedAt, `the update time of calendar entry "${uid}"`);
  const minutes =
    entry.durationMinutes === undefined
      ? DEFAULT_DURATION_MINUTES
      : positiveInteger(entry.durationMinutes, `the duration of calendar entry "${uid}"`);
  const sequence = entry.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) {
    throw new Problem('invalid_input', `the sequence of calendar entry "${uid}" must be a whole number ≥ 0`);
  }
  const summary = escapeText(entry.summary);

  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    `DTSTART:${start}`,
    `DURATION:${formatDuration(minutes)}`,
    `SUMMARY:${summary}`,
  ];
  if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
  const url = entry.url ? normalizeUrl(entry.url) : null;
  if (url) lines.push(`URL:${url}`);
  lines.push(`SEQUENCE:${sequence}`, 'STATUS:CONFIRMED', 'TRANSP:TRANSPARENT');

  const alarm = entry.alarmMinutesBefore;
  if (alarm !== undefined && alarm !== null) {
    if (!Number.isInteger(alarm) || alarm < 0) {
      throw new Problem(
        'invalid_input',
        `the alarm of calendar entry "${uid}" must be a whole number of minutes ≥ 0`,
      );
    }
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${summary}`,
      `TRIGGER:${alarm === 0 ? 'PT0M' : `-${formatDuration(alarm)}`}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** RFC 5545 §3.3.11 TEXT: escape \ ; , and newlines; drop the control characters TEXT cannot hold. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/**
 * Folds a content line so that no physical line exceeds 75 octets: the first line holds up to 75
 * bytes, each continuation line a space plus up to 74. Cuts fall between code points only.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const bytes = Buffer.byteLength(char, 'utf8');
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
      limit = MAX_LINE_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += char;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** "2026-11-23T09:00:00.000Z" (or any ISO instant with a zone) → "20261123T090000Z". */
function formatUtc(iso: string, what: string): string {
  const date = new Date(iso);
  const year = date.getUTCFullYear();
  if (!ISO_INSTANT.test(iso) || Number.isNaN(date.getTime()) || year < 0 || year > 9999) {
    throw new Problem('invalid_input', `${what} is not an ISO instant with a zone: "${iso}"`);
  }
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `${pad(year, 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** Minutes → RFC 5545 DURATION: 30 → PT30M, 90 → PT1H30M, 1440 → P1D. */
function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  let time = '';
  if (hours) time += `${hours}H`;
  if (mins) time += `${mins}M`;
  if (days === 0) return `PT${time || '0M'}`;
  return `P${days}D${time ? `T${time}` : ''}`;
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new Problem('invalid_input', `${what} must be a whole number of minutes above 0, not ${value}`);
  }
  return value;
}

/**
 * URL is a URI value (not TEXT, so no backslash escaping). A value that is not an absolute http(s)
 * or mailto URL (e.g. "acme.example/jobs" typed by hand) is left out rather than failing the feed.
 */
function normalizeUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return URL_SCHEMES.has(url.protocol) ? url.href : null;
}
