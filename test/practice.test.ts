/** Interview practice end to end through the services, on every database that is here. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { THEME_MET_SPAN_MS } from '../src/domain/practice.js';
import {
  addFeedback,
  addInterview,
  createApplication,
  exportData,
  importData,
  practicePlan,
  practiceProgress,
  practiceQuestions,
  practiceStarCheck,
  recordPracticeAttempt,
  recordRejection,
  saveResume,
  today,
  updateSettings,
} from '../src/services/index.js';
import { questionById } from '../src/text/practice-questions.js';
import { DIALECTS, openTestWorld, PG_SKIP_REASON, PG_URL, type TestWorld } from './dialects.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

const NOW = '2026-11-23T10:00:00.000Z'; // Monday
const HOUR = 3_600_000;
const later = (hours: number): string => new Date(Date.parse(NOW) + hours * HOUR).toISOString();

const ANALYST_JD = `We are hiring a Data Analyst. You will build dashboards in Tableau, write SQL against our
warehouse and automate reports in Python. Strong Excel skills and stakeholder management are essential.`;
const ANALYST_JD_2 = `Data Analyst wanted: advanced SQL, Excel and Power BI. Experience presenting to stakeholders.`;
const RESUME = `Analyst with four years of experience. Skills: Python, Excel, pandas, stakeholder management.`;

for (const dialect of DIALECTS) {
  describe(`interview practice on ${dialect}`, () => {
    let world: TestWorld;
    beforeEach(async () => {
      world = await openTestWorld(dialect, NOW);
      await updateSettings(world.ctx, { timeZone: 'UTC' });
    });
    afterEach(() => world.close());

    async function rejectedWithFeedback(company: string, feedback: string, jd: string, at: string) {
      const ctx = world.ctx;
      const app = await createApplication(ctx, {
        company,
        role: 'Data Analyst',
        applied: '2026-10-01',
        jobDescription: jd,
      });
      await addInterview(ctx, app.id, { at: '2026-10-10T10:00:00Z', kind: 'video' });
      await recordRejection(ctx, app.id, { at: '2026-10-20T09:00:00Z' });
      await addFeedback(ctx, app.id, { text: feedback, at });
      return app;
    }

    const seedExamplesFeedback = async () => {
      await rejectedWithFeedback(
        'Acme',
        'The panel felt your answers needed more specific examples of what you had delivered.',
        ANALYST_JD,
        '2026-11-20T09:00:00Z',
      );
      await rejectedWithFeedback(
        'Beta',
        'We were looking for concrete examples with measurable results.',
        ANALYST_JD_2,
        '2026-11-21T09:00:00Z',
      );
    };

    const practiceStep = async () => {
      const t = await today(world.ctx);
      return t.steps.concat(t.upcoming).find((s) => s.kind === 'practice');
    };

    it('leads the week with behavioural questions for recurring feedback, and moves on once it is met', async () => {
      const ctx = world.ctx;
      await seedExamplesFeedback();

      const plan = await practicePlan(ctx);
      expect(plan.items).toHaveLength(7);
      const lead = plan.items.slice(0, 3);
      for (const item of lead) {
        expect(item.reason).toMatchObject({ kind: 'theme', theme: 'examples_evidence' });
        expect(item.question.family).toBe('behavioural');
        expect(item.question.themes).toContain('examples_evidence');
      }
      expect(plan.items[0]!.reason.text).toBe(
        'Feedback in two applications asked for more specific examples.',
      );
      const theme = plan.themes.find((t) => t.theme === 'examples_evidence')!;
      expect(theme).toMatchObject({ applications: 2, open: true, met: false });
      expect(theme.raisedBy.map((r) => r.company)).toEqual(['Acme', 'Beta']);
      expect(await practiceStep()).toMatchObject({ kind: 'practice' });

      // Three good answers, but the first two within a day of each other: not yet.
      const [q1, q2, q3] = lead.map((i) => i.question.id);
      await recordPracticeAttempt(ctx, { questionId: q1, scores: { structure: 4, evidence: 5, result: 4 } });
      world.setNow(later(6));
      await recordPracticeAttempt(ctx, { questionId: q2, rating: 4 });
      world.setNow(later(12));
      const third = await recordPracticeAttempt(ctx, { questionId: q3, rating: 5 });
      expect(third.metThemes).toEqual([]);
      expect((await practicePlan(ctx)).items[0]!.reason.kind).toBe('theme');
      expect(await practiceStep()).toBeDefined();

      // A fourth good answer a day after the second: the latest three span 24 hours and more.
      world.setNow(new Date(Date.parse(later(6)) + THEME_MET_SPAN_MS).toISOString());
      const moved = (await practicePlan(ctx)).items.find(
        (i) => i.reason.kind === 'theme' && !lead.some((l) => l.question.id === i.question.id),
      )!;
      const fourth = await recordPracticeAttempt(ctx, { questionId: moved.question.id, rating: 4 });
      expect(fourth.metThemes).toEqual(['examples_evidence']);

      const after = await practicePlan(ctx);
      expect(after.items.some((i) => i.reason.kind === 'theme')).toBe(false);
      expect(after.themes.find((t) => t.theme === 'examples_evidence')).toMatchObject({
        open: false,
        met: true,
      });
      // Answered well this week: left out.
      for (const id of [q1, q2, q3]) expect(after.items.some((i) => i.question.id === id)).toBe(false);
      // The weekly practice step retires with the theme.
      expect(await practiceStep()).toBeUndefined();

      const progress = await practiceProgress(ctx);
      expect(progress.totals).toMatchObject({ attempts: 4, questions: 4, byFriend: 0 });
      const examples = progress.themes[0]!;
      expect(examples).toMatchObject({ theme: 'examples_evidence', applications: 2, met: true, attempts: 4 });
      expect(examples.raisedBy.map((r) => r.company)).toEqual(['Acme', 'Beta']);
      expect(examples.averageRating).toBeGreaterThanOrEqual(4);
    });

    it('brings a weak answer back the next day, prepares for the next interview and the missing skills', async () => {
      const ctx = world.ctx;
      await seedExamplesFeedback();
      await saveResume(ctx, { text: RESUME, version: 'main' });
      const gamma = await createApplication(ctx, {
        company: 'Gamma',
        role: 'Data Analyst',
        applied: '2026-11-10',
        jobDescription: 'Data Analyst: SQL every day, Tableau dashboards and stakeholder management.',
      });
      await addInterview(ctx, gamma.id, { at: later(48), kind: 'video' });

      const plan = await practicePlan(ctx);
      expect(plan.interviews).toEqual([
        expect.objectContaining({ applicationId: gamma.id, company: 'Gamma', roleFamily: 'data' }),
      ]);
      expect(plan.interviews[0]!.skills).toContain('sql');
      const forInterview = plan.items.filter((i) => i.reason.kind === 'interview');
      expect(forInterview.length).toBeGreaterThan(0);
      expect(forInterview[0]!.reason.applicationId).toBe(gamma.id);
      expect(forInterview[0]!.reason.text).toMatch(/Data Analyst interview in two days/);
      expect(plan.missingSkills.map((s) => s.skill)).toContain('SQL');

      const weak = plan.items[0]!.question.id;
      const r = await recordPracticeAttempt(ctx, {
        questionId: weak,
        rating: 2,
        answer: 'Um, I would always, like, try my best.',
        seconds: 40,
      });
      expect(r.attempt).toMatchObject({ rating: 2, seconds: 40, ratedBy: 'self', raterName: null });
      expect(r.attempt.reason).toBe('Feedback in two applications asked for more specific examples.');
      expect(Date.parse(r.card.due) - Date.parse(NOW)).toBe(24 * HOUR);

      world.setNow(later(24));
      const next = await practicePlan(ctx);
      const back = next.items.find((i) => i.question.id === weak)!;
      expect(back).toMatchObject({ attempts: 1, lastRating: 2 });
      expect(['review', 'theme']).toContain(back.reason.kind);

      // A friend's ratings count too, under their name.
      const friend = await recordPracticeAttempt(ctx, {
        questionId: weak,
        scores: { structure: 3, evidence: 4, result: 3, relevance: 4, delivery: 4 },
        ratedBy: 'friend',
        raterName: 'Sam Taylor',
      });
      expect(friend.attempt).toMatchObject({ rating: 4, ratedBy: 'friend', raterName: 'Sam Taylor' });
      expect((await practiceProgress(ctx)).totals.byFriend).toBe(1);
    });

    it('refuses bad answers with one clear line and writes nothing', async () => {
      const ctx = world.ctx;
      const id = 'beh-mistake';
      expect(questionById(id)).toBeDefined();
      await expect(recordPracticeAttempt(ctx, { questionId: 'no-such-question', rating: 3 })).rejects.toThrow(
        /no practice question "no-such-question"/,
      );
      await expect(recordPracticeAttempt(ctx, { questionId: id, rating: 7 })).rejects.toThrow(
        /rating: a whole number from 1 \(weak\) to 5 \(strong\), not 7/,
      );
      await expect(recordPracticeAttempt(ctx, { questionId: id, scores: { charm: 5 } })).rejects.toThrow(
        /no rubric criterion "charm"/,
      );
      await expect(recordPracticeAttempt(ctx, { questionId: id, scores: { structure: 0 } })).rejects.toThrow(
        /structure must be a whole number from 1 to 5/,
      );
      await expect(recordPracticeAttempt(ctx, { questionId: id })).rejects.toThrow(/give a rating/);
      await expect(
        recordPracticeAttempt(ctx, { questionId: id, rating: 3, ratedBy: 'coach' }),
      ).rejects.toThrow(/ratedBy: self or friend/);
      await expect(
        recordPracticeAttempt(ctx, { questionId: id, rating: 3, raterName: 'Sam' }),
      ).rejects.toThrow(/only for a rating by a friend/);
      await expect(recordPracticeAttempt(ctx, { questionId: id, rating: 3, seconds: -1 })).rejects.toThrow(
        /seconds/,
      );
      expect(() => practiceQuestions({ theme: 'charm' })).toThrow(/theme: one of communication/);
      expect(() => practiceQuestions({ family: 'astronaut' })).toThrow(/family: a question family/);
      expect(() => practiceStarCheck(42)).toThrow(/answer: the text/);
      const doc = await exportData(ctx);
      expect(doc.practiceAttempts).toEqual([]);
      expect(doc.practiceCards).toEqual([]);
    });

    it('filters the bank, checks STAR, and exports and imports attempts and cards exactly', async () => {
      const ctx = world.ctx;
      const behavioural = practiceQuestions({ theme: 'examples_evidence', family: 'behavioural' });
      expect(behavioural.length).toBeGreaterThan(5);
      expect(
        behavioural.every((q) => q.family === 'behavioural' && q.themes.includes('examples_evidence')),
      ).toBe(true);
      const nursing = practiceQuestions({ family: 'healthcare' });
      expect(nursing.length).toBeGreaterThan(0);
      expect(nursing.every((q) => q.roleFamily === 'healthcare')).toBe(true);

      const star = practiceStarCheck(
        'Last spring at the clinic the waiting list had grown to six weeks. My job was to bring it down. I rebuilt the rota and added evening slots. As a result waits fell to two weeks by June.',
      );
      expect(star).toMatchObject({ measurableResult: true, specificExample: true });
      expect(star.situation.present && star.action.present && star.result.present).toBe(true);

      await recordPracticeAttempt(ctx, {
        questionId: 'beh-mistake',
        scores: { structure: 4, evidence: 3 },
        answer: 'Notes',
        seconds: 100,
      });
      world.setNow(later(30));
      await recordPracticeAttempt(ctx, {
        questionId: 'beh-mistake',
        rating: 5,
        ratedBy: 'friend',
        raterName: 'Alex',
      });
      const doc = await exportData(ctx);
      expect(doc.practiceAttempts).toHaveLength(2);
      expect(doc.practiceCards).toHaveLength(1);
      expect(doc.practiceCards[0]).toMatchObject({ questionId: 'beh-mistake', lastRating: 5, reps: 2 });

      const other = await openTestWorld(dialect, NOW);
      try {
        await importData(other.ctx, JSON.parse(JSON.stringify(doc)));
        const again = await exportData(other.ctx);
        expect(again.practiceAttempts).toEqual(doc.practiceAttempts);
        expect(again.practiceCards).toEqual(doc.practiceCards);
        // Importing twice adds nothing.
        const summary = await importData(other.ctx, JSON.parse(JSON.stringify(doc)));
        expect(summary.added.practiceAttempts).toBeUndefined();
        expect((await exportData(other.ctx)).practiceAttempts).toHaveLength(2);
      } finally {
        await other.close();
      }

      // A file from before practice imports, with none.
      const older = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
      delete older.practiceAttempts;
      delete older.practiceCards;
      const third = await openTestWorld(dialect, NOW);
      try {
        await importData(third.ctx, older);
        expect((await exportData(third.ctx)).practiceAttempts).toEqual([]);
      } finally {
        await third.close();
      }
    });
  });
}
