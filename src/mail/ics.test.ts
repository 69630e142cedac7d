import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { Problem } from '../domain/errors.js';
import { buildCalendar, foldLine } from './ics.js';
import type { CalendarEntry } from './ics.js';

// ical.js reads unknown X- properties as raw values; calendar apps read these as TEXT, and so do we.
for (const name of ['x-wr-calname', 'x-wr-caldesc', 'name']) {
  ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

function parse(ics: string): { calendar: InstanceType<typeof ICAL.Component>; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

/** Physical lines, checking the CRLF endings on the way: no bare CR or LF anywhere. */
function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
  }
  return lines;
}

const base: CalendarEntry = {
  uid: 'step-1@onward',
  summary: 'Send thanks to Acme',
  start: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-20T16:45:12.000Z',
};

const longDescription = [
  'Thank Dana Lee, the hiring manager; mention the API-design exercise, the team offsite, and the 3 questions.',
  'Path: C:\\Users\\sam\\notes\\acme.txt — keep it short, kind; no argument.',
  'Merci pour l’entretien du 10 novembre — à bientôt ! 🙏🏽🎉 Добрый день, 面接ありがとうございました。감사합니다. مرحبا بكم',
  '',
  'Emoji run: 😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩😘😗😚😙🥲😋😛😜🤪😝🤑🤗🤭🤫🤔',
].join('\n');

