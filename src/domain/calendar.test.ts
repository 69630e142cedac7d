import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type BusinessCalendar,
  CalendarError,
  addBusinessDays,
  addCalendarDays,
  addMonths,
  businessDaysBetween,
  endOfLocalDay,
  isBusinessDay,
  localDate,
  nextBusinessDay,
  startOfLocalDay,
  validateCalendar,
} from './calendar.js';

// Weekdays used below (checked): 2026-11-19 Thu, 11-20 Fri, 11-21 Sat, 11-22 Sun, 11-23 Mon,
// 2026-12-24 Thu, 12-25 Fri, 12-26 Sat, 12-28 Mon, 2027-01-01 Fri.
const utc: BusinessCalendar = { timeZone: 'UTC', holidays: [] };
const london: BusinessCalendar = { timeZone: 'Europe/London', holidays: [] };
const newYork: BusinessCalendar = { timeZone: 'America/New_York', holidays: [] };
const tokyo: BusinessCalendar = { timeZone: 'Asia/Tokyo', holidays: [] };
const ukChristmas: BusinessCalendar = {
  timeZone: 'Europe/London',
  holidays: ['2026-12-25', '2026-12-28', '2027-01-01'], // Christmas, Boxing Day (substitute), New Year
};

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CalendarError);
    return err as CalendarError;
  }
  throw new Error('expected a CalendarError, nothing was thrown');
}

describe('local dates', () => {
  it('reads the date of an instant in a zone', () => {
    expect(localDate('2026-11-21T04:30:00.000Z', 'America/New_York')).toBe('2026-11-20');
    expect(localDate('2026-11-21T04:30:00.000Z', 'UTC')).toBe('2026-11-21');
    expect(localDate('2026-11-22T15:30:00.000Z', 'Asia/Tokyo')).toBe('2026-11-23');
    expect(localDate('2026-11-20T23:30:00-05:00', 'America/New_York')).toBe('2026-11-20');
  });

  it('knows weekends and holidays', () => {
    expect(isBusinessDay('2026-11-20', utc)).toBe(true);
    expect(isBusinessDay('2026-11-21', utc)).toBe(false);
    expect(isBusinessDay('2026-11-22', utc)).toBe(false);
    expect(isBusinessDay('2026-11-23', utc)).toBe(true);
    expect(isBusinessDay('2026-12-25', ukChristmas)).toBe(false);
    expect(isBusinessDay('2026-12-24', ukChristmas)).toBe(true);
    const fridaySaturday = { ...utc, weekend: [5, 6] };
    expect(isBusinessDay('2026-11-20', fridaySaturday)).toBe(false);
    expect(isBusinessDay('2026-11-22', fridaySaturday)).toBe(true);
  });

  it('finds the next business day strictly after a date', () => {
    expect(nextBusinessDay('2026-11-20', utc)).toBe('2026-11-23');
    expect(nextBusinessDay('2026-11-21', utc)).toBe('2026-11-23');
    expect(nextBusinessDay('2026-11-23', utc)).toBe('2026-11-24');
    expect(nextBusinessDay('2026-11-20', { ...utc, holidays: ['2026-11-23'] })).toBe('2026-11-24');
    expect(nextBusinessDay('2026-12-24', ukChristmas)).toBe('2026-12-29');
    expect(nextBusinessDay('2026-12-31', ukChristmas)).toBe('2027-01-04');
    expect(nextBusinessDay('2028-02-28', utc)).toBe('2028-02-29');
  });
});

