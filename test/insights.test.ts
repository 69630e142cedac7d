/** Insights end to end through the services, on every database that is here. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addFeedback,
  addInterview,
  addLearningGoal,
  applicationSkills,
  createApplication,
  exportData,
  importData,
  insights,
  listApplications,
  rateInterview,
  recordRejection,
  saveResume,
  today,
  updateApplication,
  updateLearningGoal,
  updateSettings,
} from '../src/services/index.js';
import { DIALECTS, openTestWorld, PG_SKIP_REASON, PG_URL, type TestWorld } from './dialects.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

const NOW = '2026-11-23T10:00:00.000Z'; // Monday

const ANALYST_JD = `We are hiring a Data Analyst. You will build dashboards in Tableau, write SQL against our
warehouse and automate reports in Python. Strong Excel skills and stakeholder management are essential.`;
const ANALYST_JD_2 = `Data Analyst wanted: advanced SQL, Excel and Power BI. Experience presenting to stakeholders.`;
const RESUME = `Analyst with four years of experience. Skills: Python, Excel, pandas, stakeholder management,
presenting insights to senior leaders.`;

for (const dialect of DIALECTS) {
  describe(`insights on ${dialect}`, () => {
    let world: TestWorld;
    beforeEach(async () => {
      world = await openTestWorld(dialect, NOW);
      await updateSettings(world.ctx, { timeZone: 'UTC' });
    });
    afterEach(() => world.close());

    async function rejectedAfterInterview(company: string, jd: string, feedback: string) {
      const ctx = world.ctx;
      const app = await createApplication(ctx, {
        company,
        role: 'Data Analyst',
        applied: '2026-10-01',
        jobDescription: jd,
        source: 'job_board',
      });
      const withInterview = await addInterview(ctx, app.id, {
        at: '2026-10-10T10:00:00Z',
        kind: 'video',
        with: [{ name: `Interviewer at ${company}` }],
      });
      await rateInterview(ctx, withInterview.id, { selfRating: 4 });
      await recordRejection(ctx, app.id, { at: '2026-10-20T09:00:00Z' });
      await addFeedback(ctx, app.id, { text: feedback, at: '2026-10-25T09:00:00Z' });
      return app;
    }

    it('holds recurring feedback against self-ratings, finds skill gaps, and plans practice and learning', async () => {
      const ctx = world.ctx;
      const acme = await rejectedAfterInterview(
        'Acme',
        ANALYST_JD,
        'Thank you for your time. The panel felt your answers needed more specific examples of what you had delivered.',
      );
      await rejectedAfterInterview(
        'Beta',
        ANALYST_JD_2,
        'We were looking for concrete examples with measurable results.',
      );
      await createApplication(ctx, { company: 'Gamma', role: 'Backend Engineer', applied: '2026-11-20' });
      await saveResume(ctx, { text: RESUME, version: 'main' });

      const r = await insights(ctx);
      expect(r.totals).toMatchObject({ applications: 3, sent: 3, rejected: 2, feedback: 2 });
      const counts = Object.fromEntries(r.funnel.rows.map((row) => [row.step, row.count]));
      expect(counts).toEqual({ applied: 3, response: 2, interview: 2, final: 0, offer: 0 });

      const examples = r.themes[0]!;
      expect(examples).toMatchObject({
        theme: 'examples_evidence',
        negativeApplications: 2,
        recurring: true,
      });
      expect(examples.selfRating).toEqual({ average: 4, count: 2 });
      expect(examples.comparison).toMatch(
        /You rated those interviews 4\/5; in two applications the feedback asked for more specific examples/,
      );
      expect(r.headlines.join(' ')).toMatch(/specific examples/);

      // SQL is asked for by both rejected job descriptions and missing from the résumé.
      const sql = r.skills.gaps.find((g) => g.label === 'SQL');
      expect(sql).toMatchObject({ applications: 2 });
      expect(r.skills.gaps[0]!.applications).toBe(2);
      expect(r.skills.gaps.some((g) => g.label === 'Python')).toBe(false);

      // Editing a job description (same clock, so the same updatedAt) is seen at once.
      const beta = (await listApplications(ctx, { q: 'Beta' }))[0]!;
      await updateApplication(ctx, beta.id, { jobDescription: 'Data Analyst wanted: Excel and Power BI.' });
      expect((await insights(ctx)).skills.gaps.find((g) => g.label === 'SQL')).toMatchObject({
        applications: 1,
      });
      await updateApplication(ctx, beta.id, { jobDescription: ANALYST_JD_2 });

      const match = await applicationSkills(ctx, acme.id);
      expect(match.resumeVersion).toBe('main');
      expect(match.matched.map((s) => s.label)).toEqual(
        expect.arrayContaining(['Python', 'Microsoft Excel']),
      );
      expect(match.missing.map((s) => s.label)).toEqual(expect.arrayContaining(['SQL', 'Tableau']));
      expect(match.coverage).toBeCloseTo(match.matched.length / match.required.length);

      // Two outcomes only: the search section stays quiet and says why.
      expect(r.refinement.outcomes).toBe(2);
      expect(r.refinement.suggestions).toEqual([]);

      const t = await today(ctx);
      const kinds = t.steps.concat(t.upcoming).map((s) => `${s.kind}:${s.title}`);
      expect(kinds).toContain('practice:Practise interview answers: specific examples');
      expect(kinds).toContain('learn:Plan how to build up SQL');
      const learn = t.steps.concat(t.upcoming).filter((s) => s.kind === 'learn');
      expect(learn.map((s) => s.why).join(' ')).toMatch(/SQL/);

      // A goal for SQL retires its learning step; progress is kept.
      const goal = await addLearningGoal(ctx, {
        skill: 'SQL',
        skillId: sql!.id,
        kind: 'course',
        plan: 'An evening SQL course',
        target: '2027-01-31',
      });
      expect(goal.skillLabel).toBe('SQL');
      const sqlStep = (await exportData(ctx)).steps.find((s) => s.key === `learn:skill:${sql!.id}`);
      expect(sqlStep).toMatchObject({ state: 'done', closedBy: 'seeker' });
      const after = await today(ctx);
      expect(after.steps.concat(after.upcoming).some((s) => s.kind === 'learn' && /SQL/.test(s.why))).toBe(
        false,
      );
      const done = await updateLearningGoal(ctx, goal.id, { progress: 100 });
      expect(done.doneAt).toBe(NOW);

      // Export and import carry the résumé and the goal.
      const doc = await exportData(ctx);
      expect(doc.resumes).toHaveLength(1);
      expect(doc.learningGoals).toHaveLength(1);
      const other = await openTestWorld(dialect, NOW);
      try {
        await importData(other.ctx, doc);
        const again = await exportData(other.ctx);
        expect(again.resumes).toEqual(doc.resumes);
        expect(again.learningGoals).toEqual(doc.learningGoals);
        expect(again.applications).toEqual(doc.applications);
      } finally {
        await other.close();
      }
    });

    it('refuses bad learning goals and résumés with one clear line, writing nothing', async () => {
      const ctx = world.ctx;
      await expect(addLearningGoal(ctx, { skill: 'SQL', kind: 'seminar' })).rejects.toThrow(
        /kind: one of course, volunteering, project/,
      );
      await expect(addLearningGoal(ctx, { skill: 'SQL', target: '2026-02-30x' })).rejects.toThrow(
        /YYYY-MM-DD/,
      );
      await expect(addLearningGoal(ctx, { skill: 'SQL', target: '2025-01-01' })).rejects.toThrow(
        /already past/,
      );
      await expect(addLearningGoal(ctx, { skill: 'SQL', progress: 140 })).rejects.toThrow(/0 to 100/);
      await expect(saveResume(ctx, { text: '   ' })).rejects.toThrow(/empty/);
      const doc = await exportData(ctx);
      expect(doc.learningGoals).toEqual([]);
      expect(doc.resumes).toEqual([]);
    });

    it('starts empty and kind', async () => {
      const r = await insights(world.ctx);
      expect(r.totals.applications).toBe(0);
      expect(r.headlines).toEqual([
        'Nothing sent yet. Once applications go out, this page shows how the search is going.',
      ]);
      expect(r.themes).toEqual([]);
      expect(r.skills.gaps).toEqual([]);
    });
  });
}
