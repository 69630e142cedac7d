/**
 * The open steps as an iCalendar feed, for a file (`onward calendar --out`) or a subscription URL
 * that carries a secret token.
 */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { effectiveDue } from '../domain/playbook.js';
import { stepTitle } from '../domain/step-titles.js';
import { buildCalendar, type CalendarEntry } from '../mail/ics.js';
import { inTransaction, reposOf, type Context } from './context.js';

const TOKEN_KEY = 'calendarToken';

/** The calendar of every open or snoozed step. All-day steps appear at 09:00 on their day. */
export async function calendarFeed(ctx: Context): Promise<string> {
  const repos = reposOf(ctx);
  const [steps, apps, contacts] = await Promise.all([
    repos.steps.list({ states: ['open', 'snoozed'] }),
    repos.applications.list({}),
    repos.contacts.list({}),
  ]);
  const appsById = new Map(apps.map((a) => [a.id, a]));
  const people = new Map(contacts.map((c) => [c.id, c.name]));
  const zone = ctx.user.timeZone;
  const entries: CalendarEntry[] = steps.map((s) => {
    const app = s.applicationId ? appsById.get(s.applicationId) : undefined;
    const due = effectiveDue(s);
    const start =
      s.allDay && s.state !== 'snoozed'
        ? DateTime.fromISO(due, { zone })
            .set({ hour: 9, minute: 0, second: 0, millisecond: 0 })
            .toUTC()
            .toISO()!
        : due;
    return {
      uid: `${s.id}@onward`,
      summary: stepTitle(
        s.kind,
        app?.companyName ?? null,
        s.contactId ? (people.get(s.contactId) ?? null) : null,
        s.subject,
      ),
      description: [app ? `${app.companyName} · ${app.role}` : null, s.why, `Step ${s.id}`]
        .filter(Boolean)
        .join('\n'),
      start,
      durationMinutes: 30,
      updatedAt: s.updatedAt,
      alarmMinutesBefore: 0,
    };
  });
  entries.sort((a, b) => (a.start === b.start ? a.uid.localeCompare(b.uid) : a.start < b.start ? -1 : 1));
  return buildCalendar(entries, {
    name: 'Onward steps',
    description: 'Your next steps from Onward',
    refreshMinutes: 60,
  });
}

/** The secret in the subscription URL, made on first use. */
export async function calendarToken(ctx: Context, renew = false): Promise<string> {
  return inTransaction(ctx, async (repos) => {
    const stored = (await repos.settings.all())[TOKEN_KEY];
    if (typeof stored === 'string' && stored.length >= 32 && !renew) return stored;
    const token = randomBytes(24).toString('base64url');
    await repos.settings.set(TOKEN_KEY, token);
    return token;
  });
}

const digest = (v: string) => createHash('sha256').update(v).digest();

export async function isCalendarToken(ctx: Context, given: string): Promise<boolean> {
  const stored = (await reposOf(ctx).settings.all())[TOKEN_KEY];
  return typeof stored === 'string' && timingSafeEqual(digest(stored), digest(given));
}
