/**
 * Inbox import through the services on every database that is here: classification, linking,
 * acting on sure emails, the review list, idempotency by Message-ID, and the CLI's classify-only mode.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { readInput } from '../src/mail/readers.js';
import {
  addInterview,
  createApplication,
  decideReview,
  exportData,
  getApplication,
  getPlan,
  importInbox,
  moveApplication,
  reviewList,
  today,
  type Context,
} from '../src/services/index.js';
import { DIALECTS, openTestWorld, PG_SKIP_REASON, PG_URL, type TestWorld } from './dialects.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

const NOW = '2026-11-23T09:00:00.000Z';

function eml(
  h: { from: string; subject: string; id: string; date: string; inReplyTo?: string },
  body: string,
): string {
  return [
    `From: ${h.from}`,
    'To: Sam Carter <sam@example.org>',
    `Subject: ${h.subject}`,
    `Date: ${h.date}`,
    `Message-ID: <${h.id}>`,
    ...(h.inReplyTo ? [`In-Reply-To: <${h.inReplyTo}>`, `References: <${h.inReplyTo}>`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\n');
}

const MESSAGES = [
  eml(
    {
      from: 'Priya Shah <priya.shah@northwind.example>',
      subject: 'Interview invitation: Data Analyst at Northwind Analytics',
      id: 'invite-1@northwind.example',
      date: 'Thu, 19 Nov 2026 10:00:00 +0000',
    },
    'Dear Sam,\n\nThank you for your application for the Data Analyst role at Northwind Analytics. We would like to invite you to an interview on Tuesday 1 December 2026 at 14:00 by video call.\n\nPlease let me know if this time works for you.\n\nBest regards,\nPriya Shah\nTalent Acquisition, Northwind Analytics',
  ),
  eml(
    {
      from: 'Bluepeak Logistics Careers <careers@bluepeak.example>',
      subject: 'Your application for Operations Coordinator',
      id: 'reject-1@bluepeak.example',
      date: 'Fri, 20 Nov 2026 15:30:00 +0000',
    },
    'Dear Sam,\n\nThank you for your interest in the Operations Coordinator position at Bluepeak Logistics. After careful consideration, we regret to inform you that we have decided not to move forward with your application at this time.\n\nWe wish you every success in your job search.\n\nKind regards,\nThe Bluepeak Logistics Recruitment Team',
  ),
  eml(
    {
      from: 'JobFinder Alerts <alerts@jobfinder.example>',
      subject: '12 new jobs for "data analyst" near you',
      id: 'alert-1@jobfinder.example',
      date: 'Sat, 21 Nov 2026 07:00:00 +0000',
    },
    'New jobs matching your search:\n\nData Analyst - Contoso - London\nJunior Data Analyst - Fabrikam - Leeds\nBI Analyst - Tailspin - Remote\n\nView all jobs | Unsubscribe from these alerts',
  ),
  eml(
    {
      from: 'Harbour Health Recruitment <no-reply@harbourhealth.example>',
      subject: 'Application received: Staff Nurse (Ref 4471)',
      id: 'ack-1@harbourhealth.example',
      date: 'Sun, 22 Nov 2026 12:00:00 +0000',
    },
    'Dear Sam,\n\nThank you for applying for the Staff Nurse position at Harbour Health. We have received your application and our team will review it shortly. If your experience matches our requirements, we will contact you.\n\nHarbour Health Recruitment',
  ),
];

function mbox(messages: string[]): string {
  return messages
    .map((m, i) => `From sender${i}@example.org Mon Nov 23 09:00:00 2026\n${m.replace(/^From /gm, '>From ')}`)
    .join('\n');
}

for (const dialect of DIALECTS) {
  describe(`inbox import on ${dialect}`, () => {
    let world: TestWorld;
    let ctx: Context;
    let dir: string;
    beforeEach(async () => {
      world = await openTestWorld(dialect, NOW);
      ctx = world.ctx;
      dir = mkdtempSync(join(tmpdir(), 'onward-inbox-'));
    });
    afterEach(async () => {
      await world.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('links each email to its application, acts on the sure ones, queues the rest, and never imports twice', async () => {
      const northwind = await createApplication(ctx, {
        company: 'Northwind Analytics',
        role: 'Data Analyst',
        applied: '2026-11-02',
      });
      const bluepeak = await createApplication(ctx, {
        company: 'Bluepeak Logistics',
        role: 'Operations Coordinator',
        applied: '2026-11-03',
      });
      const file = join(dir, 'inbox.mbox');
      writeFileSync(file, mbox(MESSAGES));

      const first = await importInbox(ctx, readInput(file));
      expect(first).toMatchObject({ seen: 4, imported: 4, duplicates: 0, errors: [] });
      expect(first.byClass).toMatchObject({ interview: 1, rejection: 1, other: 1, application_received: 1 });

      // The invitation moved Northwind on and logged the interview at the stated time.
      const nw = await getApplication(ctx, northwind.id);
      expect(nw.stage).toBe('interviewing');
      expect(nw.events.at(-1)?.source).toBe('email <invite-1@northwind.example>');
      expect(nw.interviews.map((iv) => iv.at)).toEqual(['2026-12-01T14:00:00.000Z']);

      // The rejection started the playbook, answered in its thread.
      const bp = await getApplication(ctx, bluepeak.id);
      expect(bp.stage).toBe('rejected');
      const plan = await getPlan(ctx, bluepeak.id);
      expect(plan.steps.map((s) => s.kind)).toEqual(
        expect.arrayContaining(['rejection_reply', 'stay_in_touch']),
      );

      // Harbour Health is not tracked: proposed as a new application in the review list.
      const review = await reviewList(ctx);
      expect(review).toHaveLength(1);
      expect(review[0]!.proposal).toMatchObject({
        label: 'application_received',
        applicationId: null,
        newApplication: { company: 'Harbour Health' },
      });
      const confirmed = await decideReview(ctx, review[0]!.id, { action: 'confirm' });
      expect(confirmed.reviewState).toBe('confirmed');
      expect(await reviewList(ctx)).toEqual([]);
      const apps = (await exportData(ctx)).applications.map((a) => a.role).sort();
      expect(apps).toEqual(['Data Analyst', 'Operations Coordinator', 'Staff Nurse']);

      // Again, and again after a "crash": nothing is added twice.
      const before = await exportData(ctx);
      const second = await importInbox(ctx, readInput(file));
      expect(second).toMatchObject({ seen: 4, imported: 0, duplicates: 4 });
      expect(await exportData(ctx)).toEqual(before);
    });

    it('a reply from the company clears the ghosting flag', async () => {
      const app = await createApplication(ctx, {
        company: 'Initech',
        role: 'Analyst',
        applied: '2026-10-01',
      });
      await moveApplication(ctx, app.id, { stage: 'interviewing', at: '2026-10-05' });
      world.setNow('2026-10-06T12:00:00.000Z');
      await addInterview(ctx, app.id, {
        at: '2026-10-06T10:00:00Z',
        with: [{ name: 'Bill Lumbergh', email: 'bill@initech.example' }],
      });
      world.setNow(NOW);
      expect((await today(ctx)).ghosted.map((g) => g.applicationId)).toEqual([app.id]);
      const file = join(dir, 'reply.eml');
      writeFileSync(
        file,
        eml(
          {
            from: 'Bill Lumbergh <bill@initech.example>',
            subject: 'Re: Analyst interview',
            id: 'reply-1@initech.example',
            date: 'Sun, 22 Nov 2026 16:00:00 +0000',
          },
          'Hi Sam,\n\nSorry for the slow reply, we are still deciding and will be in touch next week.\n\nBill',
        ),
      );
      const summary = await importInbox(ctx, readInput(file));
      expect(summary.imported).toBe(1);
      expect((await today(ctx)).ghosted).toEqual([]);
    });

    it('keeps going past an unreadable email and says which', async () => {
      const file = join(dir, 'broken.mbox');
      // The same email twice in one file counts once.
      writeFileSync(file, mbox([MESSAGES[2]!, 'this is not an email at all\n', MESSAGES[3]!, MESSAGES[2]!]));
      const summary = await importInbox(ctx, readInput(file));
      expect(summary).toMatchObject({ seen: 4, imported: 2, duplicates: 1 });
      expect(summary.errors).toHaveLength(1);
      expect(summary.errors[0]!.source).toMatch(/broken\.mbox#2$/);
    });

    it('takes an uploaded mbox over HTTP with the token, and refuses it without or from another site', async () => {
      const { startServer } = await import('../src/http/server.js');
      const token = 't'.repeat(64);
      const server = await startServer({ store: world.store, token, port: 0, now: NOW });
      try {
        const body = mbox(MESSAGES);
        const post = (headers: Record<string, string>) =>
          fetch(`${server.url}/api/inbox/import`, { method: 'POST', headers, body });
        expect((await post({ 'content-type': 'application/mbox' })).status).toBe(403);
        expect(
          (
            await post({
              'content-type': 'application/mbox',
              'x-onward-token': token,
              origin: 'http://evil.example',
            })
          ).status,
        ).toBe(403);
        expect((await post({ 'content-type': 'text/plain', 'x-onward-token': token })).status).toBe(415);
        const res = await post({
          'content-type': 'application/mbox',
          'x-onward-token': token,
          'x-file-name': 'inbox.mbox',
        });
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ seen: 4, imported: 4 });
        const review = (await (await fetch(`${server.url}/api/inbox/review`)).json()) as {
          items: { id: string }[];
        };
        // Nothing is tracked yet: the three job emails wait for review; the digest does not.
        expect(review.items).toHaveLength(3);
        const decided = await fetch(`${server.url}/api/inbox/review/${review.items[0]!.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-onward-token': token },
          body: JSON.stringify({ action: 'dismiss' }),
        });
        expect(((await decided.json()) as { reviewState: string }).reviewState).toBe('dismissed');
      } finally {
        await server.close();
      }
    });

    it('onward inbox classify writes one JSON line per message and nothing to the database', async () => {
      const jsonl = join(dir, 'items.jsonl');
      writeFileSync(
        jsonl,
        [
          {
            id: 'a',
            subject: 'Your application',
            from: 'HR <hr@acme.example>',
            body: 'We are unable to offer you the position.',
          },
          {
            id: 'b',
            subject: 'Weekly digest',
            from: null,
            body: '15 new jobs for you this week. Unsubscribe.',
          },
        ]
          .map((x) => JSON.stringify(x))
          .join('\n'),
      );
      let out = '';
      const code = await runCli(['--db', join(dir, 'x.db'), 'inbox', 'classify', jsonl, '--json'], {
        out: (t) => (out += t),
        err: () => undefined,
        env: { ONWARD_HOME: dir },
        isTty: false,
      });
      expect(code).toBe(0);
      const lines = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.id, l.label])).toEqual([
        ['a', 'rejection'],
        ['b', 'other'],
      ]);
      expect(Object.keys(lines[0])).toEqual(['id', 'label', 'confidence', 'company', 'role', 'person']);
    });
  });
}
