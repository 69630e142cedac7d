/**
 * The playbook through the services, on every database that is here: recording a rejection, the
 * plan, Today, drafts with the tone check, sending over a real SMTP server on loopback, the
 * calendar, and what happens with bad input.
 */
import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Problem } from '../src/domain/errors.js';
import {
  actOnStep,
  addCheckIn,
  addFeedback,
  classifyFeedback,
  listFeedback,
  addInterview,
  getReflection,
  loadSample,
  rateInterview,
  reflectionQuestions,
  removeSample,
  sampleLoaded,
  saveReflection,
  calendarFeed,
  createApplication,
  createDraft,
  exportData,
  getApplication,
  getPlan,
  importData,
  moveApplication,
  recordRejection,
  sendDraft,
  setSmtp,
  today,
  updateDraft,
  updateSettings,
  type Context,
} from '../src/services/index.js';
import { DIALECTS, openTestWorld, PG_SKIP_REASON, PG_URL, type TestWorld } from './dialects.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

const FRIDAY = '2026-11-20T16:00:00.000Z';

async function problemOf(p: Promise<unknown>): Promise<Problem> {
  try {
    await p;
  } catch (err) {
    if (err instanceof Problem) return err;
    throw err;
  }
  throw new Error('expected a Problem, but the call succeeded');
}

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Headers of a raw message, unfolded, by lower-case name. */
function headersOf(raw: string): Map<string, string> {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const map = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

/** The decoded text body of a single-part message (quoted-printable or 8bit). */
function bodyOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head ?? '')) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
  }
  if (/content-transfer-encoding:\s*base64/i.test(head ?? '')) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}

const REJECTION_EML = [
  'From: Dana Lee <dana@acme.example>',
  'To: Sam Carter <sam@example.org>',
  'Subject: Your application for Data Analyst',
  'Date: Fri, 20 Nov 2026 15:58:00 +0000',
  'Message-ID: <rejection-1@acme.example>',
  'References: <invite-1@acme.example>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Dear Sam,',
  '',
  'Thank you for your time. Unfortunately we have decided to move forward with anot=',
  'her candidate whose experience more closely matches our needs.',
  '',
  'Best wishes,',
  'Dana',
  '',
].join('\r\n');

