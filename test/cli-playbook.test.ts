/** The playbook commands as a seeker types them: reject, plan, today, done/skip/snooze, draft, calendar. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './dialects.js';

const FRIDAY = '2026-11-20T16:00:00Z';

interface Result {
  code: number;
  out: string;
  err: string;
}

interface PlanJson {
  applicationId: string;
  steps: { id: string; kind: string; due: string; status: string; why: string; rule: string }[];
}

for (const dialect of DIALECTS) {
  describe(`the playbook commands on ${dialect}`, () => {
    let dir: string;
    let database: TestDatabase;
    let home: string;

    const onward = async (now: string, ...args: string[]): Promise<Result> => {
      let out = '';
      let err = '';
      const code = await runCli(['--db', database.target, '--now', now, ...args], {
        out: (t) => (out += t),
        err: (t) => (err += t),
        env: { ONWARD_HOME: home },
        isTty: false,
      });
      return { code, out, err };
    };
    const json = async <T>(now: string, ...args: string[]): Promise<T> => {
      const r = await onward(now, ...args, '--json');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      return JSON.parse(r.out) as T;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'onward-cli-playbook-'));
      home = dir;
      database = await createTestDatabase(dialect, dir);
      expect((await onward(FRIDAY, 'settings', 'set', 'timeZone', 'UTC')).code).toBe(0);
    });
    afterAll(async () => {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('reject prints a plan; plan --json has the steps with their due times, why and rule', async () => {
      const app = await json<{ id: string }>(
        FRIDAY,
        'add',
        '--company',
        'Acme',
        '--role',
        'Data Analyst',
        '--applied',
        '2026-11-02',
      );
      await onward(
        FRIDAY,
        'interview',
        app.id,
        '--at',
        '2026-11-10T14:00:00Z',
        '--with',
        'Dana Lee <dana@acme.example>',
      );
      const rejected = await onward(FRIDAY, 'reject', app.id, '--reason', 'went with another candidate');
      expect(rejected.code).toBe(0);
      expect(rejected.out).toContain('Reply to Acme and ask for feedback');
      expect(rejected.out).toContain('Mon 23 Nov 2026');
      expect(rejected.out).toContain(`onward draft ${app.id.slice(0, 6)} rejection_reply`);

      const plan = await json<PlanJson>(FRIDAY, 'plan', app.id);
      expect(plan.applicationId).toBe(app.id);
      const reply = plan.steps.find((s) => s.kind === 'rejection_reply')!;
      expect(reply).toMatchObject({ due: '2026-11-23T00:00:00.000Z', status: 'open' });
      expect(reply.why).toMatch(/feedback/);
      expect(reply.rule).toBe('rejection_reply: 1 business day after the rejection');
      expect(plan.steps.filter((s) => s.kind === 'stay_in_touch').map((s) => s.due.slice(0, 10))).toEqual([
        '2027-02-22',
        '2027-05-20',
        '2027-10-20',
      ]);

      // A draft, then done/skip/snooze by id; today follows.
      const draft = await onward(FRIDAY, 'draft', app.id, 'rejection_reply');
      expect(draft.code).toBe(0);
      expect(draft.out).toContain('Dear Dana,');
      expect(draft.out).toContain('Tone check: reads kind and professional.');

      const monday = '2026-11-23T09:00:00Z';
      const before = await json<{ steps: { id: string; kind: string }[] }>(monday, 'today');
      expect(before.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(['rejection_reply', 'reflect']));
      expect((await onward(monday, 'done', reply.id)).out).toContain('Done');
      const reflect = plan.steps.find((s) => s.kind === 'reflect')!;
      expect((await onward(monday, 'snooze', reflect.id, '--until', '2026-11-25')).out).toContain(
        'Snoozed until',
      );
      const after = await json<{ steps: { id: string }[] }>(monday, 'today');
      expect(after.steps.map((s) => s.id)).not.toContain(reply.id);
      expect(after.steps.map((s) => s.id)).not.toContain(reflect.id);
      expect(after.steps.length).toBe(before.steps.length - 2);

      const text = await onward(monday, 'today');
      expect(text.code).toBe(0);
      expect(text.out).toContain('Pipeline:');
      expect(text.out).toContain('Next milestone:');

      // The calendar file parses, with the right times.
      const file = join(dir, 'steps.ics');
      expect((await onward(monday, 'calendar', '--out', file)).code).toBe(0);
      const cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const nudge = events.find((e) => e.summary.startsWith('Gently nudge Acme'))!;
      // The reply was marked done on Monday 23 at 09:00: seven business days on is Wednesday 2 December.
      expect(nudge.startDate.toJSDate().toISOString()).toBe('2026-12-02T09:00:00.000Z');
      const url = await json<{ url: string }>(monday, 'calendar', '--url');
      expect(url.url).toMatch(/^http:\/\/127\.0\.0\.1:4477\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    });

    it('with the UK preset the last stay-in-touch note comes before 20 May 2027', async () => {
      const app = await json<{ id: string }>(
        FRIDAY,
        'add',
        '--company',
        'Umbrella',
        '--role',
        'Nurse',
        '--applied',
        '2026-11-02',
      );
      expect((await onward(FRIDAY, 'settings', 'set', 'cvRetentionPreset', 'uk')).code).toBe(0);
      const plan = await json<PlanJson>(FRIDAY, 'reject', app.id);
      const stay = plan.steps.filter((s) => s.kind === 'stay_in_touch').map((s) => s.due);
      expect(stay.at(-1)! < '2027-05-20').toBe(true);
      expect(stay).toEqual(['2027-02-22T00:00:00.000Z', '2027-04-20T00:00:00.000Z']);
      expect((await onward(FRIDAY, 'settings', 'set', 'cvRetentionPreset', 'default')).code).toBe(0);
    });

    it('feedback add shows the themes; feedback classify writes {id, themes} lines', async () => {
      const app = await json<{ id: string }>(
        FRIDAY,
        'add',
        '--company',
        'Vandelay',
        '--role',
        'Buyer',
        '--applied',
        '2026-11-02',
      );
      const added = await onward(
        FRIDAY,
        'feedback',
        'add',
        app.id,
        'You needed more specific examples. Your enthusiasm was clear.',
      );
      expect(added.code).toBe(0);
      expect(added.out).toContain('– examples evidence');
      expect(added.out).toContain('+ motivation enthusiasm');
      const list = await json<{ feedback: { themes: { theme: string }[] }[] }>(
        FRIDAY,
        'feedback',
        'list',
        app.id,
      );
      expect(list.feedback).toHaveLength(1);
      const file = join(dir, 'fb.jsonl');
      writeFileSync(
        file,
        `${JSON.stringify({ id: 'q1', text: 'Salary expectations were above our budget.' })}\n`,
      );
      const classified = await onward(FRIDAY, 'feedback', 'classify', file, '--json');
      expect(JSON.parse(classified.out.trim())).toEqual({ id: 'q1', themes: ['salary_expectations'] });
    });

    it('answers bad input with one line and exit 1', async () => {
      const app = await json<{ id: string }>(FRIDAY, 'add', '--company', 'Hooli', '--role', 'Teacher');
      const cases: [string[], RegExp][] = [
        [['draft', app.id, 'thank_you_card'], /no draft for "thank_you_card"/],
        [['reject', app.id, '--at', 'yesterday-ish'], /not a valid rejection time/],
        [['reject', app.id, '--stage-reached', 'hired'], /unknown stage reached/],
        [['done', 'nosuchstep'], /no step with id/],
        [['settings', 'set', 'timeZone', 'Europe/Atlantis'], /not a time zone/],
        [['settings', 'set', 'cvRetentionPreset', 'mars'], /use one of default, uk, es, fr, nl or custom/],
        [['reject', app.id, '--email', join(dir, 'missing.eml')], /cannot read email file/],
        [['send', 'nosuchdraft'], /no draft with id/],
      ];
      for (const [args, message] of cases) {
        const r = await onward(FRIDAY, ...args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.err).toMatch(message);
        expect(r.err.trim().split('\n')).toHaveLength(1);
      }
      const notEmail = join(dir, 'note.eml');
      writeFileSync(notEmail, 'hello there');
      const r = await onward(FRIDAY, 'reject', app.id, '--email', notEmail);
      expect(r.code).toBe(1);
      expect(r.err).toContain('does not look like an email');
      // Nothing was written: the application is still where it was.
      expect((await json<{ stage: string }>(FRIDAY, 'show', app.id)).stage).toBe('applied');
    });
  });
}
