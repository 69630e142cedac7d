import { describe, expect, it } from 'vitest';
import { Problem } from './errors.js';
import { isInstant, parseUserTime, toInstant } from './time.js';

describe('reading times the seeker types', () => {
  it('reads a date as the start of that day in their zone', () => {
    expect(parseUserTime('2026-11-02', 'Europe/London')).toBe('2026-11-02T00:00:00.000Z');
    expect(parseUserTime('2026-07-02', 'Europe/London')).toBe('2026-07-01T23:00:00.000Z');
    expect(parseUserTime('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z');
  });

  it('reads a local time in their zone, and an explicit zone as given', () => {
    expect(parseUserTime('2026-11-10T14:00', 'Asia/Tokyo')).toBe('2026-11-10T05:00:00.000Z');
    expect(parseUserTime('2026-11-10 14:00', 'UTC')).toBe('2026-11-10T14:00:00.000Z');
    expect(parseUserTime('2026-11-10T14:00:00Z', 'Asia/Tokyo')).toBe('2026-11-10T14:00:00.000Z');
    expect(parseUserTime('2026-11-10T14:00:00+01:00', 'UTC')).toBe('2026-11-10T13:00:00.000Z');
  });

  it('refuses impossible dates and other words, naming the value', () => {
    for (const bad of ['2026-02-30', '2026-13-01', 'next tuesday', '02/11/2026', '2026-11-10T25:00', '']) {
      let caught: unknown;
      try {
        parseUserTime(bad, 'UTC', 'applied date');
      } catch (err) {
        caught = err;
      }
      expect(caught, bad).toBeInstanceOf(Problem);
      expect((caught as Problem).message).toContain(`"${bad}" is not a valid applied date`);
    }
  });

  it('recognises and normalises stored instants', () => {
    expect(isInstant('2026-11-10T14:00:00.000Z')).toBe(true);
    expect(isInstant('2026-11-10')).toBe(false);
    expect(toInstant('2026-11-10T15:00:00+01:00')).toBe('2026-11-10T14:00:00.000Z');
  });
});