for (const dialect of DIALECTS) {
  describe(`the playbook on ${dialect}`, () => {
    let world: TestWorld;
    let ctx: Context;
    beforeEach(async () => {
      world = await openTestWorld(dialect, FRIDAY);
      ctx = world.ctx;
      await updateSettings(ctx, { timeZone: 'UTC' });
      ctx.user.name = 'Sam Carter';
    });
    afterEach(async () => {
      await world.close();
    });

    async function interviewedApplication() {
      const app = await createApplication(ctx, {
        company: 'Acme',
        role: 'Data Analyst',
        applied: '2026-11-02',
      });
      await moveApplication(ctx, app.id, { stage: 'interviewing', at: '2026-11-05' });
      await addInterview(ctx, app.id, {
        at: '2026-11-10T14:00:00Z',
        kind: 'video',
        with: [{ name: 'Dana Lee', email: 'dana@acme.example' }],
        notes: 'the quarterly reporting pipeline',
      });
      return app;
    }

    it('turns a Friday-afternoon rejection into the dated plan of DESIGN.md §2', async () => {
      const app = await interviewedApplication();
      const plan = await recordRejection(ctx, app.id, { reason: 'another candidate had more experience' });
      expect(plan.stage).toBe('rejected');
      const due = (kind: string) => plan.steps.filter((s) => s.kind === kind).map((s) => s.due);
      expect(due('rejection_reply')).toEqual(['2026-11-23T00:00:00.000Z']);
      expect(due('feedback_nudge')).toEqual(['2026-12-02T00:00:00.000Z']);
      expect(due('stay_in_touch')).toEqual([
        '2027-02-22T00:00:00.000Z',
        '2027-05-20T00:00:00.000Z',
        '2027-10-20T00:00:00.000Z',
      ]);
      expect(due('mood_checkin')).toEqual([FRIDAY]);
      // The interview's thank-you and follow-up gave way to the rejection.
      expect(due('interview_thanks')).toEqual([]);
      expect(due('follow_up')).toEqual([]);
      for (const s of plan.steps) expect(s.why.length).toBeGreaterThan(20);

      const view = await getApplication(ctx, app.id);
      expect(view.stage).toBe('rejected');
      expect(view.events.at(-1)).toMatchObject({
        toStage: 'rejected',
        detail: 'another candidate had more experience',
      });

      // The UK preset (6 months) moves the last note before 20 May 2027 and retires the 6-month one.
      await updateSettings(ctx, { cvRetentionPreset: 'uk' });
      const uk = await getPlan(ctx, app.id);
      const stay = uk.steps.filter((s) => s.kind === 'stay_in_touch').map((s) => s.due);
      expect(stay).toEqual(['2027-02-22T00:00:00.000Z', '2027-04-20T00:00:00.000Z']);
    });

    it('never duplicates a step nor brings back one the seeker closed', async () => {
      const app = await interviewedApplication();
      const first = await recordRejection(ctx, app.id, {});
      const again = await getPlan(ctx, app.id);
      expect(again.steps.map((s) => s.id)).toEqual(first.steps.map((s) => s.id));
      const reflect = first.steps.find((s) => s.kind === 'reflect')!;
      await actOnStep(ctx, reflect.id, { action: 'skip' });
      await updateSettings(ctx, { reflectWithinDays: 5 });
      const later = await getPlan(ctx, app.id);
      expect(later.steps.filter((s) => s.kind === 'reflect')).toMatchObject([
        { id: reflect.id, status: 'skipped', due: reflect.due },
      ]);
      expect(later.steps).toHaveLength(first.steps.length);
    });

    it('dates the feedback nudge from when the reply was sent, and snoozes and reopens steps', async () => {
      const app = await interviewedApplication();
      const plan = await recordRejection(ctx, app.id, {});
      const reply = plan.steps.find((s) => s.kind === 'rejection_reply')!;
      world.setNow('2026-11-24T10:00:00.000Z');
      await actOnStep(ctx, reply.id, { action: 'done' });
      const after = await getPlan(ctx, app.id);
      expect(after.steps.find((s) => s.kind === 'feedback_nudge')?.due).toBe('2026-12-03T00:00:00.000Z');

      const nudge = after.steps.find((s) => s.kind === 'feedback_nudge')!;
      const snoozed = await actOnStep(ctx, nudge.id, { action: 'snooze', until: '2026-12-10' });
      expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-12-10T00:00:00.000Z' });
      expect(
        (await problemOf(actOnStep(ctx, nudge.id, { action: 'snooze', until: '2026-11-01' }))).message,
      ).toContain('not in the future');
      expect((await actOnStep(ctx, nudge.id, { action: 'reopen' })).status).toBe('open');
      await actOnStep(ctx, nudge.id, { action: 'done' });
      expect((await problemOf(actOnStep(ctx, nudge.id, { action: 'done' }))).code).toBe('conflict');
      expect((await problemOf(actOnStep(ctx, 'nosuchstep', { action: 'done' }))).code).toBe('not_found');
    });

    it('refuses a bad rejection and writes nothing', async () => {
      const app = await interviewedApplication();
      expect((await problemOf(recordRejection(ctx, app.id, { at: '2026-13-01' }))).code).toBe(
        'invalid_input',
      );
      expect((await problemOf(recordRejection(ctx, app.id, { stageReached: 'hired' }))).message).toContain(
        'unknown stage reached',
      );
      expect((await problemOf(recordRejection(ctx, 'nosuchapp', {}))).code).toBe('not_found');
      expect(
        (
          await problemOf(
            recordRejection(ctx, app.id, { email: Buffer.from('just some words, not an email') }),
          )
        ).code,
      ).toBe('unsupported_format');
      const view = await getApplication(ctx, app.id);
      expect(view.stage).toBe('interviewing');
      expect((await getPlan(ctx, app.id)).steps.every((s) => s.kind !== 'rejection_reply')).toBe(true);
      await recordRejection(ctx, app.id, {});
      expect((await problemOf(recordRejection(ctx, app.id, {}))).code).toBe('invalid_move');
    });

    it('refuses a time zone that does not exist and unknown settings, changing nothing', async () => {
      expect((await problemOf(updateSettings(ctx, { timeZone: 'Mars/Olympus_Mons' }))).message).toContain(
        'is not a time zone',
      );
      expect((await problemOf(updateSettings(ctx, { followUpDays: 3 }))).message).toContain(
        'unknown setting',
      );
      expect(
        (await problemOf(updateSettings(ctx, { cvRetentionPreset: 'uk', followUpBusinessDays: 0 }))).message,
      ).toContain('followUpBusinessDays');
      expect(ctx.user.timeZone).toBe('UTC');
      expect((await exportData(ctx)).settings.cvRetentionPreset).toBeUndefined();
    });

    it('writes a kind rejection reply in the thread of the rejection email, and the tone check watches edits', async () => {
      const app = await interviewedApplication();
      await recordRejection(ctx, app.id, { email: Buffer.from(REJECTION_EML) });
      const draft = await createDraft(ctx, app.id, 'rejection_reply');
      expect(draft.to).toBe('Dana Lee <dana@acme.example>');
      expect(draft.subject).toBe('Re: Your application for Data Analyst');
      expect(draft.inReplyTo).toBe('<rejection-1@acme.example>');
      expect(draft.references).toEqual(['<invite-1@acme.example>', '<rejection-1@acme.example>']);
      expect(draft.body).toMatch(/^Dear Dana,/);
      expect(draft.body).toContain('Acme');
      expect(draft.body).toMatch(/feedback/i);
      expect(draft.body).toMatch(/Sam Carter\n$/);
      expect(draft.toneWarnings).toEqual([]);
      expect(draft.stepId).not.toBeNull();

      const second = await createDraft(ctx, app.id, 'rejection_reply');
      expect(second.body).not.toBe(draft.body);

      const angry = await updateDraft(ctx, draft.id, {
        body: `${draft.body}\nFRANKLY this was a waste of my time!!! You clearly never read my CV.`,
      });
      expect(angry.toneWarnings.length).toBeGreaterThan(0);
      for (const w of angry.toneWarnings) {
        expect(angry.body.slice(w.start, w.end)).toBe(w.text);
        expect(w.suggestion.length).toBeGreaterThan(10);
      }
      const calm = await updateDraft(ctx, draft.id, { body: draft.body });
      expect(calm.toneWarnings).toEqual([]);
    });

    it('still makes a draft when there is nobody to send it to, and says so', async () => {
      const app = await createApplication(ctx, {
        company: 'Globex',
        role: 'Store Manager',
        applied: '2026-11-02',
      });
      await recordRejection(ctx, app.id, {});
      const draft = await createDraft(ctx, app.id, 'rejection_reply');
      expect(draft.to).toBeNull();
      expect(draft.note).toContain('no contact at Globex');
      expect(draft.body).toContain('Globex');
      expect((await problemOf(sendDraft(ctx, draft.id))).message).toContain('no address');
      expect((await problemOf(createDraft(ctx, app.id, 'thank_you_card'))).message).toContain('no draft for');
    });

    describe('sending', () => {
      let smtp: Awaited<ReturnType<typeof startSmtp>>;
      beforeAll(async () => {
        smtp = await startSmtp();
      });
      afterAll(async () => {
        await smtp.close();
      });

      it('sends the reply to a real SMTP server intact, closes the step and dates the nudge', async () => {
        const app = await interviewedApplication();
        await recordRejection(ctx, app.id, { email: Buffer.from(REJECTION_EML) });
        const draft = await createDraft(ctx, app.id, 'rejection_reply');
        await setSmtp(ctx, {
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          user: null,
          from: 'Sam Carter <sam@example.org>',
        });
        world.setNow('2026-11-23T09:30:00.000Z');
        const before = smtp.received.length;
        const sent = await sendDraft(ctx, draft.id);
        expect(sent.sentAt).toBe('2026-11-23T09:30:00.000Z');
        expect(sent.sentVia).toBe('smtp');
        expect(smtp.received.length).toBe(before + 1);
        const got = smtp.received.at(-1)!;
        expect(got.to).toEqual(['dana@acme.example']);
        const h = headersOf(got.raw);
        expect(h.get('subject')).toBe('Re: Your application for Data Analyst');
        expect(h.get('in-reply-to')).toBe('<rejection-1@acme.example>');
        expect(h.get('references')).toBe('<invite-1@acme.example> <rejection-1@acme.example>');
        expect(h.get('message-id')).toBe(sent.sentMessageId);
        expect(bodyOf(got.raw).trimEnd()).toBe(draft.body.trimEnd());

        const plan = await getPlan(ctx, app.id);
        expect(plan.steps.find((s) => s.kind === 'rejection_reply')?.status).toBe('done');
        // Monday 23 + 7 business days = Wednesday 2 December.
        expect(plan.steps.find((s) => s.kind === 'feedback_nudge')?.due).toBe('2026-12-02T00:00:00.000Z');
        expect((await problemOf(sendDraft(ctx, draft.id))).code).toBe('conflict');
      });

      it('keeps the draft unsent and the step open when the mail server is down', async () => {
        const app = await interviewedApplication();
        await recordRejection(ctx, app.id, {});
        const draft = await createDraft(ctx, app.id, 'rejection_reply');
        const down = await startSmtp();
        await down.close();
        await setSmtp(ctx, {
          host: '127.0.0.1',
          port: down.port,
          security: 'none',
          user: null,
          from: 'sam@example.org',
        });
        const problem = await problemOf(sendDraft(ctx, draft.id, { timeoutMs: 2000 }));
        expect(problem.code).toBe('unavailable');
        expect(problem.message).toContain('the draft is kept, unsent');
        const plan = await getPlan(ctx, app.id);
        expect(plan.steps.find((s) => s.kind === 'rejection_reply')?.status).toBe('open');
        const marked = await sendDraft(ctx, draft.id, { via: 'copied' });
        expect(marked.sentVia).toBe('copied');
        expect((await getPlan(ctx, app.id)).steps.find((s) => s.kind === 'rejection_reply')?.status).toBe(
          'done',
        );
      });
    });

    it('lists exactly the due steps on Today across 50 applications, and marking one done changes only that', async () => {
      // 50 applications: 20 rejected on different days, 15 with interviews, 15 just applied.
      world.setNow('2026-11-02T09:00:00.000Z');
      const apps = [];
      for (let i = 0; i < 50; i++) {
        apps.push(
          await createApplication(ctx, { company: `Company ${i}`, role: `Role ${i}`, applied: '2026-11-02' }),
        );
      }
      for (let i = 0; i < 20; i++) {
        world.setNow(`2026-11-${String(3 + (i % 18)).padStart(2, '0')}T10:00:00.000Z`);
        await recordRejection(ctx, apps[i]!.id, {});
      }
      for (let i = 20; i < 35; i++) {
        world.setNow('2026-11-20T12:00:00.000Z');
        await moveApplication(ctx, apps[i]!.id, { stage: 'interviewing', at: '2026-11-12' });
        await addInterview(ctx, apps[i]!.id, {
          at: `2026-11-${String(12 + (i % 8)).padStart(2, '0')}T10:00:00Z`,
          with: [{ name: `Person ${i}`, email: `p${i}@example.com` }],
        });
      }
      world.setNow('2026-11-23T09:00:00.000Z');
      const t = await today(ctx);
      // The expected set, computed from the stored steps independently of today().
      const all = (await exportData(ctx)).steps;
      const endOfToday = '2026-11-23T23:59:59.999Z';
      const expected = all
        .filter(
          (s) =>
            (s.state === 'open' && s.due <= endOfToday) ||
            (s.state === 'snoozed' && s.snoozedUntil! <= endOfToday),
        )
        .map((s) => s.id)
        .sort();
      expect(t.steps.map((s) => s.id).sort()).toEqual(expected);
      expect(t.steps.length).toBeGreaterThan(20);
      // Overdue first, then today's.
      const firstDue = t.steps.findIndex((s) => s.urgency === 'due');
      expect(t.steps.slice(0, firstDue).every((s) => s.urgency === 'overdue')).toBe(true);
      expect(t.steps.slice(firstDue).every((s) => s.urgency === 'due')).toBe(true);
      expect(t.pipeline.active).toBe(30);
      expect(t.reframe).not.toBeNull();
      expect(t.reframe).not.toMatch(/your fault|you failed/i);

      const target = t.steps[0]!;
      await actOnStep(ctx, target.id, { action: 'done' });
      const after = await today(ctx);
      expect(after.steps.map((s) => s.id).sort()).toEqual(expected.filter((id) => id !== target.id));
      const again = await today(ctx);
      expect(again).toEqual(after);
    });

    it('warns when every hope rests on one late-stage application, and suggests applying more', async () => {
      const app = await createApplication(ctx, {
        company: 'Initech',
        role: 'Analyst',
        applied: '2026-11-16',
      });
      await moveApplication(ctx, app.id, { stage: 'final', at: '2026-11-18' });
      const t = await today(ctx);
      expect(t.pipeline.concentration).toContain('Initech');
      expect(t.steps.map((s) => s.kind)).toContain('apply_more');
      expect(t.pipeline).toMatchObject({ active: 1, appliedThisWeek: 1, weeklyGoal: 5, activeTarget: 10 });
    });

    it('flags an application gone quiet after the follow-up window, and a reply to the seeker’s move clears it', async () => {
      const app = await interviewedApplication();
      world.setNow('2026-12-02T09:00:00.000Z');
      const t = await today(ctx);
      expect(t.ghosted.map((g) => g.applicationId)).toEqual([app.id]);
      expect(t.ghosted[0]!.suggestedStage).toBe('no_response');
      // Not forced: the stage is unchanged until the seeker decides.
      expect((await getApplication(ctx, app.id)).stage).toBe('interviewing');
      await moveApplication(ctx, app.id, { stage: 'final', at: '2026-12-02T08:00:00Z' });
      expect((await today(ctx)).ghosted).toEqual([]);
    });

    it('publishes the open steps as a calendar that ical.js reads, at the right times', async () => {
      const app = await interviewedApplication();
      await recordRejection(ctx, app.id, {});
      const ics = await calendarFeed(ctx);
      const cal = new ICAL.Component(ICAL.parse(ics));
      const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const plan = await getPlan(ctx, app.id);
      const open = plan.steps.filter((s) => s.status === 'open');
      expect(events).toHaveLength(open.length);
      const reply = events.find((e) => e.summary === 'Reply to Acme and ask for feedback')!;
      expect(reply.startDate.toJSDate().toISOString()).toBe('2026-11-23T09:00:00.000Z');
      const mood = events.find((e) => e.summary === 'Check in with yourself')!;
      expect(mood.startDate.toJSDate().toISOString()).toBe(FRIDAY);
      expect(reply.description).toContain('Acme · Data Analyst');
    });

    it('closes the check-in and reflect steps when the seeker does them, and a poor rating drops connect', async () => {
      const app = await interviewedApplication();
      await recordRejection(ctx, app.id, {});
      await addCheckIn(ctx, { mood: 2, note: 'flat today', applicationId: app.id });
      expect((await problemOf(addCheckIn(ctx, { mood: 9 }))).message).toContain('from 1 (very low) to 5');
      expect(reflectionQuestions()).toHaveLength(9);
      await saveReflection(ctx, app.id, {
        answers: { examples: 'Too few numbers in my examples' },
        lessons: 'Prepare STAR stories',
      });
      expect((await problemOf(saveReflection(ctx, app.id, { answers: { mood: 'x' } }))).message).toContain(
        'unknown question',
      );
      expect((await getReflection(ctx, app.id)).answers).toEqual({
        examples: 'Too few numbers in my examples',
      });
      let plan = await getPlan(ctx, app.id);
      expect(plan.steps.find((s) => s.kind === 'mood_checkin')?.status).toBe('done');
      expect(plan.steps.find((s) => s.kind === 'reflect')?.status).toBe('done');
      expect(plan.steps.filter((s) => s.kind === 'connect' && s.status === 'open')).toHaveLength(1);
      const iv = (await getApplication(ctx, app.id)).interviews[0]!;
      await rateInterview(ctx, iv.id, { selfRating: 2, selfAssessment: 'I rambled' });
      plan = await getPlan(ctx, app.id);
      expect(plan.steps.filter((s) => s.kind === 'connect')).toHaveLength(0);
      expect((await problemOf(rateInterview(ctx, iv.id, { selfRating: 6 }))).code).toBe('invalid_input');
    });

    it('loads a sample search for a newcomer and removes exactly it', async () => {
      const mine = await createApplication(ctx, {
        company: 'My Own Co',
        role: 'Baker',
        applied: '2026-11-16',
      });
      await loadSample(ctx);
      expect(await sampleLoaded(ctx)).toBe(true);
      expect((await problemOf(loadSample(ctx))).code).toBe('conflict');
      const t = await today(ctx);
      expect(t.steps.length).toBeGreaterThan(0);
      expect((await exportData(ctx)).applications).toHaveLength(6);
      await removeSample(ctx);
      const doc = await exportData(ctx);
      expect(doc.applications.map((a) => a.id)).toEqual([mine.id]);
      expect(doc.companies.map((c) => c.name)).toEqual(['My Own Co']);
      expect(doc.contacts).toEqual([]);
      expect(doc.steps.every((s) => s.applicationId === null)).toBe(true);
      expect(await sampleLoaded(ctx)).toBe(false);
    });

    it('records feedback with its themes, and a recorded answer drops the feedback nudge', async () => {
      const app = await interviewedApplication();
      await recordRejection(ctx, app.id, {});
      expect(
        (await getPlan(ctx, app.id)).steps.some((s) => s.kind === 'feedback_nudge' && s.status === 'open'),
      ).toBe(true);
      world.setNow('2026-11-25T10:00:00.000Z');
      const f = await addFeedback(ctx, app.id, {
        text: 'Your technical answers were strong. However, another candidate had more hands-on experience with cloud data platforms.',
        from: 'Dana Lee',
      });
      expect(f.fromContactId).not.toBeNull();
      const themes = f.themes.map((t) => `${t.theme}:${t.polarity}`);
      expect(themes).toEqual(
        expect.arrayContaining(['technical_skills:positive', 'competition:negative', 'experience:negative']),
      );
      expect(f.themes.find((t) => t.theme === 'competition')?.sentence).toMatch(
        /^However, another candidate/,
      );
      const plan = await getPlan(ctx, app.id);
      expect(plan.steps.some((s) => s.kind === 'feedback_nudge' && s.status === 'open')).toBe(false);
      expect(await listFeedback(ctx, app.id)).toHaveLength(1);
      expect((await problemOf(addFeedback(ctx, app.id, { text: '  ' }))).code).toBe('invalid_input');
      expect(classifyFeedback([{ id: 'x', text: 'You rambled and did not answer the question.' }])).toEqual([
        { id: 'x', themes: ['communication'] },
      ]);
    });

    it('exports and imports the playbook exactly, without the mail password', async () => {
      const app = await interviewedApplication();
      await recordRejection(ctx, app.id, { email: Buffer.from(REJECTION_EML) });
      await createDraft(ctx, app.id, 'rejection_reply');
      await addCheckIn(ctx, { mood: 3, applicationId: app.id });
      await saveReflection(ctx, app.id, { answers: { prepared: 'Mostly' } });
      await addFeedback(ctx, app.id, {
        text: 'We needed more specific examples of leading a team.',
        from: 'Sam Park',
      });
      await setSmtp(ctx, {
        host: 'smtp.example.org',
        port: 587,
        security: 'starttls',
        user: 'sam',
        password: 'hunter2',
        from: 'sam@example.org',
      });
      const doc = await exportData(ctx);
      expect(JSON.stringify(doc)).not.toContain('hunter2');
      expect(doc.steps.length).toBeGreaterThan(5);
      expect(doc.drafts).toHaveLength(1);
      expect(doc.messages).toHaveLength(1);
      expect(doc.rejections).toHaveLength(1);
      expect(doc.feedback).toHaveLength(1);
      expect(JSON.stringify(await exportData(ctx, { includeSecrets: true }))).toContain('hunter2');

      const other = await openTestWorld(dialect, FRIDAY);
      try {
        await importData(other.ctx, doc);
        expect(await exportData(other.ctx)).toEqual(doc);
        // Importing again merges by id: nothing new.
        const again = await importData(other.ctx, doc);
        expect(again.added).toEqual({});
      } finally {
        await other.close();
      }
    });
  });
}
