/** The practice commands as a seeker types them, and the interactive session driven line by line. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceSession, type Asker } from '../src/cli/commands/practice.js';
import { runCli } from '../src/cli/main.js';
import { openContext } from '../src/services/index.js';
import { Store } from '../src/store/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from './dialects.js';

const MONDAY = '2026-11-23T10:00:00Z';
const TUESDAY = '2026-11-24T10:00:00Z';

interface Result {
  code: number;
  out: string;
  err: string;
}

interface PlanJson {
  items: { question: { id: string; family: string }; reason: { kind: string; theme?: string } }[];
  themes: { theme: string; open: boolean; met: boolean }[];
}

for (const dialect of DIALECTS) {
  describe(`the practice commands on ${dialect}`, () => {
    let dir: string;
    let database: TestDatabase;

    const onward = async (now: string, ...args: string[]): Promise<Result> => {
      let out = '';
      let err = '';
      const code = await runCli(['--db', database.target, '--now', now, ...args], {
        out: (t) => (out += t),
        err: (t) => (err += t),
        env: { ONWARD_HOME: dir },
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
      dir = mkdtempSync(join(tmpdir(), 'onward-cli-practice-'));
      database = await createTestDatabase(dialect, dir);
      expect((await onward(MONDAY, 'settings', 'set', 'timeZone', 'UTC')).code).toBe(0);
      for (const [company, text, at] of [
        [
          'Acme',
          'The panel felt your answers needed more specific examples of what you had delivered.',
          '2026-11-20T09:00:00Z',
        ],
        ['Beta', 'We were looking for concrete examples with measurable results.', '2026-11-21T09:00:00Z'],
      ] as const) {
        const app = await json<{ id: string }>(
          MONDAY,
          'add',
          '--company',
          company,
          '--role',
          'Data Analyst',
          '--applied',
          '2026-10-01',
        );
        expect((await onward(MONDAY, 'reject', app.id)).code).toBe(0);
        expect((await onward(MONDAY, 'feedback', 'add', app.id, text, '--at', at)).code).toBe(0);
      }
    });
    afterAll(async () => {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('questions, plan, answer, progress and the friend sheet', async () => {
      const questions = await json<{ questions: { id: string; family: string; themes: string[] }[] }>(
        MONDAY,
        'practice',
        'questions',
        '--theme',
        'examples_evidence',
        '--family',
        'behavioural',
      );
      expect(questions.questions.length).toBeGreaterThan(5);
      expect(questions.questions.every((q) => q.family === 'behavioural')).toBe(true);
      const listed = await onward(MONDAY, 'practice', 'questions', '--family', 'healthcare');
      expect(listed.out).toMatch(/\d+ questions\n$/);

      const plan = await json<PlanJson>(MONDAY, 'practice', 'plan');
      expect(plan.items[0]!.reason).toMatchObject({ kind: 'theme', theme: 'examples_evidence' });
      expect(plan.items[0]!.question.family).toBe('behavioural');
      const text = await onward(MONDAY, 'practice', 'plan');
      expect(text.out).toContain('Working on: Specific examples (feedback in 2 applications: Acme, Beta)');
      expect(text.out).toContain('Why: Feedback in two applications asked for more specific examples.');
      // Without a terminal, bare `practice` prints the plan.
      expect((await onward(MONDAY, 'practice')).out).toContain("This week's practice: 7 questions");

      const id = plan.items[0]!.question.id;
      const saved = await onward(
        MONDAY,
        'practice',
        'answer',
        id,
        '--scores',
        'structure=2,evidence=2,result=3',
        '--answer',
        'I would always try hard.',
        '--seconds',
        '35',
      );
      expect(saved).toMatchObject({ code: 0, err: '' });
      expect(saved.out).toBe('Saved: rated 2/5. It comes back 24 Nov 2026.\n');
      const friend = await json<{ attempt: { ratedBy: string; raterName: string; rating: number } }>(
        MONDAY,
        'practice',
        'answer',
        plan.items[1]!.question.id,
        '--rating',
        '4',
        '--rated-by',
        'friend',
        '--rater',
        'Sam Taylor',
      );
      expect(friend.attempt).toMatchObject({ ratedBy: 'friend', raterName: 'Sam Taylor', rating: 4 });

      const progress = await onward(MONDAY, 'practice', 'progress');
      expect(progress.out).toContain('Practice: 2 answers to 2 questions');
      expect(progress.out).toContain('Specific examples: raised by feedback from');
      expect(progress.out).toMatch(/Acme \(Data Analyst\), 20 Nov 2026: “The panel felt/);

      const star = await json<{ specificExample: boolean; fillerCount: number }>(
        MONDAY,
        'practice',
        'star',
        '--text',
        'Um, I would always, like, help.',
      );
      expect(star.specificExample).toBe(false);

      const file = join(dir, 'friend.html');
      const wrote = await onward(MONDAY, 'practice', 'friend', '--out', file);
      expect(wrote.code).toBe(0);
      const html = readFileSync(file, 'utf8');
      expect(html).toContain('<title>Mock interview for');
      expect(html).toContain('A strong answer shows:');
      expect(html).toContain(id);
      expect(html.match(/class="box"/g)?.length).toBe(7 * 6 * 5);
    });

    it('bad input: one line, exit 1, nothing written', async () => {
      const before = await json<{ totals: { attempts: number } }>(MONDAY, 'practice', 'progress');
      const cases: [string[], RegExp][] = [
        [
          ['practice', 'answer', 'no-such-question', '--rating', '3'],
          /no practice question "no-such-question"/,
        ],
        [['practice', 'answer', 'beh-mistake', '--rating', '7'], /rating: a whole number from 1/],
        [['practice', 'answer', 'beh-mistake', '--scores', 'charm=5'], /no rubric criterion "charm"/],
        [['practice', 'answer', 'beh-mistake', '--scores', 'structure'], /--scores: write criterion=score/],
        [
          ['practice', 'answer', 'beh-mistake', '--rating', '3', '--rated-by', 'coach'],
          /ratedBy: self or friend/,
        ],
        [['practice', 'questions', '--theme', 'charm'], /theme: one of/],
      ];
      for (const [args, message] of cases) {
        const r = await onward(MONDAY, ...args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.out).toBe('');
        expect(r.err).toMatch(message);
        expect(r.err.trim().split('\n')).toHaveLength(1);
      }
      const after = await json<{ totals: { attempts: number } }>(MONDAY, 'practice', 'progress');
      expect(after.totals.attempts).toBe(before.totals.attempts);
    });

    it('the interactive session: clock, notes, STAR check, a score per criterion, saved', async () => {
      const store = await Store.open(database.target);
      try {
        const ctx = await openContext(store, { now: TUESDAY });
        const lines = [
          '', // start the clock
          'Last spring at the clinic the waiting list had grown to six weeks.',
          'My job was to bring it down. I rebuilt the rota and added evening slots.',
          'As a result waits fell to two weeks by June.',
          '', // stop the clock
          '4',
          '5',
          '4',
          'x', // not a score: asked again
          '4',
          '', // delivery left out
          's', // skip the next question
          'q', // and stop
        ];
        const asked: string[] = [];
        const asker: Asker = {
          ask: async (prompt) => {
            asked.push(prompt);
            const line = lines.shift();
            if (line === undefined) throw new Error(`no scripted answer for "${prompt}"`);
            return line;
          },
          close: () => undefined,
        };
        let ms = 0;
        const clock = () => {
          ms += 45_000;
          return ms;
        };
        let out = '';
        const saved = await practiceSession(
          ctx,
          { out: (t) => (out += t), err: () => undefined, env: {}, isTty: true },
          asker,
          clock,
        );
        expect(saved).toBe(1);
        expect(lines).toEqual([]);
        expect(out).toContain('── 1 of 7 ──');
        expect(out).toContain('A strong answer:');
        expect(out).toContain('Time: 0:45');
        expect(out).toMatch(/STAR: situation ✓ {2}task ✓ {2}action ✓ {2}result ✓/);
        expect(out).toContain('Measurable result: yes');
        expect(out).toContain('Saved: rated 4/5.');
        expect(out).toContain('1 answer saved.');
        expect(asked.filter((p) => p.includes('Relevance to the role'))).toHaveLength(2);
      } finally {
        await store.close();
      }
      const progress = await json<{ recent: { seconds: number; scores: Record<string, number> }[] }>(
        TUESDAY,
        'practice',
        'progress',
      );
      expect(progress.recent[0]).toMatchObject({
        seconds: 45,
        scores: { structure: 4, evidence: 5, result: 4, relevance: 4 },
      });
    });
  });
}