describe('buildCalendar', () => {
  it('writes the calendar header with the name, description and refresh interval', () => {
    const ics = buildCalendar([], {
      name: 'Onward — Sam, steps',
      description: 'Next steps',
      refreshMinutes: 60,
    });
    const { calendar, events } = parse(ics);
    expect(events).toHaveLength(0);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Onward//Onward steps//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Onward — Sam, steps');
    expect(calendar.getFirstPropertyValue('name')).toBe('Onward — Sam, steps');
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe('Next steps');
    expect(ics).toContain('\r\nX-WR-CALNAME:Onward — Sam\\, steps\r\n');
    expect(ics).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(ics).toContain('\r\nX-PUBLISHED-TTL:PT1H\r\n');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT1H');
  });

  it('leaves the refresh interval out when not asked, and an empty calendar still parses', () => {
    const ics = buildCalendar([], { name: 'Empty' });
    expect(ics).not.toContain('REFRESH-INTERVAL');
    expect(ics).not.toContain('X-PUBLISHED-TTL');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const { calendar, events } = parse(ics);
    expect(events).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Empty');
  });

  it('writes one event per entry with UID, times, duration, sequence and URL', () => {
    const entries: CalendarEntry[] = [
      { ...base, url: 'https://acme.example/jobs/42?ref=onward,a;b', sequence: 3 },
      {
        uid: 'step-2@onward',
        summary: 'Follow up with Globex',
        start: '2026-12-01T15:30:00+01:00',
        durationMinutes: 90,
        updatedAt: '2026-11-21T08:00:00Z',
      },
      {
        uid: 'step-3@onward',
        summary: 'Stay in touch',
        start: '2027-05-23T23:45:00.000Z',
        durationMinutes: 1440,
        updatedAt: '2026-11-21T08:00:00Z',
      },
    ];
    const ics = buildCalendar(entries, { name: 'Onward' });
    const { events } = parse(ics);
    expect(events).toHaveLength(3);
    const [first, second, third] = events as [ICAL.Event, ICAL.Event, ICAL.Event];

    expect(first.uid).toBe('step-1@onward');
    expect(first.summary).toBe('Send thanks to Acme');
    expect(first.startDate.toJSDate().toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(first.startDate.zone.tzid).toBe('UTC');
    expect(first.duration.toSeconds()).toBe(30 * 60);
    expect(first.endDate.toJSDate().toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(first.sequence).toBe(3);
    expect(first.component.getFirstPropertyValue('url')).toBe('https://acme.example/jobs/42?ref=onward,a;b');
    expect(String(first.component.getFirstPropertyValue('dtstamp'))).toBe('2026-11-20T16:45:12Z');
    expect(String(first.component.getFirstPropertyValue('last-modified'))).toBe('2026-11-20T16:45:12Z');
    expect(ics).toContain('\r\nDTSTART:20261123T090000Z\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20261120T164512Z\r\n');

    expect(second.uid).toBe('step-2@onward');
    expect(second.startDate.toJSDate().toISOString()).toBe('2026-12-01T14:30:00.000Z');
    expect(second.duration.toSeconds()).toBe(90 * 60);
    expect(second.sequence).toBe(0);
    expect(second.description).toBeNull();
    expect(second.component.getFirstPropertyValue('url')).toBeNull();
    expect(ics).toContain('\r\nDURATION:PT1H30M\r\n');

    expect(third.duration.toSeconds()).toBe(24 * 60 * 60);
    expect(third.endDate.toJSDate().toISOString()).toBe('2027-05-24T23:45:00.000Z');
    expect(third.component.getFirstSubcomponent('valarm')).toBeNull();
  });

  it('round-trips summaries and descriptions with special characters through folded lines', () => {
    const summary = 'Thank Dana; ask for feedback, kindly \\ gently — 面接のお礼 🙏 '.repeat(3);
    const ics = buildCalendar([{ ...base, summary, description: longDescription }], {
      name: 'Étapes, suivantes; « Onward » 🚀',
    });
    const { calendar, events } = parse(ics);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.summary).toBe(summary);
    expect(event.description).toBe(longDescription);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Étapes, suivantes; « Onward » 🚀');
    // the folding really happened
    expect(ics).toMatch(/\r\n [^\r\n]/);
    // the escaping is the RFC 5545 one
    expect(ics).toContain('SUMMARY:Thank Dana\\; ask for feedback\\, kindly \\\\ gently');
  });

  it('normalizes CRLF and CR newlines in descriptions and drops control characters', () => {
    const ics = buildCalendar([{ ...base, description: 'one\r\ntwo\rthree\nfour\u0007\tfive' }], {
      name: 'x',
    });
    expect(parse(ics).events[0]!.description).toBe('one\ntwo\nthree\nfour\tfive');
  });

  it('keeps every physical line within 75 octets, with CRLF endings and no split character', () => {
    const entries: CalendarEntry[] = Array.from({ length: 5 }, (_, i) => ({
      ...base,
      uid: `step-${i}-${'x'.repeat(i * 20)}@onward`,
      summary: `${'é'.repeat(i * 7)}${'😀'.repeat(i * 11)}${'a'.repeat(i)} ${longDescription.slice(0, 40 * i)}`,
      description: longDescription.repeat(i + 1),
      url: `https://acme.example/${'path/'.repeat(i * 10)}`,
    }));
    const ics = buildCalendar(entries, {
      name: 'ü'.repeat(100),
      description: '中'.repeat(100),
      refreshMinutes: 30,
    });
    const lines = physicalLines(ics);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // no replacement character: each physical line is valid UTF-8 on its own
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
    }
    // and the content survives
    const { events } = parse(ics);
    expect(events.map((e) => e.uid)).toEqual(entries.map((e) => e.uid));
    expect(events.map((e) => e.summary)).toEqual(entries.map((e) => e.summary));
    expect(events.map((e) => e.description)).toEqual(entries.map((e) => e.description));
  });

  it('folds at exactly 75 octets without splitting a multi-byte character', () => {
    const ascii = `SUMMARY:${'a'.repeat(200)}`;
    const folded = foldLine(ascii).split('\r\n');
    expect(folded[0]).toHaveLength(75);
    expect(folded.slice(1).every((l) => l.startsWith(' ') && Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(ascii);

    // 74 ASCII bytes then a 4-byte emoji: the emoji must move to the next line whole
    const line = `${'b'.repeat(74)}😀tail`;
    const [head, next] = foldLine(line).split('\r\n') as [string, string];
    expect(head).toBe('b'.repeat(74));
    expect(next).toBe(' 😀tail');

    expect(foldLine('short')).toBe('short');
    expect(foldLine('c'.repeat(75))).toBe('c'.repeat(75));
  });

  it('adds a display alarm the given minutes before the start', () => {
    const ics = buildCalendar(
      [
        { ...base, alarmMinutesBefore: 15 },
        { ...base, uid: 'step-2@onward', alarmMinutesBefore: 0 },
        { ...base, uid: 'step-3@onward', alarmMinutesBefore: null },
      ],
      { name: 'x' },
    );
    const { events } = parse(ics);
    const alarm = events[0]!.component.getFirstSubcomponent('valarm')!;
    expect(alarm).not.toBeNull();
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('description')).toBe('Send thanks to Acme');
    const trigger = alarm.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-15 * 60);
    const atStart = events[1]!.component.getFirstSubcomponent('valarm')!;
    expect((atStart.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(0);
    expect(events[2]!.component.getFirstSubcomponent('valarm')).toBeNull();
  });

  it('is deterministic', () => {
    const entries = [{ ...base, description: longDescription, alarmMinutesBefore: 30 }];
    expect(buildCalendar(entries, { name: 'x', refreshMinutes: 15 })).toBe(
      buildCalendar(entries, { name: 'x', refreshMinutes: 15 }),
    );
  });

  it('leaves out a URL that is not an absolute web or mail link', () => {
    const ics = buildCalendar(
      [
        { ...base, url: 'acme.example/jobs' },
        { ...base, uid: 'b', url: 'javascript:alert(1)' },
        { ...base, uid: 'c', url: 'mailto:dana@acme.example' },
      ],
      { name: 'x' },
    );
    const urls = parse(ics).events.map((e) => e.component.getFirstPropertyValue('url'));
    expect(urls).toEqual([null, null, 'mailto:dana@acme.example']);
  });

  it('refuses instants without a zone, bad durations and bad alarms', () => {
    const build = (entry: Partial<CalendarEntry>) => () =>
      buildCalendar([{ ...base, ...entry }], { name: 'x' });
    expect(build({ start: '2026-11-23T09:00:00' })).toThrow(Problem);
    expect(build({ start: 'next tuesday' })).toThrow(/not an ISO instant/);
    expect(build({ updatedAt: '2026-13-45T09:00:00Z' })).toThrow(Problem);
    expect(build({ durationMinutes: 0 })).toThrow(/duration/);
    expect(build({ durationMinutes: 2.5 })).toThrow(/duration/);
    expect(build({ alarmMinutesBefore: -5 })).toThrow(/alarm/);
    expect(build({ uid: '  ' })).toThrow(/uid/);
    expect(() => buildCalendar([], { name: 'x', refreshMinutes: 0 })).toThrow(/refresh/);
  });
});
