import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './dialects.js';

const NOW = '2026-11-23T09:00:00Z';

interface Result {
  code: number;
  out: string;
  err: string;
}

function makeRunner(db: string, home: string) {
  return async (...args: string[]): Promise<Result> => {
    let out = '';
    let err = '';
    const code = await runCli(['--db', db, '--now', NOW, ...args], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      env: { ONWARD_HOME: home },
      isTty: false,
    });
    return { code, out, err };
  };
}

const json = <T>(r: Result): T => {
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
};

for (const dialect of DIALECTS) {
  describe(`the onward command on ${dialect}`, () => {
    let dir: string;
    let database: TestDatabase;
    let onward: ReturnType<typeof makeRunner>;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'onward-cli-'));
      database = await createTestDatabase(dialect, dir);
      onward = makeRunner(database.target, dir);
    });
    afterAll(async () => {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('adds, moves, logs an interview and shows the history', async () => {
      const app = json<{ id: string; stage: string }>(
        await onward(
          'add',
          '--company',
          'Acme',
          '--role',
          'Data Analyst',
          '--applied',
          '2026-11-02',
          '--json',
        ),
      );
      expect(app.stage).toBe('applied');
      expect((await onward('move', app.id, 'screening', '--at', '2026-11-05')).code).toBe(0);
      const iv = await onward(
        'interview',
        app.id,
        '--at',
        '2026-11-10T14:00:00Z',
        '--kind',
        'video',
        '--with',
        'Dana Lee <dana@acme.example>',
      );
      expect(iv.code).toBe(0);
      expect(iv.out).toContain('with Dana Lee <dana@acme.example>');
      const shown = json<{
        stage: string;
        events: { kind: string; toStage: string; at: string }[];
        interviews: { kind: string; at: string; interviewers: { email: string }[] }[];
      }>(await onward('show', app.id, '--json'));
      expect(shown.stage).toBe('screening');
      expect(shown.events.map((e) => e.toStage)).toEqual(['applied', 'screening']);
      expect(shown.interviews[0]).toMatchObject({ kind: 'video', at: '2026-11-10T14:00:00.000Z' });
      expect(shown.interviews[0]?.interviewers[0]?.email).toBe('dana@acme.example');

      const text = await onward('show', app.id);
      expect(text.out).toContain('Acme · Data Analyst');
      expect(text.out).toContain('Moved to Screening');
      expect(text.out).toContain('Video interview with Dana Lee');
    });

    it('lists, filters and notes', async () => {
      const other = json<{ id: string }>(
        await onward('add', '--company', 'Northwind', '--role', 'Nurse', '--json'),
      );
      expect((await onward('note', other.id, 'Called', 'the', 'ward', 'manager')).code).toBe(0);
      const all = json<{ companyName: string }[]>(await onward('list', '--json'));
      expect(all.map((a) => a.companyName).sort()).toEqual(['Acme', 'Northwind']);
      const screening = json<{ companyName: string }[]>(
        await onward('list', '--stage', 'screening', '--json'),
      );
      expect(screening.map((a) => a.companyName)).toEqual(['Acme']);
      const table = await onward('list');
      expect(table.out).toMatch(/ID\s+COMPANY\s+ROLE\s+STAGE\s+UPDATED/);
      expect(table.out).toContain('2 applications');
      const shown = await onward('show', other.id);
      expect(shown.out).toContain('Called the ward manager');
    });

    it('answers user errors with one line and exit 1, writing nothing', async () => {
      const before = (await onward('list', '--json')).out;
      const cases: [string[], RegExp][] = [
        [['move', 'nosuchid0000', 'screening'], /^onward: no application with id "nosuchid0000"\n$/],
        [['add', '--company', 'X', '--role', 'Y', '--applied', '2026-13-45'], /not a valid applied date/],
        [['list', '--stage', 'hired'], /stage filter: must be one of/],
        [['add', '--company', 'X', '--role', 'Y', '--fit', '7'], /fit must be from 1 to 5/],
        [['add', '--role', 'Y'], /required option '--company <name>' not specified/],
        [['frobnicate'], /unknown command 'frobnicate'/],
        [
          ['add', '--company', 'X', '--role', 'Y', '--jd', join(tmpdir(), 'no-such-file.txt')],
          /cannot read job description file .*no such file/,
        ],
      ];
      for (const [args, message] of cases) {
        const r = await onward(...args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.err, args.join(' ')).toMatch(message);
        expect(r.err.trim().split('\n')[0]).toMatch(/^onward: /);
      }
      const acme = json<{ id: string }[]>(await onward('list', '--company', 'acme', '--json'))[0]!;
      const forbidden = await onward('move', acme.id, 'applied');
      expect(forbidden.code).toBe(1);
      expect(forbidden.err).toMatch(/stages only move forward/);
      expect((await onward('list', '--json')).out).toBe(before);
    });

    it('exports, imports into an empty database and exports the same document', async () => {
      const file = join(dir, 'export.json');
      expect((await onward('export', '--out', file)).code).toBe(0);
      const target = await createTestDatabase(dialect, dir);
      try {
        const fresh = makeRunner(target.target, dir);
        const imported = json<{ mode: string }>(await fresh('import', file, '--json'));
        expect(imported.mode).toBe('fresh');
        const again = await fresh('export');
        expect(again.out).toBe(readFileSync(file, 'utf8'));
      } finally {
        await target.drop();
      }
      const newer = join(dir, 'newer.json');
      writeFileSync(newer, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), version: 99 }));
      const refused = await onward('import', newer);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/format version 99, newer than this Onward reads/);
      writeFileSync(join(dir, 'not.json'), 'hello');
      expect((await onward('import', join(dir, 'not.json'))).err).toMatch(/is not JSON/);
      writeFileSync(join(dir, 'latin1.json'), Buffer.from([0x7b, 0xe9, 0x7d]));
      expect((await onward('import', join(dir, 'latin1.json'))).err).toMatch(/is not UTF-8 text/);
    });

    it('adds and lists contacts', async () => {
      const c = json<{ id: string; companyName: string }>(
        await onward(
          'contact',
          'add',
          '--name',
          'Sam Rivers',
          '--email',
          'sam@acme.example',
          '--role',
          'recruiter',
          '--company',
          'Acme',
          '--json',
        ),
      );
      expect(c.companyName).toBe('Acme');
      const list = json<{ name: string }[]>(await onward('contact', 'list', '--company', 'Acme', '--json'));
      expect(list.map((x) => x.name)).toEqual(['Dana Lee', 'Sam Rivers']);
      expect((await onward('contact', 'add', '--name', 'X', '--email', 'not-an-email')).err).toMatch(
        /email must be an email address/,
      );
    });
  });
}