describe('adding business days over weekends', () => {
  it('Friday + 1 is Monday, at the same time', () => {
    expect(addBusinessDays('2026-11-20T14:00:00.000Z', 1, utc)).toBe('2026-11-23T14:00:00.000Z');
  });

  it('Saturday + 1 and Sunday + 1 are Monday; Saturday + 2 is Tuesday', () => {
    expect(addBusinessDays('2026-11-21T09:15:00.000Z', 1, utc)).toBe('2026-11-23T09:15:00.000Z');
    expect(addBusinessDays('2026-11-22T09:15:00.000Z', 1, utc)).toBe('2026-11-23T09:15:00.000Z');
    expect(addBusinessDays('2026-11-21T09:15:00.000Z', 2, utc)).toBe('2026-11-24T09:15:00.000Z');
  });

  it('Thursday + 2 is Monday; Monday + 5 is the next Monday', () => {
    expect(addBusinessDays('2026-11-19T10:00:00.000Z', 2, utc)).toBe('2026-11-23T10:00:00.000Z');
    expect(addBusinessDays('2026-11-23T10:00:00.000Z', 5, utc)).toBe('2026-11-30T10:00:00.000Z');
    expect(addBusinessDays('2026-11-23T10:00:00.000Z', 1, utc)).toBe('2026-11-24T10:00:00.000Z');
  });

  it('0 keeps a business-day instant (normalised) and moves a weekend one to the next business day', () => {
    expect(addBusinessDays('2026-11-23T15:00:00+01:00', 0, utc)).toBe('2026-11-23T14:00:00.000Z');
    expect(addBusinessDays('2026-11-21T09:15:00.000Z', 0, utc)).toBe('2026-11-23T09:15:00.000Z');
  });

  it('honours a custom weekend', () => {
    const fridaySaturday = { ...utc, weekend: [5, 6] };
    expect(addBusinessDays('2026-11-19T10:00:00.000Z', 1, fridaySaturday)).toBe('2026-11-22T10:00:00.000Z');
  });
});

describe('adding business days over holidays', () => {
  it('a Monday holiday pushes Friday + 1 to Tuesday', () => {
    const cal = { ...utc, holidays: ['2026-11-23'] };
    expect(addBusinessDays('2026-11-20T14:00:00.000Z', 1, cal)).toBe('2026-11-24T14:00:00.000Z');
    expect(addBusinessDays('2026-11-20T14:00:00.000Z', 1, utc)).toBe('2026-11-23T14:00:00.000Z');
  });

  it('skips Christmas, Boxing Day and New Year', () => {
    // London is on GMT in December, so 09:00 local is 09:00Z.
    expect(addBusinessDays('2026-12-24T09:00:00.000Z', 1, ukChristmas)).toBe('2026-12-29T09:00:00.000Z');
    expect(addBusinessDays('2026-12-24T09:00:00.000Z', 3, ukChristmas)).toBe('2026-12-31T09:00:00.000Z');
    expect(addBusinessDays('2026-12-24T09:00:00.000Z', 4, ukChristmas)).toBe('2027-01-04T09:00:00.000Z');
    expect(addBusinessDays('2026-12-25T09:00:00.000Z', 0, ukChristmas)).toBe('2026-12-29T09:00:00.000Z');
  });
});

describe('business days in the calendar’s time zone', () => {
  it('Friday 23:30 in New York is Saturday in UTC', () => {
    const fridayNight = '2026-11-21T04:30:00.000Z'; // Fri 2026-11-20 23:30 EST
    expect(addBusinessDays(fridayNight, 1, newYork)).toBe('2026-11-24T04:30:00.000Z'); // Mon 23:30 EST
    expect(addBusinessDays(fridayNight, 1, utc)).toBe('2026-11-23T04:30:00.000Z'); // Sat + 1 in UTC
    expect(addBusinessDays(fridayNight, 0, newYork)).toBe(fridayNight);
  });

  it('Monday 00:30 in Tokyo is Sunday in UTC', () => {
    const mondayEarly = '2026-11-22T15:30:00.000Z'; // Mon 2026-11-23 00:30 JST
    expect(addBusinessDays(mondayEarly, 0, tokyo)).toBe(mondayEarly);
    expect(addBusinessDays(mondayEarly, 1, tokyo)).toBe('2026-11-23T15:30:00.000Z'); // Tue 00:30 JST
    expect(addBusinessDays(mondayEarly, 1, utc)).toBe('2026-11-23T15:30:00.000Z'); // Sun + 1 = Mon in UTC
    expect(addBusinessDays(mondayEarly, 0, utc)).toBe('2026-11-23T15:30:00.000Z');
    expect(addBusinessDays(mondayEarly, 2, tokyo)).toBe('2026-11-24T15:30:00.000Z');
    expect(addBusinessDays(mondayEarly, 2, utc)).toBe('2026-11-24T15:30:00.000Z');
  });
});

