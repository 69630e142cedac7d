/** The playbook over HTTP, against a real server on loopback and every database that is here. */
import { randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../src/http/server.js';
import { DIALECTS, openTestWorld, PG_SKIP_REASON, PG_URL, type TestWorld } from './dialects.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

const FRIDAY = '2026-11-20T16:00:00.000Z';
const TOKEN = randomBytes(32).toString('hex');

for (const dialect of DIALECTS) {
  describe(`the playbook API on ${dialect}`, () => {
    let world: TestWorld;
    let server: { url: string; close(): Promise<void> };
    beforeEach(async () => {
      world = await openTestWorld(dialect, FRIDAY);
      server = await startServer({ store: world.store, token: TOKEN, port: 0, now: FRIDAY });
    });
    afterEach(async () => {
      await server.close();
      await world.close();
    });

    const call = async (method: string, path: string, body?: unknown, token = TOKEN) => {
      const res = await fetch(server.url + path, {
        method,
        headers:
          body === undefined
            ? { 'x-onward-token': token }
            : { 'content-type': 'application/json', 'x-onward-token': token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return {
        status: res.status,
        type: res.headers.get('content-type') ?? '',
        text,
        json: text.startsWith('{') ? JSON.parse(text) : null,
      };
    };

    it('records a rejection, serves the plan and Today, and acts on steps', async () => {
      expect((await call('PATCH', '/api/settings', { timeZone: 'UTC' })).status).toBe(200);
      const app = (
        await call('POST', '/api/applications', {
          company: 'Acme',
          role: 'Data Analyst',
          applied: '2026-11-02',
        })
      ).json;
      await call('POST', `/api/applications/${app.id}/interviews`, {
        at: '2026-11-10T14:00:00Z',
        with: [{ name: 'Dana Lee', email: 'dana@acme.example' }],
      });
      const rejected = await call('POST', `/api/applications/${app.id}/rejection`, {
        reason: 'another candidate',
      });
      expect(rejected.status).toBe(201);
      const reply = rejected.json.steps.find((s: { kind: string }) => s.kind === 'rejection_reply');
      expect(reply).toMatchObject({
        due: '2026-11-23T00:00:00.000Z',
        status: 'open',
        title: 'Reply to Acme and ask for feedback',
      });

      const plan = (await call('GET', `/api/applications/${app.id}/plan`)).json;
      expect(plan.steps.map((s: { id: string }) => s.id)).toEqual(
        rejected.json.steps.map((s: { id: string }) => s.id),
      );

      const today = (await call('GET', '/api/today')).json;
      expect(today.steps.map((s: { kind: string }) => s.kind)).toContain('mood_checkin');
      expect(today.reframe).toContain('Acme');

      const done = await call('POST', `/api/steps/${reply.id}/actions`, { action: 'done' });
      expect(done.json).toMatchObject({ id: reply.id, status: 'done' });
      const bad = await call('POST', `/api/steps/${reply.id}/actions`, { action: 'postpone' });
      expect(bad.status).toBe(400);
      expect(bad.json.error.message).toContain('action must be done, skip, reopen or snooze');
      expect((await call('POST', '/api/steps/nosuchstep/actions', { action: 'done' })).status).toBe(404);
      // A second rejection of the same application is a conflict with the stage machine.
      expect((await call('POST', `/api/applications/${app.id}/rejection`, {})).status).toBe(409);
    });

    it('writes, edits with the tone check, and marks a draft sent; refuses without the token', async () => {
      const app = (await call('POST', '/api/applications', { company: 'Globex', role: 'Store Manager' }))
        .json;
      await call('POST', `/api/applications/${app.id}/rejection`, {
        email: [
          'From: Jo Park <jo@globex.example>',
          'Subject: Store Manager application',
          'Message-ID: <no-1@globex.example>',
          'Date: Fri, 20 Nov 2026 15:00:00 +0000',
          '',
          'We have decided not to progress your application.',
        ].join('\r\n'),
      });
      const draft = await call('POST', `/api/applications/${app.id}/drafts`, { kind: 'rejection_reply' });
      expect(draft.status).toBe(201);
      expect(draft.json).toMatchObject({
        subject: 'Re: Store Manager application',
        inReplyTo: '<no-1@globex.example>',
      });
      expect(draft.json.mailto).toMatch(/^mailto:jo@globex\.example\?subject=Re%3A%20Store%20Manager/);
      expect((await call('POST', `/api/applications/${app.id}/drafts`, { kind: 'poem' })).status).toBe(400);

      const edited = await call('PATCH', `/api/drafts/${draft.json.id}`, {
        body: 'You clearly never read my CV!!!',
      });
      expect(edited.json.toneWarnings.map((w: { kind: string }) => w.kind)).toEqual(
        expect.arrayContaining(['blame']),
      );
      const tone = await call('POST', '/api/tone', { text: 'Thank you so much for your time.' });
      expect(tone.json).toMatchObject({ ok: true, issues: [] });

      expect(
        (await call('POST', `/api/drafts/${draft.json.id}/send`, { via: 'copied' }, 'wrong')).status,
      ).toBe(403);
      const sent = await call('POST', `/api/drafts/${draft.json.id}/send`, { via: 'copied' });
      expect(sent.json).toMatchObject({ sentVia: 'copied', sentAt: FRIDAY });
      expect((await call('GET', `/api/applications/${app.id}/drafts`)).json.drafts).toHaveLength(1);
      // SMTP without a server set up: one clear line.
      const second = await call('POST', `/api/applications/${app.id}/drafts`, { kind: 'stay_in_touch' });
      const noServer = await call('POST', `/api/drafts/${second.json.id}/send`, {});
      expect(noServer.status).toBe(400);
      expect(noServer.json.error.message).toContain('no mail server is set up');
    });

    it('serves the calendar to the app and to a subscription with its secret, and nothing to a guess', async () => {
      const app = (await call('POST', '/api/applications', { company: 'Initech', role: 'Analyst' })).json;
      await call('POST', `/api/applications/${app.id}/rejection`, {});
      const ics = await call('GET', '/api/calendar.ics');
      expect(ics.type).toContain('text/calendar');
      const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent');
      expect(events.length).toBeGreaterThan(4);
      const { path } = (await call('POST', '/api/calendar/subscription', {})).json;
      expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
      const subscribed = await fetch(server.url + path);
      expect(subscribed.status).toBe(200);
      expect(await subscribed.text()).toBe(ics.text);
      expect((await fetch(`${server.url}/calendar/${'a'.repeat(32)}.ics`)).status).toBe(404);
    });

    it('keeps settings, SMTP without echoing the password, check-ins, reflection, ratings and the sample', async () => {
      const tz = await call('PATCH', '/api/settings', { timeZone: 'Nowhere/Special' });
      expect(tz.status).toBe(400);
      expect(tz.json.error.message).toContain('is not a time zone');
      const settings = await call('PATCH', '/api/settings', {
        cvRetentionPreset: 'fr',
        weeklyApplicationGoal: 8,
      });
      expect(settings.json).toMatchObject({ cvRetentionMonths: 24, weeklyApplicationGoal: 8 });

      const smtp = await call('PUT', '/api/smtp', {
        host: 'smtp.example.org',
        port: 587,
        security: 'starttls',
        user: 'sam',
        password: 's3cret!',
        from: 'Sam <sam@example.org>',
      });
      expect(smtp.json.smtp).toMatchObject({ host: 'smtp.example.org', hasPassword: true });
      expect(smtp.text).not.toContain('s3cret');
      expect((await call('GET', '/api/smtp')).text).not.toContain('s3cret');

      const app = (await call('POST', '/api/applications', { company: 'Hooli', role: 'Teacher' })).json;
      const iv = (
        await call('POST', `/api/applications/${app.id}/interviews`, { at: '2026-11-18T10:00:00Z' })
      ).json;
      await call('POST', `/api/applications/${app.id}/rejection`, {});
      expect((await call('POST', '/api/checkins', { mood: 3, applicationId: app.id })).status).toBe(201);
      expect((await call('POST', '/api/checkins', { mood: 0 })).status).toBe(400);
      expect((await call('GET', '/api/checkins')).json.checkins).toHaveLength(1);
      expect((await call('GET', '/api/reflection/questions')).json.questions).toHaveLength(9);
      const saved = await call('PUT', `/api/applications/${app.id}/reflection`, {
        answers: { prepared: 'Not enough' },
      });
      expect(saved.json.answers).toEqual({ prepared: 'Not enough' });
      expect((await call('GET', `/api/applications/${app.id}/reflection`)).json.answers).toEqual({
        prepared: 'Not enough',
      });
      expect((await call('PATCH', `/api/interviews/${iv.id}`, { selfRating: 4 })).json.selfRating).toBe(4);
      const steps = (await call('GET', `/api/applications/${app.id}/plan`)).json.steps;
      expect(steps.find((s: { kind: string }) => s.kind === 'reflect').status).toBe('done');
      expect(steps.find((s: { kind: string }) => s.kind === 'mood_checkin').status).toBe('done');

      const fb = await call('POST', `/api/applications/${app.id}/feedback`, {
        text: 'Please prepare more questions for the panel.',
      });
      expect(fb.status).toBe(201);
      expect(fb.json.themes.map((t: { theme: string }) => t.theme)).toContain('questions_asked');
      expect((await call('GET', `/api/applications/${app.id}/feedback`)).json.feedback).toHaveLength(1);
      expect((await call('POST', `/api/applications/${app.id}/feedback`, { text: '' })).status).toBe(400);

      expect((await call('GET', '/api/sample')).json).toEqual({ loaded: false });
      expect((await call('POST', '/api/sample', {})).status).toBe(201);
      expect((await call('GET', '/api/sample')).json).toEqual({ loaded: true });
      expect((await call('GET', '/api/applications')).json.applications).toHaveLength(6);
      expect((await call('DELETE', '/api/sample')).status).toBe(200);
      expect((await call('GET', '/api/applications')).json.applications).toHaveLength(1);
    });
  });
}