describe('the installed bin', () => {
  const bin = join(import.meta.dirname, '..', 'bin', 'onward.js');
  const built = existsSync(join(import.meta.dirname, '..', 'dist', 'cli', 'main.js'));

  it('is built (npm test runs npm run build first)', () => {
    expect(built, 'dist/ is missing: run npm run build').toBe(true);
  });

  it.runIf(built)('exits 0, 1 and 2 as DESIGN.md §6 says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onward-bin-'));
    try {
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [bin, ...args], {
          encoding: 'utf8',
          env: { ...process.env, ONWARD_HOME: dir, ONWARD_DB: join(dir, 'x.db') },
        });
      const ok = run('add', '--company', 'Acme', '--role', 'Analyst', '--json');
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout).id).toMatch(/^[0-9a-z]{12}$/);
      const user = run('show', 'nosuchid0000');
      expect(user.status).toBe(1);
      expect(user.stderr).toBe('onward: no application with id "nosuchid0000"\n');
      writeFileSync(join(dir, 'garbage.db'), 'this is not a database at all, just text that is long enough');
      const notDb = run('--db', join(dir, 'garbage.db'), 'list');
      expect(notDb.status).toBe(1);
      expect(notDb.stderr).toMatch(/not an Onward \(SQLite\) database/);
      // A database whose schema was damaged behind Onward's back is a bug to report, not a user error.
      const broken = new Database(join(dir, 'x.db'));
      broken.exec('DROP TABLE notes');
      broken.close();
      const internal = run('note', JSON.parse(ok.stdout).id, 'hello');
      expect(internal.status).toBe(2);
      expect(internal.stderr).toMatch(/^onward: internal error: no such table: notes\n/);
      const help = run('--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Usage: onward');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
