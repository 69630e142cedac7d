import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Problem } from '../src/domain/errors.js';
import {
  addContact,
  addInterview,
  addNote,
  applicationTimeline,
  createApplication,
  exportData,
  getApplication,
  importData,
  listApplications,
  listContacts,
  moveApplication,
  openContext,
  updateApplication,
  updateContact,
  type Context,
} from '../src/services/index.js';
import { DIALECTS, openTestWorld, PG_SKIP_REASON, PG_URL, type TestWorld } from './dialects.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

async function problemOf(p: Promise<unknown>): Promise<Problem> {
  try {
    await p;
  } catch (err) {
    if (err instanceof Problem) return err;
    throw err;
  }
  throw new Error('expected a Problem, but the call succeeded');
}

for (const dialect of DIALECTS) {
  describe(`storage and services on ${dialect}`, () => {
    let world: TestWorld;
    let ctx: Context;
    beforeEach(async () => {
      world = await openTestWorld(dialect);
      ctx = world.ctx;
    });
    afterEach(async () => world.close());

    const acme = () =>
      createApplication(ctx, {
        company: 'Acme',
        role: 'Data Analyst',
        applied: '2026-11-02',
        source: 'referral',
        fit: 4,
      });

    describe('applications', () => {
      it('creates an application at "applied" with a dated history', async () => {
        const app = await acme();
        expect(app.id).toMatch(/^[0-9a-z]{12}$/);
        expect(app.stage).toBe('applied');
        expect(app.companyName).toBe('Acme');
        expect(app.fit).toBe(4);
        expect(app.events).toHaveLength(1);
        // 2 November in London (GMT) starts at midnight UTC.
        expect(app.events[0]).toMatchObject({
          kind: 'created',
          at: '2026-11-02T00:00:00.000Z',
          toStage: 'applied',
          seq: 1,
        });
      });

      it('reuses a company whatever the case and spacing of its name', async () => {
        const a = await acme();
        const b = await createApplication(ctx, { company: '  ACME ', role: 'Analyst II' });
        expect(b.companyId).toBe(a.companyId);
      });

      it('moves along the stages and keeps every move as an event', async () => {
        const app = await acme();
        await moveApplication(ctx, app.id, { stage: 'screening', at: '2026-11-05' });
        const moved = await moveApplication(ctx, app.id, {
          stage: 'interviewing',
          at: '2026-11-09T10:00:00Z',
        });
        expect(moved.stage).toBe('interviewing');
        expect(moved.events.map((e) => [e.kind, e.fromStage, e.toStage, e.at])).toEqual([
          ['created', null, 'applied', '2026-11-02T00:00:00.000Z'],
          ['stage_changed', 'applied', 'screening', '2026-11-05T00:00:00.000Z'],
          ['stage_changed', 'screening', 'interviewing', '2026-11-09T10:00:00.000Z'],
        ]);
      });

      it('refuses a move the stage machine forbids, and writes nothing', async () => {
        const app = await acme();
        await moveApplication(ctx, app.id, { stage: 'screening', at: '2026-11-05' });
        const p = await problemOf(moveApplication(ctx, app.id, { stage: 'saved' }));
        expect(p.code).toBe('invalid_move');
        expect(p.message).toContain('only move forward');
        const accepted = await problemOf(moveApplication(ctx, app.id, { stage: 'accepted' }));
        expect(accepted.message).toContain('only an offer can be accepted');
        expect((await getApplication(ctx, app.id)).events).toHaveLength(2);
      });

      it('refuses an unknown stage, naming the stages there are', async () => {
        const app = await acme();
        const p = await problemOf(moveApplication(ctx, app.id, { stage: 'hired' as never }));
        expect(p.code).toBe('invalid_input');
        expect(p.message).toMatch(/unknown stage "hired".*screening/);
      });

      it('records a reopening after a closing stage', async () => {
        const app = await acme();
        await moveApplication(ctx, app.id, { stage: 'no_response', at: '2026-11-20' });
        const back = await moveApplication(ctx, app.id, { stage: 'screening', at: '2026-11-21' });
        expect(back.stage).toBe('screening');
        expect(back.events.at(-1)).toMatchObject({
          kind: 'reopened',
          fromStage: 'no_response',
          toStage: 'screening',
        });
      });

      it('refuses moves dated before the last move, or in the future, and wrong dates', async () => {
        const app = await acme();
        await moveApplication(ctx, app.id, { stage: 'screening', at: '2026-11-05' });
        expect(
          (await problemOf(moveApplication(ctx, app.id, { stage: 'final', at: '2026-11-04' }))).message,
        ).toContain('cannot be dated before');
        expect(
          (await problemOf(moveApplication(ctx, app.id, { stage: 'final', at: '2026-12-01' }))).message,
        ).toContain('in the future');
        const bad = await problemOf(moveApplication(ctx, app.id, { stage: 'final', at: '2026-02-30' }));
        expect(bad.code).toBe('invalid_input');
        expect(bad.message).toContain('"2026-02-30" is not a valid move time');
        expect((await getApplication(ctx, app.id)).stage).toBe('screening');
      });

      it('finds an application by a unique start of its id, and says when there is none', async () => {
        const app = await acme();
        expect((await getApplication(ctx, app.id.slice(0, 6))).id).toBe(app.id);
        const p = await problemOf(getApplication(ctx, 'zzzzzzzzzzzz'));
        expect(p.code).toBe('not_found');
        expect(p.message).toBe('no application with id "zzzzzzzzzzzz"');
      });

      it('validates new applications field by field', async () => {
        expect((await problemOf(createApplication(ctx, { company: '', role: 'X' }))).message).toContain(
          'company',
        );
        expect(
          (await problemOf(createApplication(ctx, { company: 'A', role: 'X', fit: 9 }))).message,
        ).toContain('fit must be from 1 to 5');
        expect(
          (await problemOf(createApplication(ctx, { company: 'A', role: 'X', url: 'acme' }))).message,
        ).toContain('url must be a web address');
        expect(await listApplications(ctx)).toHaveLength(0);
      });

      it('edits details and records that it did', async () => {
        const app = await acme();
        const edited = await updateApplication(ctx, app.id, {
          company: 'Acme Corp',
          location: 'Leeds',
          fit: null,
        });
        expect(edited.companyName).toBe('Acme Corp');
        expect(edited.location).toBe('Leeds');
        expect(edited.fit).toBeNull();
        expect(edited.events.at(-1)).toMatchObject({
          kind: 'edited',
          detail: 'changed company, location, fit',
        });
        expect(
          (await problemOf(updateApplication(ctx, app.id, { stage: 'offer' } as never))).message,
        ).toContain('unknown field "stage"');
      });

      it('lists with filters, search and sort', async () => {
        const a = await acme();
        const b = await createApplication(ctx, {
          company: 'Brightside Health',
          role: 'Registered Nurse',
          jobDescription: 'Night shifts on a 100% busy ward',
          source: 'job_board',
        });
        await createApplication(ctx, { company: 'Corner Shop', role: 'Store Manager', stage: 'saved' });
        await moveApplication(ctx, b.id, { stage: 'rejected' });
        expect((await listApplications(ctx, { stage: 'rejected' })).map((r) => r.id)).toEqual([b.id]);
        expect((await listApplications(ctx, { stage: 'applied,saved' })).length).toBe(2);
        expect((await listApplications(ctx, { q: 'nurse' })).map((r) => r.id)).toEqual([b.id]);
        expect((await listApplications(ctx, { q: 'acme analyst' })).map((r) => r.id)).toEqual([a.id]);
        expect((await listApplications(ctx, { q: '100%' })).map((r) => r.id)).toEqual([b.id]);
        expect((await listApplications(ctx, { q: '_' })).length).toBe(0);
        expect((await listApplications(ctx, { company: 'brightside health' })).map((r) => r.id)).toEqual([
          b.id,
        ]);
        expect((await listApplications(ctx, { source: 'Referral' })).map((r) => r.id)).toEqual([a.id]);
        expect(
          (await listApplications(ctx, { sort: 'company', order: 'asc' })).map((r) => r.companyName),
        ).toEqual(['Acme', 'Brightside Health', 'Corner Shop']);
        expect(
          (await listApplications(ctx, { sort: 'company', order: 'asc', limit: 1, offset: 1 }))[0]
            ?.companyName,
        ).toBe('Brightside Health');
        expect((await problemOf(listApplications(ctx, { stage: 'lost' }))).message).toContain('stage filter');
      });
    });

    describe('interviews, contacts, notes and the timeline', () => {
      it('logs an interview with a new interviewer, then reuses the contact by email', async () => {
        const app = await acme();
        const first = await addInterview(ctx, app.id, {
          at: '2026-11-10T14:00:00Z',
          kind: 'video',
          with: [{ name: 'Dana Lee', email: 'dana@acme.example' }],
        });
        expect(first.interviewers.map((c) => [c.name, c.email, c.role])).toEqual([
          ['Dana Lee', 'dana@acme.example', 'interviewer'],
        ]);
        const second = await addInterview(ctx, app.id, {
          at: '2026-11-12T09:30',
          with: [{ name: 'Dana Lee', email: 'DANA@acme.example' }],
        });
        expect(second.interviewerIds).toEqual(first.interviewerIds);
        expect(second.at).toBe('2026-11-12T09:30:00.000Z');
        const view = await getApplication(ctx, app.id);
        expect(view.contacts).toHaveLength(1);
        expect(view.interviews.map((i) => i.kind)).toEqual(['video', 'other']);
        expect((await listContacts(ctx, { company: 'acme' })).map((c) => c.companyName)).toEqual(['Acme']);
      });

      it('refuses an interview kind it does not know', async () => {
        const app = await acme();
        const p = await problemOf(
          addInterview(ctx, app.id, { at: '2026-11-10T14:00:00Z', kind: 'lunch' as never }),
        );
        expect(p.message).toMatch(/kind must be one of: phone, video/);
      });

      it('weaves events, interviews and notes into one timeline', async () => {
        const app = await acme();
        await moveApplication(ctx, app.id, { stage: 'screening', at: '2026-11-05' });
        await addInterview(ctx, app.id, {
          at: '2026-11-10T14:00:00Z',
          kind: 'video',
          with: [{ name: 'Dana Lee' }],
        });
        await addNote(ctx, app.id, { text: 'Asked about SQL window functions', at: '2026-11-10T15:00:00Z' });
        const timeline = await applicationTimeline(ctx, app.id);
        expect(timeline.map((t) => t.title)).toEqual([
          'Added at Applied',
          'Moved to Screening',
          'Video interview with Dana Lee',
          'Note',
        ]);
        expect(timeline[3]?.detail).toBe('Asked about SQL window functions');
      });

      it('adds, lists, edits contacts and refuses a duplicate email', async () => {
        const app = await acme();
        const sam = await addContact(ctx, {
          name: 'Sam Rivers',
          email: 'sam@acme.example',
          role: 'recruiter',
          applicationId: app.id,
        });
        expect(sam.companyName).toBe('Acme');
        const kim = await addContact(ctx, {
          name: 'Kim Ode',
          email: 'kim@elsewhere.example',
          role: 'referrer',
        });
        expect((await listContacts(ctx, { role: 'recruiter' })).map((c) => c.id)).toEqual([sam.id]);
        expect((await listContacts(ctx, { q: 'ode' })).map((c) => c.id)).toEqual([kim.id]);
        expect((await getApplication(ctx, app.id)).contacts.map((c) => c.id)).toEqual([sam.id]);
        const p = await problemOf(updateContact(ctx, kim.id, { email: 'SAM@acme.example' }));
        expect(p.code).toBe('conflict');
        expect((await updateContact(ctx, kim.id, { phone: '+44 20 7946 0000' })).phone).toBe(
          '+44 20 7946 0000',
        );
      });
    });

    describe('export and import', () => {
      async function fill(c: Context) {
        const app = await createApplication(c, {
          company: 'Acme',
          role: 'Data Analyst',
          applied: '2026-11-02',
          url: 'https://jobs.acme.example/1',
          jobDescription: 'SQL, Python, "dashboards" — and ünïcödé',
        });
        await moveApplication(c, app.id, { stage: 'screening', at: '2026-11-05' });
        await addInterview(c, app.id, {
          at: '2026-11-10T14:00:00Z',
          kind: 'video',
          with: [{ name: 'Dana Lee', email: 'dana@acme.example' }],
        });
        await addNote(c, app.id, { text: 'Good chat' });
        await addContact(c, {
          name: 'Sam Rivers',
          email: 'sam@acme.example',
          role: 'recruiter',
          applicationId: app.id,
        });
        const other = await createApplication(c, { company: 'Northwind', role: 'Analyst', stage: 'saved' });
        await moveApplication(c, other.id, { stage: 'withdrawn' });
        return app;
      }

      it('import(export(db)) into an empty database gives the same document', async () => {
        await fill(ctx);
        const first = await exportData(ctx);
        expect(first).toMatchObject({ format: 'onward-export', version: 1 });
        for (const target of DIALECTS) {
          const other = await openTestWorld(target, '2027-01-01T00:00:00.000Z');
          try {
            const summary = await importData(other.ctx, JSON.parse(JSON.stringify(first)));
            expect(summary.mode).toBe('fresh');
            expect(summary.added).toMatchObject({
              applications: 2,
              events: 4,
              interviews: 1,
              notes: 1,
              contacts: 2,
            });
            const again = await exportData(await openContext(other.store));
            expect(again).toEqual(first);
          } finally {
            await other.close();
          }
        }
      });

      it('merges by id: a second import adds nothing, new rows are added', async () => {
        const app = await fill(ctx);
        const doc = await exportData(ctx);
        const summary = await importData(ctx, doc);
        expect(summary.mode).toBe('merge');
        expect(summary.added).toEqual({});
        expect(await exportData(ctx)).toEqual(doc);

        const other = await openTestWorld(dialect);
        try {
          await importData(other.ctx, doc);
          await moveApplication(other.ctx, app.id, { stage: 'interviewing', at: '2026-11-11' });
          await createApplication(other.ctx, { company: 'ACME', role: 'BI Developer' });
          const later = await exportData(other.ctx);
          const merged = await importData(ctx, later);
          expect(merged.added).toMatchObject({ applications: 1, events: 2 });
          expect((await getApplication(ctx, app.id)).stage).toBe('interviewing');
          expect((await listApplications(ctx, { company: 'acme' })).length).toBe(2);
        } finally {
          await other.close();
        }
      });

      it('refuses what is not an export, a newer format or a damaged file, and writes nothing', async () => {
        await fill(ctx);
        const before = await exportData(ctx);
        expect((await problemOf(importData(ctx, [1, 2]))).message).toContain('not an Onward export');
        expect((await problemOf(importData(ctx, { hello: 'world' }))).message).toContain(
          '"format" should be "onward-export"',
        );
        const newer = await problemOf(importData(ctx, { ...before, version: 2 }));
        expect(newer.code).toBe('unsupported_format');
        expect(newer.message).toContain('format version 2, newer than this Onward reads (1)');
        const broken = structuredClone(before);
        broken.applications[0]!.stage = 'hired' as never;
        expect((await problemOf(importData(ctx, broken))).message).toContain(
          'damaged at applications.0.stage',
        );
        const dangling = structuredClone(before);
        dangling.events.push({ ...dangling.events[0]!, id: 'newevent0001', applicationId: 'nosuchapp001' });
        expect((await problemOf(importData(ctx, dangling))).message).toContain(
          'refers to application "nosuchapp001"',
        );
        // Valid rows before a bad one must not be half-written.
        const late = structuredClone(before);
        late.applications.push({ ...late.applications[0]!, id: 'brandnew0001', companyId: 'gone00000000' });
        expect((await problemOf(importData(ctx, late))).code).toBe('invalid_input');
        expect(await exportData(ctx)).toEqual(before);
      });
    });

    describe('users', () => {
      it("keeps each user's rows to themselves, and refuses an import of another user's ids", async () => {
        const mine = await acme();
        const doc = await exportData(ctx);
        const stranger: Context = {
          ...ctx,
          user: { id: 'stranger0001', name: 'Stranger', email: null, timeZone: 'UTC', createdAt: ctx.now() },
        };
        await world.store.users.insert(stranger.user);
        expect(await listApplications(stranger)).toEqual([]);
        expect((await problemOf(getApplication(stranger, mine.id))).code).toBe('not_found');
        const p = await problemOf(importData(stranger, doc));
        expect(p.code).toBe('conflict');
        expect(p.message).toContain('belongs to another account');
        expect(await listApplications(stranger)).toEqual([]);
      });
    });
  });
}
