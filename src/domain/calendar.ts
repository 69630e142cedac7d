/**
 * Business-day and local-calendar arithmetic for due dates and reminders.
 *
 * Pure: no I/O and no clock. Every instant comes in as an ISO 8601 string with a zone ("Z" or an
 * offset) and goes out in the stored form "YYYY-MM-DDTHH:mm:ss.sssZ" (what `Date#toISOString` gives).
 * Local dates are "YYYY-MM-DD" strings in the calendar's IANA time zone.
 *
 * Wall-clock rules, used by every function that moves an instant to another local day:
 * - The local wall-clock time is kept; the UTC time shifts across DST changes.
 * - A wall-clock time that does not exist on the target day (the hour skipped when clocks go forward)
 *   is moved forward by the length of the gap: 01:30 on 2026-03-29 in Europe/London becomes 02:30 BST.
 * - A wall-clock time that occurs twice (the hour repeated when clocks go back) resolves to the
 *   occurrence with the same UTC offset as the starting instant, else to the earlier occurrence.
 *
 * Luxon's own local-time constructors guess ambiguous offsets from the current clock, so local times
 * are resolved here by `resolveLocal`, which depends only on its arguments.
 */
import { DateTime, IANAZone } from 'luxon';

export interface BusinessCalendar {
  /** IANA zone, e.g. 'Europe/London'. */
  timeZone: string;
  /** Local dates 'YYYY-MM-DD' that are not business days. */
  holidays: readonly string[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are not business days; default [6, 7]. */
  weekend?: readonly number[];
}

/** Thrown for an invalid time zone, holiday, weekend, local date, instant or day count. */
export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

const DEFAULT_WEEKEND: readonly number[] = [6, 7];
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Local dates as whole days since 1970-01-01 (proleptic Gregorian), so date arithmetic never
// touches a time zone.

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function epochDay({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The civil date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
function civilDate(days: number): Ymd {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday, 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday. */
function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

function parseYmd(text: unknown): Ymd | undefined {
  if (typeof text !== 'string') return undefined;
  const m = LOCAL_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function formatYmd({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseLocalDate(text: string): number {
  const ymd = parseYmd(text);
  if (!ymd) throw new CalendarError(`"${String(text)}" is not a real local date; use YYYY-MM-DD`);
  return epochDay(ymd);
}

// ---------------------------------------------------------------------------------------------
// Zones, instants and wall-clock times.

/**
 * Zones already checked. luxon's isValidZone builds a new Intl.DateTimeFormat on every call, which
 * made date-heavy work (a week for each of 5,000 applications) take seconds and gigabytes.
 */
const checkedZones = new Map<string, IANAZone>();

function checkZone(timeZone: unknown): IANAZone {
  if (typeof timeZone === 'string') {
    const known = checkedZones.get(timeZone);
    if (known) return known;
  }
  // Only IANA names: "local"/"system" would make results depend on the machine.
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    throw new CalendarError(`unknown time zone "${String(timeZone)}"; use an IANA name like Europe/London`);
  }
  const zone = IANAZone.create(timeZone);
  checkedZones.set(timeZone, zone);
  return zone;
}

function parseInstant(instant: string): number {
  if (typeof instant === 'string' && INSTANT.test(instant)) {
    const dt = DateTime.fromISO(instant, { setZone: true });
    if (dt.isValid) return dt.toMillis();
  }
  throw new CalendarError(
    `"${String(instant)}" is not a valid ISO instant; use a time with a zone like 2026-11-10T14:00:00Z`,
  );
}

/** The largest |ms| a JavaScript Date can hold. */
const MAX_MS = 8.64e15;

function formatInstant(ms: number): string {
  if (!(Math.abs(ms) <= MAX_MS)) throw new CalendarError('the resulting time is out of range');
  return new Date(ms).toISOString();
}

/** The zone's UTC offset at an instant, in milliseconds (luxon gives minutes, possibly fractional for LMT). */
function offsetAt(zone: IANAZone, ms: number): number {
  return Math.round(zone.offset(ms) * MS_PER_MINUTE);
}

interface LocalTime {
  /** Days since 1970-01-01 of the local date. */
  day: number;
  /** Milliseconds since local midnight on the wall clock. */
  timeOfDay: number;
  /** UTC offset in milliseconds at the instant. */
  offset: number;
}

function toLocal(ms: number, zone: IANAZone): LocalTime {
  const offset = offsetAt(zone, ms);
  const wallMs = ms + offset;
  const day = Math.floor(wallMs / MS_PER_DAY);
  return { day, timeOfDay: wallMs - day * MS_PER_DAY, offset };
}

/**
 * The instant at a wall-clock time (`wallMs`, local time counted as if it were UTC) in `zone`.
 * In a gap it moves forward by the gap's length; in an overlap it takes `preferOffset` if that is
 * one of the two occurrences, else the earlier one (or the later one when `pick` says so).
 */
function resolveLocal(
  wallMs: number,
  zone: IANAZone,
  preferOffset?: number,
  pick: 'earlier' | 'later' = 'earlier',
): number {
  const before = offsetAt(zone, wallMs - MS_PER_DAY);
  const after = offsetAt(zone, wallMs + MS_PER_DAY);
  const candidates = [...new Set([before, after])]
    .filter((o) => offsetAt(zone, wallMs - o) === o)
    .map((o) => ({ offset: o, ms: wallMs - o }))
    .sort((a, b) => a.ms - b.ms);
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  if (!first || !last) return wallMs - before; // gap: read with the old offset, landing after it
  const preferred = candidates.find((c) => c.offset === preferOffset);
  if (preferred) return preferred.ms;
  return pick === 'earlier' ? first.ms : last.ms;
}

/** The same wall-clock time as `local`, on local day `day`, as an instant. */
function atDay(local: LocalTime, day: number, zone: IANAZone): number {
  return resolveLocal(day * MS_PER_DAY + local.timeOfDay, zone, local.offset);
}

function checkWholeNumber(value: number, what: string, min = Number.MIN_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min) {
    const range = min === 0 ? 'a whole number of at least 0' : 'a whole number';
    throw new CalendarError(`${what} must be ${range}, got ${String(value)}`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Calendars.

interface CompiledCalendar {
  zone: IANAZone;
  /** Index 1…7: true when that ISO weekday is a weekend day. */
  weekend: readonly boolean[];
  /** Holidays as days since 1970-01-01. */
  holidays: ReadonlySet<number>;
}

function compile(cal: BusinessCalendar): CompiledCalendar {
  if (typeof cal !== 'object' || cal === null) throw new CalendarError('a business calendar is required');
  const zone = checkZone(cal.timeZone);
  if (!Array.isArray(cal.holidays))
    throw new CalendarError('calendar holidays must be a list of YYYY-MM-DD dates');
  const holidays = new Set<number>();
  for (const holiday of cal.holidays) {
    const ymd = parseYmd(holiday);
    if (!ymd) throw new CalendarError(`holiday "${String(holiday)}" is not a real date; use YYYY-MM-DD`);
    holidays.add(epochDay(ymd));
  }
  const weekend: boolean[] = new Array<boolean>(8).fill(false);
  const weekendDays = cal.weekend ?? DEFAULT_WEEKEND;
  if (!Array.isArray(weekendDays)) throw new CalendarError('calendar weekend must be a list of ISO weekdays');
  for (const wd of weekendDays) {
    if (!Number.isInteger(wd) || wd < 1 || wd > 7) {
      throw new CalendarError(`weekend day "${String(wd)}" is not an ISO weekday (1 = Monday … 7 = Sunday)`);
    }
    weekend[wd] = true;
  }
  if (weekend.filter(Boolean).length === 7) {
    throw new CalendarError('the weekend covers every day of the week; a calendar needs a business day');
  }
  return { zone, weekend, holidays };
}

function isBusiness(day: number, cal: CompiledCalendar): boolean {
  return !cal.weekend[isoWeekday(day)] && !cal.holidays.has(day);
}

/** The first business day strictly after `day`. Ends: holidays are finite and every week has a business day. */
function nextBusiness(day: number, cal: CompiledCalendar): number {
  let d = day + 1;
  while (!isBusiness(d, cal)) d += 1;
  return d;
}

/** Business days in (from, to], for from <= to. */
function countBusiness(from: number, to: number, cal: CompiledCalendar): number {
  const span = to - from;
  const weeks = Math.floor(span / 7);
  const perWeek = cal.weekend.filter((w, i) => i >= 1 && !w).length;
  let count = weeks * perWeek;
  for (let d = from + weeks * 7 + 1; d <= to; d += 1) if (!cal.weekend[isoWeekday(d)]) count += 1;
  for (const h of cal.holidays) if (h > from && h <= to && !cal.weekend[isoWeekday(h)]) count -= 1;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** Throws a CalendarError naming the bad zone, holiday or weekend day. */
export function validateCalendar(cal: BusinessCalendar): void {
  compile(cal);
}

/** The local date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDate(instant: string, timeZone: string): string {
  const zone = checkZone(timeZone);
  return formatYmd(civilDate(toLocal(parseInstant(instant), zone).day));
}

/** False on weekend days and holidays. */
export function isBusinessDay(localDate: string, cal: BusinessCalendar): boolean {
  const compiled = compile(cal);
  return isBusiness(parseLocalDate(localDate), compiled);
}

/** The first business day strictly after a local date. */
export function nextBusinessDay(localDate: string, cal: BusinessCalendar): string {
  const compiled = compile(cal);
  return formatYmd(civilDate(nextBusiness(parseLocalDate(localDate), compiled)));
}

/**
 * The instant `days` business days after `instant`, at the same local wall-clock time in the
 * calendar's zone. For days >= 1 the result is the days-th business day strictly after the local
 * date, so Friday + 1 = Monday, and Saturday + 1 = Sunday + 1 = Monday, Saturday + 2 = Tuesday.
 * days = 0 returns the instant itself on a business day, else the next business day at the same
 * wall-clock time. Negative or fractional days throw a CalendarError.
 */
export function addBusinessDays(instant: string, days: number, cal: BusinessCalendar): string {
  const compiled = compile(cal);
  const ms = parseInstant(instant);
  checkWholeNumber(days, 'business days', 0);
  const local = toLocal(ms, compiled.zone);
  if (days === 0 && isBusiness(local.day, compiled)) return formatInstant(ms);
  let day = nextBusiness(local.day, compiled);
  for (let i = 1; i < days; i += 1) day = nextBusiness(day, compiled);
  return formatInstant(atDay(local, day, compiled.zone));
}

/**
 * Business days strictly after `fromInstant`'s local date up to and including `toInstant`'s local
 * date, in the calendar's zone. 0 on the same local date; negative (the same count, negated) when
 * `toInstant`'s local date is earlier.
 */
export function businessDaysBetween(fromInstant: string, toInstant: string, cal: BusinessCalendar): number {
  const compiled = compile(cal);
  const from = toLocal(parseInstant(fromInstant), compiled.zone).day;
  const to = toLocal(parseInstant(toInstant), compiled.zone).day;
  return from <= to ? countBusiness(from, to, compiled) : -countBusiness(to, from, compiled);
}

/** `days` calendar days later (or earlier, if negative) at the same local wall-clock time. */
export function addCalendarDays(instant: string, days: number, timeZone: string): string {
  const zone = checkZone(timeZone);
  const ms = parseInstant(instant);
  checkWholeNumber(days, 'days');
  const local = toLocal(ms, zone);
  return formatInstant(atDay(local, local.day + days, zone));
}

/**
 * `months` calendar months later (or earlier, if negative) at the same local wall-clock time.
 * A day that the target month lacks is clamped to its last day: Jan 31 + 1 month = Feb 28 (29).
 */
export function addMonths(instant: string, months: number, timeZone: string): string {
  const zone = checkZone(timeZone);
  const ms = parseInstant(instant);
  checkWholeNumber(months, 'months');
  const local = toLocal(ms, zone);
  const { year, month, day } = civilDate(local.day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatInstant(
    atDay(local, epochDay({ year: targetYear, month: targetMonth, day: targetDay }), zone),
  );
}

/** The first instant of a local date: 00:00, or the end of the gap if clocks skip midnight that day. */
export function startOfLocalDay(localDate: string, timeZone: string): string {
  const zone = checkZone(timeZone);
  return formatInstant(resolveLocal(parseLocalDate(localDate) * MS_PER_DAY, zone));
}

/**
 * The last millisecond of `instant`'s local date: 23:59:59.999 local, taken as one millisecond
 * before the next local day starts, so it is the later 23:59:59.999 when clocks go back at midnight.
 */
export function endOfLocalDay(instant: string, timeZone: string): string {
  const zone = checkZone(timeZone);
  const local = toLocal(parseInstant(instant), zone);
  return formatInstant(resolveLocal((local.day + 1) * MS_PER_DAY, zone) - 1);
}
