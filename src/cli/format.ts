/** Plain-text output for people at a terminal. JSON output never comes through here. */
import { DateTime } from 'luxon';
import type { Contact, Instant } from '../domain/model.js';
import { STAGE_LABELS, type Stage } from '../domain/stages.js';

/** A date, with the time when it is not midnight (dates typed without a time land at midnight). */
export function when(instant: Instant, timeZone: string): string {
  const dt = DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone);
  return dt.hour === 0 && dt.minute === 0
    ? dt.toFormat('ccc d LLL yyyy')
    : dt.toFormat('ccc d LLL yyyy, HH:mm');
}

export function shortDate(instant: Instant, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toFormat('d LLL yyyy');
}

export const stageLabel = (stage: Stage): string => STAGE_LABELS[stage];

export function person(c: Pick<Contact, 'name' | 'email'>): string {
  return c.email ? `${c.name} <${c.email}>` : c.name;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** A left-aligned table; columns get their natural width up to a cap. */
export function table(headers: string[], rows: string[][], caps: number[] = []): string {
  const widths = headers.map((h, i) =>
    Math.min(caps[i] ?? 60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => clip(c, widths[i] ?? 10).padEnd(widths[i] ?? 10))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** "Key   value" lines with the keys aligned; empty values are left out. */
export function fields(pairs: [string, string | null | undefined][]): string {
  const shown = pairs.filter((p): p is [string, string] => Boolean(p[1]));
  const width = Math.max(0, ...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