describe('daylight saving changes keep the local wall-clock time', () => {
  it('Europe/London, clocks back on Sunday 2026-10-25', () => {
    // Fri 09:00 BST (08:00Z) + 1 = Mon 09:00 GMT (09:00Z).
    expect(addBusinessDays('2026-10-23T08:00:00.000Z', 1, london)).toBe('2026-10-26T09:00:00.000Z');
    expect(addCalendarDays('2026-10-24T11:00:00.000Z', 1, 'Europe/London')).toBe('2026-10-25T12:00:00.000Z');
  });

  it('Europe/London, clocks forward on Sunday 2026-03-29', () => {
    // Fri 09:00 GMT (09:00Z) + 1 = Mon 09:00 BST (08:00Z).
    expect(addBusinessDays('2026-03-27T09:00:00.000Z', 1, london)).toBe('2026-03-30T08:00:00.000Z');
    expect(addCalendarDays('2026-03-28T12:00:00.000Z', 1, 'Europe/London')).toBe('2026-03-29T11:00:00.000Z');
  });

  it('America/New_York, clocks back on Sunday 2026-11-01', () => {
    // Fri 09:00 EDT (13:00Z) + 1 = Mon 09:00 EST (14:00Z).
    expect(addBusinessDays('2026-10-30T13:00:00.000Z', 1, newYork)).toBe('2026-11-02T14:00:00.000Z');
    expect(addCalendarDays('2026-10-31T16:00:00.000Z', 1, 'America/New_York')).toBe(
      '2026-11-01T17:00:00.000Z',
    );
  });

  it('America/New_York, clocks forward on Sunday 2026-03-08', () => {
    // Fri 09:00 EST (14:00Z) + 1 = Mon 09:00 EDT (13:00Z).
    expect(addBusinessDays('2026-03-06T14:00:00.000Z', 1, newYork)).toBe('2026-03-09T13:00:00.000Z');
    expect(addCalendarDays('2026-03-07T17:00:00.000Z', 1, 'America/New_York')).toBe(
      '2026-03-08T16:00:00.000Z',
    );
    expect(addCalendarDays('2026-03-08T16:00:00.000Z', -1, 'America/New_York')).toBe(
      '2026-03-07T17:00:00.000Z',
    );
  });

  it('a time skipped by clocks going forward moves forward by the gap', () => {
    // Sat 01:30 GMT + 1 day: 01:30 does not exist on 2026-03-29, so 02:30 BST (01:30Z).
    expect(addCalendarDays('2026-03-28T01:30:00.000Z', 1, 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    // Sat 02:30 EST + 1 day: 02:30 does not exist on 2026-03-08, so 03:30 EDT (07:30Z).
    expect(addCalendarDays('2026-03-07T07:30:00.000Z', 1, 'America/New_York')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    const sundayWorks = { ...london, weekend: [6] };
    expect(addBusinessDays('2026-03-28T01:30:00.000Z', 1, sundayWorks)).toBe('2026-03-29T01:30:00.000Z');
  });

  it('a time repeated by clocks going back keeps the starting UTC offset', () => {
    // 01:30 on 2026-10-25 in London is 00:30Z (BST) and again 01:30Z (GMT).
    expect(addCalendarDays('2026-10-24T00:30:00.000Z', 1, 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(addCalendarDays('2026-10-26T01:30:00.000Z', -1, 'Europe/London')).toBe('2026-10-25T01:30:00.000Z');
    // 01:30 on 2026-11-01 in New York is 05:30Z (EDT) and again 06:30Z (EST).
    expect(addCalendarDays('2026-10-31T05:30:00.000Z', 1, 'America/New_York')).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(addCalendarDays('2026-11-02T06:30:00.000Z', -1, 'America/New_York')).toBe(
      '2026-11-01T06:30:00.000Z',
    );
    // Both occurrences stay themselves.
    expect(addCalendarDays('2026-10-25T01:30:00.000Z', 0, 'Europe/London')).toBe('2026-10-25T01:30:00.000Z');
    expect(addCalendarDays('2026-10-25T00:30:00.000Z', 0, 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });

  describe('with the system clock in summer and in winter', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('gives the same answers: nothing reads the clock', () => {
      const answers = (): string[] => [
        addCalendarDays('2026-10-24T00:30:00.000Z', 1, 'Europe/London'),
        addCalendarDays('2026-10-26T01:30:00.000Z', -1, 'Europe/London'),
        startOfLocalDay('2026-10-25', 'Europe/London'),
        endOfLocalDay('2026-04-04T12:00:00.000Z', 'America/Santiago'),
        addBusinessDays('2026-10-23T08:00:00.000Z', 1, london),
      ];
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2030-07-01T12:00:00.000Z'));
      const summer = answers();
      vi.setSystemTime(new Date('2030-01-01T12:00:00.000Z'));
      const winter = answers();
      expect(summer).toEqual(winter);
      expect(summer).toEqual([
        '2026-10-25T00:30:00.000Z',
        '2026-10-25T01:30:00.000Z',
        '2026-10-24T23:00:00.000Z',
        '2026-04-05T03:59:59.999Z',
        '2026-10-26T09:00:00.000Z',
      ]);
    });
  });
});

describe('adding calendar days and months', () => {
  it('adds and subtracts calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-12-31T14:00:00.000Z', 1, 'UTC')).toBe('2027-01-01T14:00:00.000Z');
    expect(addCalendarDays('2026-03-01T14:00:00.000Z', -1, 'UTC')).toBe('2026-02-28T14:00:00.000Z');
    expect(addCalendarDays('2028-03-01T14:00:00.000Z', -1, 'UTC')).toBe('2028-02-29T14:00:00.000Z');
    expect(addCalendarDays('2026-11-20T14:00:00.000Z', 0, 'UTC')).toBe('2026-11-20T14:00:00.000Z');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31T12:00:00.000Z', 1, 'UTC')).toBe('2026-02-28T12:00:00.000Z');
    expect(addMonths('2028-01-31T12:00:00.000Z', 1, 'UTC')).toBe('2028-02-29T12:00:00.000Z');
    expect(addMonths('2026-03-31T12:00:00.000Z', -1, 'UTC')).toBe('2026-02-28T12:00:00.000Z');
    expect(addMonths('2026-08-31T12:00:00.000Z', 1, 'UTC')).toBe('2026-09-30T12:00:00.000Z');
    expect(addMonths('2028-02-29T12:00:00.000Z', 12, 'UTC')).toBe('2029-02-28T12:00:00.000Z');
  });

  it('clamps only the result, not the steps, and crosses years', () => {
    expect(addMonths('2026-01-31T12:00:00.000Z', 2, 'UTC')).toBe('2026-03-31T12:00:00.000Z');
    expect(addMonths('2026-11-15T12:00:00.000Z', 3, 'UTC')).toBe('2027-02-15T12:00:00.000Z');
    expect(addMonths('2026-02-15T12:00:00.000Z', -3, 'UTC')).toBe('2025-11-15T12:00:00.000Z');
    expect(addMonths('2026-02-15T12:00:00.000Z', -26, 'UTC')).toBe('2023-12-15T12:00:00.000Z');
  });

  it('keeps the wall-clock time and clamps in the local zone', () => {
    // Sat 31 Jan 09:00 GMT + 3 months = Thu 30 Apr 09:00 BST (08:00Z).
    expect(addMonths('2026-01-31T09:00:00.000Z', 3, 'Europe/London')).toBe('2026-04-30T08:00:00.000Z');
    // 2026-01-31T23:30 in New York is 2026-02-01T04:30Z; a month on is 2026-02-28 23:30 EST.
    expect(addMonths('2026-02-01T04:30:00.000Z', 1, 'America/New_York')).toBe('2026-03-01T04:30:00.000Z');
    expect(addMonths('2026-02-01T04:30:00.000Z', 1, 'UTC')).toBe('2026-03-01T04:30:00.000Z');
    expect(addMonths('2026-01-31T04:30:00.000Z', 1, 'UTC')).toBe('2026-02-28T04:30:00.000Z');
    // 2026-01-30T20:00Z is 2026-01-31 05:00 JST; a month on is 2026-02-28 05:00 JST.
    expect(addMonths('2026-01-30T20:00:00.000Z', 1, 'Asia/Tokyo')).toBe('2026-02-27T20:00:00.000Z');
    expect(addMonths('2026-01-30T20:00:00.000Z', 1, 'UTC')).toBe('2026-02-28T20:00:00.000Z');
  });
});

describe('the edges of a local day', () => {
  it('ends a day at 23:59:59.999 local', () => {
    expect(endOfLocalDay('2026-11-20T14:00:00.000Z', 'Europe/London')).toBe('2026-11-20T23:59:59.999Z');
    expect(endOfLocalDay('2026-11-21T04:30:00.000Z', 'America/New_York')).toBe('2026-11-21T04:59:59.999Z');
    expect(endOfLocalDay('2026-11-22T15:30:00.000Z', 'Asia/Tokyo')).toBe('2026-11-23T14:59:59.999Z');
    expect(endOfLocalDay('2026-07-01T10:00:00.000Z', 'Europe/London')).toBe('2026-07-01T22:59:59.999Z');
  });

  it('starts a day at 00:00 local', () => {
    expect(startOfLocalDay('2026-11-20', 'Europe/London')).toBe('2026-11-20T00:00:00.000Z');
    expect(startOfLocalDay('2026-07-02', 'Europe/London')).toBe('2026-07-01T23:00:00.000Z');
    expect(startOfLocalDay('2026-11-20', 'America/New_York')).toBe('2026-11-20T05:00:00.000Z');
    expect(startOfLocalDay('2026-11-23', 'Asia/Tokyo')).toBe('2026-11-22T15:00:00.000Z');
  });

  it('handles the 25- and 23-hour days of a DST change', () => {
    expect(startOfLocalDay('2026-10-25', 'Europe/London')).toBe('2026-10-24T23:00:00.000Z');
    expect(endOfLocalDay('2026-10-25T12:00:00.000Z', 'Europe/London')).toBe('2026-10-25T23:59:59.999Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/London')).toBe('2026-03-29T00:00:00.000Z');
    expect(endOfLocalDay('2026-03-29T12:00:00.000Z', 'Europe/London')).toBe('2026-03-29T22:59:59.999Z');
  });

  it('handles clocks that change at midnight (America/Santiago)', () => {
    // 2026-09-06: 00:00 -04 jumps to 01:00 -03, so the day starts at 01:00 -03 (04:00Z) …
    expect(startOfLocalDay('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    // … and the day before ends at 23:59:59.999 -04.
    expect(endOfLocalDay('2026-09-05T12:00:00.000Z', 'America/Santiago')).toBe('2026-09-06T03:59:59.999Z');
    // 2026-04-05: 00:00 -03 falls back to 23:00 -04 on the 4th, which ends at the later 23:59:59.999.
    expect(endOfLocalDay('2026-04-04T12:00:00.000Z', 'America/Santiago')).toBe('2026-04-05T03:59:59.999Z');
    expect(startOfLocalDay('2026-04-05', 'America/Santiago')).toBe('2026-04-05T04:00:00.000Z');
  });
});

describe('counting business days between instants', () => {
  it('counts days after the start date up to and including the end date', () => {
    expect(businessDaysBetween('2026-11-20T14:00:00.000Z', '2026-11-23T09:00:00.000Z', utc)).toBe(1);
    expect(businessDaysBetween('2026-11-23T10:00:00.000Z', '2026-11-30T10:00:00.000Z', utc)).toBe(5);
    expect(businessDaysBetween('2026-11-21T10:00:00.000Z', '2026-11-22T10:00:00.000Z', utc)).toBe(0);
    expect(businessDaysBetween('2026-11-21T10:00:00.000Z', '2026-11-23T10:00:00.000Z', utc)).toBe(1);
    expect(businessDaysBetween('2026-11-19T10:00:00.000Z', '2026-11-24T10:00:00.000Z', utc)).toBe(3);
  });

  it('is 0 on the same local date and negative when the end is earlier', () => {
    expect(businessDaysBetween('2026-11-23T09:00:00.000Z', '2026-11-23T17:00:00.000Z', utc)).toBe(0);
    expect(businessDaysBetween('2026-11-23T17:00:00.000Z', '2026-11-23T09:00:00.000Z', utc)).toBe(0);
    expect(businessDaysBetween('2026-11-30T10:00:00.000Z', '2026-11-23T10:00:00.000Z', utc)).toBe(-5);
    expect(businessDaysBetween('2026-11-23T10:00:00.000Z', '2026-11-20T10:00:00.000Z', utc)).toBe(-1);
  });

  it('skips holidays, each counted once and only on a working weekday', () => {
    expect(businessDaysBetween('2026-12-24T09:00:00.000Z', '2026-12-31T09:00:00.000Z', ukChristmas)).toBe(3);
    expect(businessDaysBetween('2026-01-01T12:00:00.000Z', '2027-01-01T12:00:00.000Z', utc)).toBe(261);
    const cal = {
      ...utc,
      holidays: [
        '2026-01-01',
        '2026-12-25',
        '2026-12-25',
        '2026-12-26',
        '2026-12-28',
        '2027-01-01',
        '2027-01-04',
      ],
    };
    expect(businessDaysBetween('2026-01-01T12:00:00.000Z', '2027-01-01T12:00:00.000Z', cal)).toBe(258);
    expect(businessDaysBetween('2027-01-01T12:00:00.000Z', '2026-01-01T12:00:00.000Z', cal)).toBe(-258);
  });

  it('uses the calendar’s zone for both dates', () => {
    const fridayNight = '2026-11-21T04:30:00.000Z'; // Fri 23:30 EST, Sat in UTC
    const mondayNight = '2026-11-24T03:00:00.000Z'; // Mon 22:00 EST, Tue in UTC
    expect(businessDaysBetween(fridayNight, mondayNight, newYork)).toBe(1);
    expect(businessDaysBetween(fridayNight, mondayNight, utc)).toBe(2);
  });

  it('agrees with addBusinessDays', () => {
    const cal = { ...ukChristmas, weekend: [5, 6] };
    for (const start of [
      '2026-12-19T10:00:00.000Z',
      '2026-12-24T23:30:00.000Z',
      '2026-12-26T08:00:00.000Z',
    ]) {
      for (let n = 1; n <= 12; n += 1) {
        expect(businessDaysBetween(start, addBusinessDays(start, n, cal), cal), `${start} + ${n}`).toBe(n);
      }
    }
  });
});

describe('refusing bad input', () => {
  it('names an unknown time zone', () => {
    expect(errorOf(() => validateCalendar({ timeZone: 'Mars/Olympus', holidays: [] })).message).toContain(
      '"Mars/Olympus"',
    );
    expect(errorOf(() => localDate('2026-11-20T14:00:00.000Z', 'Mars/Olympus')).message).toContain(
      'Mars/Olympus',
    );
    expect(errorOf(() => addCalendarDays('2026-11-20T14:00:00.000Z', 1, '')).message).toContain('time zone');
    // The machine's own zone would make results depend on where they are computed.
    expect(errorOf(() => startOfLocalDay('2026-11-20', 'local')).message).toContain('"local"');
    expect(() => validateCalendar(london)).not.toThrow();
  });

  it('names a holiday that is not a real date', () => {
    for (const bad of ['2026-02-30', '26-1-1', '2026-13-01', '2026-11-20T00:00', '']) {
      const err = errorOf(() => validateCalendar({ timeZone: 'UTC', holidays: ['2026-12-25', bad] }));
      expect(err.message, bad).toContain(`holiday "${bad}"`);
    }
    expect(() => validateCalendar({ timeZone: 'UTC', holidays: ['2028-02-29'] })).not.toThrow();
  });

  it('refuses weekend days that are not ISO weekdays, and a week with no business day', () => {
    expect(errorOf(() => validateCalendar({ ...utc, weekend: [0] })).message).toContain('"0"');
    expect(errorOf(() => validateCalendar({ ...utc, weekend: [6, 8] })).message).toContain('"8"');
    expect(errorOf(() => validateCalendar({ ...utc, weekend: [1, 2, 3, 4, 5, 6, 7] })).message).toContain(
      'every day',
    );
  });

  it('validates the calendar on every call', () => {
    const bad = { timeZone: 'Mars/Olympus', holidays: [] };
    const badHoliday = { timeZone: 'UTC', holidays: ['2026-02-30'] };
    const at = '2026-11-20T14:00:00.000Z';
    for (const cal of [bad, badHoliday]) {
      expect(() => isBusinessDay('2026-11-20', cal)).toThrow(CalendarError);
      expect(() => nextBusinessDay('2026-11-20', cal)).toThrow(CalendarError);
      expect(() => addBusinessDays(at, 1, cal)).toThrow(CalendarError);
      expect(() => businessDaysBetween(at, at, cal)).toThrow(CalendarError);
    }
  });

  it('names an invalid instant', () => {
    for (const bad of [
      'not a time',
      '2026-11-20',
      '2026-11-20T14:00',
      '2026-02-30T10:00:00Z',
      '20/11/2026',
      '',
    ]) {
      expect(errorOf(() => addBusinessDays(bad, 1, utc)).message, bad).toContain(`"${bad}"`);
      expect(errorOf(() => localDate(bad, 'UTC')).message, bad).toContain(`"${bad}"`);
      expect(errorOf(() => endOfLocalDay(bad, 'UTC')).message, bad).toContain(`"${bad}"`);
    }
    expect(errorOf(() => businessDaysBetween('2026-11-20T14:00:00Z', 'soon', utc)).message).toContain(
      '"soon"',
    );
  });

  it('names an invalid local date', () => {
    expect(errorOf(() => isBusinessDay('2026-02-30', utc)).message).toContain('"2026-02-30"');
    expect(errorOf(() => nextBusinessDay('26-1-1', utc)).message).toContain('"26-1-1"');
    expect(errorOf(() => startOfLocalDay('2026-11-20T00:00:00Z', 'UTC')).message).toContain(
      '"2026-11-20T00:00:00Z"',
    );
  });

  it('refuses negative or fractional day counts', () => {
    expect(errorOf(() => addBusinessDays('2026-11-20T14:00:00.000Z', -1, utc)).message).toContain('-1');
    expect(() => addBusinessDays('2026-11-20T14:00:00.000Z', 1.5, utc)).toThrow(CalendarError);
    expect(() => addBusinessDays('2026-11-20T14:00:00.000Z', Number.NaN, utc)).toThrow(CalendarError);
    expect(() => addCalendarDays('2026-11-20T14:00:00.000Z', 0.5, 'UTC')).toThrow(CalendarError);
    expect(() => addMonths('2026-11-20T14:00:00.000Z', Number.POSITIVE_INFINITY, 'UTC')).toThrow(
      CalendarError,
    );
  });

  it('is a named Error', () => {
    const err = errorOf(() => localDate('nope', 'UTC'));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('CalendarError');
  });
});
