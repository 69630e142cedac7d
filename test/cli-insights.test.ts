/** Insights, résumés, skills and learning goals as a seeker types them, and over HTTP. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { startServer } from '../src/http/server.js';
import { Store } from '../src/store/index.js';
import { createTestDatabase, DIALECTS, PG_SKIP_REASON, PG_URL, type TestDatabase } from './dialects.js';
import { makeDocx, makePdf } from './documents.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

const NOW = '2026-11-23T10:00:00Z';
const TOKEN = randomBytes(32).toString('hex');

const JD = `Warehouse Supervisor. You will lead a team of pickers, run stock control and cycle counts in our WMS,
and keep the site safe. A forklift licence and first aid certificate are required. Excel reporting.`;
const RESUME = `Team leader, distribution centre. Stock control, cycle counts, Excel, health and safety.`;

for (const dialect of DIALECTS) {
  describe(`insight commands and routes on ${dialect}`, () => {
    let dir: string;
    let database: TestDatabase;

    const onward = async (...args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(['--db', database.target, '--now', NOW, ...args], {
        out: (t) => (out += t),
        err: (t) => (err += t),
        env: { ONWARD_HOME: dir },
        isTty: false,
      });
      return { code, out, err };
    };
    const json = async <T>(...args: string[]): Promise<T> => {
      const r = await onward(...args, '--json');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      return JSON.parse(r.out) as T;
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'onward-cli-insights-'));
      database = await createTestDatabase(dialect, dir);
      expect((await onward('settings', 'set', 'timeZone', 'UTC')).code).toBe(0);
    });
    afterAll(async () => {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('stores a résumé from .docx, compares it with a job description, and sets a goal', async () => {
      writeFileSync(join(dir, 'jd.txt'), JD);
      writeFileSync(join(dir, 'cv.docx'), makeDocx(RESUME));
      const app = await json<{ id: string }>(
        'add',
        '--company',
        'Northwind',
        '--role',
        'Warehouse Supervisor',
        '--applied',
        '2026-11-02',
        '--jd',
        join(dir, 'jd.txt'),
        '--workplace',
        'on_site',
        '--resume-version',
        'ops',
      );
      const saved = await json<{ version: string; skills: { label: string }[] }>(
        'resume',
        'add',
        join(dir, 'cv.docx'),
        '--as',
        'ops',
      );
      expect(saved.version).toBe('ops');
      expect(saved.skills.map((s) => s.label)).toEqual(
        expect.arrayContaining(['Stock control', 'Microsoft Excel']),
      );

      const m = await json<{ resumeVersion: string; missing: { label: string }[]; coverage: number }>(
        'skills',
        'show',
        app.id,
      );
      expect(m.resumeVersion).toBe('ops');
      const missing = m.missing.map((s) => s.label.toLowerCase()).join(' | ');
      expect(missing).toMatch(/forklift/);
      expect(missing).toMatch(/first aid/);
      expect(m.coverage).toBeGreaterThan(0);
      expect(m.coverage).toBeLessThan(1);

      const text = await onward('skills', 'show', app.id);
      expect(text.out).toMatch(/Missing: .*Forklift/i);

      const goal = await json<{ id: string; skillLabel: string }>(
        'goals',
        'add',
        'forklift licence',
        '--kind',
        'course',
      );
      expect(goal.skillLabel.toLowerCase()).toMatch(/forklift/);
      const updated = await json<{ progress: number; doneAt: string | null }>(
        'goals',
        'update',
        goal.id,
        '--progress',
        '40',
      );
      expect(updated).toMatchObject({ progress: 40, doneAt: null });
      expect((await onward('goals', 'list')).out).toMatch(/40%/);

      const report = await json<{ totals: { sent: number }; skills: { resumes: number } }>('insights');
      expect(report.totals.sent).toBe(1);
      expect(report.skills.resumes).toBe(1);
      const page = await onward('insights');
      expect(page.code).toBe(0);
      expect(page.out).toMatch(/Funnel/);
      expect(page.out).toMatch(/Too early to say: 0 outcomes so far; patterns are shown from 5\./);
      expect(page.out).toMatch(/typical 2%–8%/);
    });

    it('says what to fix in one line and exits 1', async () => {
      writeFileSync(join(dir, 'cv.exe'), 'MZ');
      const bad = await onward('resume', 'add', join(dir, 'cv.exe'));
      expect(bad.code).toBe(1);
      expect(bad.err.trim().split('\n')[0]).toMatch(/\.txt|\.pdf|\.docx/);
      const kind = await onward('goals', 'add', 'SQL', '--kind', 'webinar');
      expect(kind.code).toBe(1);
      expect(kind.err).toMatch(/kind: one of course, volunteering, project/);
      const workplace = await onward('add', '--company', 'X', '--role', 'Y', '--workplace', 'moon');
      expect(workplace.code).toBe(1);
      expect(workplace.err).toMatch(/workplace.*remote, hybrid, on_site/);
      expect((await onward('skills', 'show', 'nope-nope')).code).toBe(1);
    });

    it('serves the same over HTTP: insights, résumé upload as base64, skills and goals', async () => {
      const store = await Store.open(database.target);
      const server = await startServer({ store, token: TOKEN, port: 0, now: NOW });
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
        return { status: res.status, json: text ? JSON.parse(text) : null };
      };
      try {
        const r = await call('GET', '/api/insights');
        expect(r.status).toBe(200);
        expect(r.json.funnel.rows[0]).toMatchObject({ step: 'applied', count: 1 });

        const pdf = Buffer.from(
          makePdf('Forklift licence holder. First aid certificate. Stock control.'),
        ).toString('base64');
        const up = await call('POST', '/api/resumes', { fileName: 'cv.pdf', data: pdf, version: 'ops' });
        expect(up.status).toBe(201);
        expect(up.json.fileName).toBe('cv.pdf');
        const apps = await call('GET', '/api/applications');
        const id = apps.json.applications[0].id as string;
        const skills = await call('GET', `/api/applications/${id}/skills`);
        expect(skills.status).toBe(200);
        expect(skills.json.missing.map((s: { label: string }) => s.label).join(' ')).not.toMatch(/Forklift/i);

        expect((await call('POST', '/api/resumes', { fileName: 'cv.exe', data: 'TVo=' })).status).toBe(400);
        expect((await call('POST', '/api/resumes', { text: '' })).status).toBe(400);
        expect((await call('POST', '/api/resumes', { text: 'x' }, 'wrong-token')).status).toBe(403);

        const goal = await call('POST', '/api/learning-goals', {
          skill: 'WMS',
          kind: 'project',
          target: '2027-02-01',
        });
        expect(goal.status).toBe(201);
        const patched = await call('PATCH', `/api/learning-goals/${goal.json.id}`, { done: true });
        expect(patched.json.progress).toBe(100);
        expect((await call('PATCH', `/api/learning-goals/${goal.json.id}`, { progress: 101 })).status).toBe(
          400,
        );
        expect((await call('DELETE', `/api/learning-goals/${goal.json.id}`)).status).toBe(204);
        expect(
          (await call('GET', '/api/learning-goals')).json.goals.some(
            (g: { id: string }) => g.id === goal.json.id,
          ),
        ).toBe(false);
      } finally {
        await server.close();
        await store.close();
      }
    });
  });
}
