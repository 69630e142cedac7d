/**
 * Feedback, skills and Insights in a real browser (Debian's Chromium, headless), against the real
 * server on a SQLite file: a search with several applications — rejected ones with job
 * descriptions, feedback asking for specific examples in two of them — is seeded through the API;
 * without a résumé the skills card leads to where one is added, and one is; feedback is added on
 * an application's page with the keyboard alone; the Insights page shows the recurring theme and
 * the funnel's numbers in its tables; a learning goal is set for a skill gap and listed; résumés
 * are pasted and uploaded. axe-core finds nothing in light or dark, and the views are saved as
 * screenshots at desktop and phone width in test-artifacts/screenshots.
 *
 * Without /usr/bin/chromium the suite is skipped with one printed line, unless ONWARD_TEST_BROWSER
 * is set (as in CI), which makes it fail instead.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserGate,
  COLOR_SCHEMES,
  openBrowser,
  poll,
  ready,
  runAxe,
  screenshots,
  startApp,
  withAuditPage,
  type ApiClient,
  type RunningApp,
} from './harness.js';

const browserTests = browserGate();

const DAY = 86_400_000;

const ANALYST_JD = `We are hiring a Data Analyst. You will build dashboards in Tableau, write SQL against our
warehouse and automate reports in Python. Strong Excel skills and stakeholder management are essential.`;
const ANALYST_JD_2 = `Data Analyst wanted: advanced SQL, Excel and Power BI. Experience presenting to stakeholders.`;
const BI_JD = `BI Developer: SQL, Power BI and Python. You will work with stakeholders across the business.`;
const RESUME = `Analyst with four years of experience. Skills: Python, Excel, pandas, stakeholder management,
presenting insights to senior leaders.`;

const day = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString().slice(0, 10);
const instant = (msAgo: number): string => new Date(Date.now() - msAgo).toISOString();

interface Seeded {
  acme: string;
  beta: string;
  gamma: string;
}

/**
 * Six applications sent: Acme and Beta interviewed, then said no, each with feedback asking for
 * specific examples; Gamma screened, then said no (its feedback is added in the browser); Delta
 * said no straight away; Epsilon and Zeta are still open.
 */
async function seed(api: ApiClient): Promise<Seeded> {
  const create = (input: Record<string, unknown>) => api.post<{ id: string }>('/api/applications', input);
  async function interviewedThenNo(company: string, jd: string, feedback: string, weeksAgo: number) {
    const app = await create({
      company,
      role: 'Data Analyst',
      applied: day(weeksAgo * 7 * DAY),
      jobDescription: jd,
      source: 'job_board',
      workplace: 'hybrid',
      resumeVersion: 'main',
    });
    const interview = await api.post<{ id: string }>(`/api/applications/${app.id}/interviews`, {
      at: instant((weeksAgo - 2) * 7 * DAY),
      kind: 'video',
      with: [{ name: `Interviewer at ${company}` }],
    });
    await api.patch(`/api/interviews/${interview.id}`, { selfRating: 4 });
    await api.post(`/api/applications/${app.id}/rejection`, { at: instant((weeksAgo - 3) * 7 * DAY) });
    await api.post(`/api/applications/${app.id}/feedback`, { text: feedback, from: 'Dana Lee' });
    return app.id;
  }
  const acme = await interviewedThenNo(
    'Acme',
    ANALYST_JD,
    'Thank you for your time. The panel felt your answers needed more specific examples of what you had delivered.',
    8,
  );
  const beta = await interviewedThenNo(
    'Beta',
    ANALYST_JD_2,
    'We were looking for concrete examples with measurable results.',
    6,
  );
  const gamma = await create({
    company: 'Gamma',
    role: 'BI Developer',
    applied: day(5 * 7 * DAY),
    jobDescription: BI_JD,
    source: 'referral',
  });
  await api.post(`/api/applications/${gamma.id}/moves`, { stage: 'screening', at: instant(4 * 7 * DAY) });
  await api.post(`/api/applications/${gamma.id}/rejection`, { at: instant(3 * 7 * DAY) });
  const delta = await create({ company: 'Delta', role: 'Data Analyst', applied: day(4 * 7 * DAY) });
  await api.post(`/api/applications/${delta.id}/rejection`, { at: instant(3 * 7 * DAY) });
  await create({ company: 'Epsilon', role: 'Reporting Analyst', applied: day(2 * DAY) });
  await create({ company: 'Zeta', role: 'Data Analyst', applied: day(DAY) });
  await api.post('/api/checkins', { mood: 2, note: 'A slow week.' });
  return { acme: acme, beta: beta, gamma: gamma.id };
}

describe.skipIf(browserTests.skip)('feedback, skills and insights in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let ids: Seeded;
  let pageErrors: string[];

  beforeAll(async () => {
    browserTests.prepare();
    app = await startApp();
    ids = await seed(app.api);
    ({ browser, page, pageErrors } = await openBrowser({ context: { reducedMotion: 'reduce' } }));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('without a résumé, the skills card says so and leads to where one is added', async () => {
    await page.goto(`${app.url}/applications/${ids.gamma}`);
    await ready(page);
    const skills = page.locator('section[aria-labelledby="skills-heading"]');
    await skills
      .getByText('Add your résumé to see which of these it already shows', { exact: false })
      .waitFor();
    expect(await skills.locator('.skill-list.is-required li').count()).toBeGreaterThan(0);
    await skills.getByRole('link', { name: 'Add a résumé' }).click();
    await page.waitForURL(`${app.url}/insights#resumes`);
    await ready(page);
    // The résumé form is brought into view, with the version name ready to type.
    await poll(() => page.evaluate('document.activeElement && document.activeElement.name')).toBe('version');
    await app.api.post('/api/resumes', { text: RESUME, version: 'main' });
  });

  it('adds feedback on an application with the keyboard, and shows its themes and the skills', async () => {
    await page.goto(`${app.url}/applications/${ids.gamma}`);
    await ready(page);
    const feedback = page.locator('section[aria-labelledby="feedback-heading"]');
    await feedback.getByText('No feedback recorded yet.', { exact: false }).waitFor();

    // Keyboard only: type, Tab to who said it, Tab to the button, Enter.
    await feedback.getByLabel('What did they say?').focus();
    await page.keyboard.type(
      'Thank you for coming in. You came across as friendly, but we needed more specific examples of the reports you built.',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      await feedback.getByLabel('Who said it (optional)').getAttribute('id'),
    );
    await page.keyboard.type('Sam Rivera');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe(
      'Save feedback',
    );
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/api/applications/${ids.gamma}/feedback`) && r.request().method() === 'POST',
    );
    await page.keyboard.press('Enter');
    expect((await saved).status()).toBe(201);

    const item = feedback.locator('.feedback-item').first();
    await item.getByText('From Sam Rivera', { exact: false }).waitFor();
    await item.locator('.theme-chip.is-negative', { hasText: 'Specific examples' }).waitFor();
    expect(await item.locator('.theme-chip.is-negative').first().textContent()).toBe(
      '–To work on: Specific examples',
    );
    // Each theme comes with the sentence that carries it.
    expect(await item.locator('.theme-sentence').allTextContents()).toEqual([
      'You came across as friendly, but we needed more specific examples of the reports you built.',
    ]);
    await page
      .getByText(/Feedback saved\. Themes found: .*Specific examples \(to work on\)/)
      .first()
      .waitFor();
    // The form is empty again, ready for the next one.
    expect(await feedback.getByLabel('What did they say?').inputValue()).toBe('');

    // Skills: what the BI job asks for, against the résumé "main".
    const skills = page.locator('section[aria-labelledby="skills-heading"]');
    await skills.getByText('Compared with your résumé “main”.').waitFor();
    const match = await app.api.get<{
      required: { label: string }[];
      matched: { label: string }[];
      missing: { label: string }[];
      coverage: number;
    }>(`/api/applications/${ids.gamma}/skills`);
    expect(match.missing.length).toBeGreaterThan(0);
    await skills
      .getByText(`${match.matched.length} of ${match.required.length} skills the job asks for`)
      .waitFor();
    expect(await skills.locator('.coverage-figure').textContent()).toBe(
      `${Math.round(match.coverage * 100)}%`,
    );
    expect(await skills.locator('.skill-list.is-missing li').allTextContents()).toEqual(
      match.missing.map((s) => s.label),
    );
    await screenshots(page, 'application-feedback-skills', { settleMs: 300, fitsPhone: true });

    // The details form offers the stored résumé versions and the workplace.
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Remote or on site').selectOption('remote');
    await page.getByLabel('Résumé version sent (optional)').fill('main');
    expect(
      await page.locator('datalist option').evaluateAll((os) => os.map((o) => o.getAttribute('value'))),
    ).toContain('main');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Details saved.').first().waitFor();
    const detail = await app.api.get<{ workplace: string; resumeVersion: string }>(
      `/api/applications/${ids.gamma}`,
    );
    expect(detail).toMatchObject({ workplace: 'remote', resumeVersion: 'main' });
  });

  it('shows a clear way forward when there is no job description', async () => {
    const { applications } = await app.api.get<{ applications: { id: string; companyName: string }[] }>(
      '/api/applications',
    );
    const zeta = applications.find((a) => a.companyName === 'Zeta')!;
    await page.goto(`${app.url}/applications/${zeta.id}`);
    await ready(page);
    const skills = page.locator('section[aria-labelledby="skills-heading"]');
    await skills.getByText('Add the job description to see which skills this role asks for.').waitFor();
    await skills.getByRole('button', { name: 'Add the job description' }).click();
    await poll(() => page.evaluate('document.activeElement && document.activeElement.name')).toBe(
      'jobDescription',
    );
  });

  it('opens Insights from the navigation: the recurring theme, and the funnel in its table', async () => {
    await page.goto(`${app.url}/`);
    await ready(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.waitForURL(`${app.url}/insights`);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    const report = await app.api.get<{
      funnel: { rows: { label: string; count: number; fromApplied: number | null }[] };
      themes: {
        theme: string;
        recurring: boolean;
        negative: number;
        negativeApplications: number;
        positive: number;
      }[];
    }>('/api/insights');

    // The recurring theme: specific examples, from three applications, marked as recurring.
    const examples = report.themes.find((th) => th.theme === 'examples_evidence')!;
    expect(examples).toMatchObject({ recurring: true, negativeApplications: 3 });
    const themes = page.locator('section[aria-labelledby="themes-heading"]');
    const recurring = themes.locator('.theme-insight.is-recurring', { hasText: 'Specific examples' });
    await recurring.getByText('Recurring', { exact: true }).waitFor();
    await recurring
      .getByText('Came up as something to work on in 3 applications', { exact: false })
      .waitFor();
    await recurring.getByText(/You rated those interviews 4\/5/).waitFor();
    // The chart is an image with a summary, and its numbers are in a table.
    expect(await themes.locator('canvas').getAttribute('role')).toBe('img');
    expect(await themes.locator('canvas').getAttribute('aria-label')).toMatch(
      /Specific examples: \d+ to work on, \d+ praised, recurring/,
    );
    await themes.getByText('Show the numbers').click();
    const themeRow = themes.getByRole('row', { name: /^Specific examples/ });
    expect(await themeRow.getByRole('cell').allTextContents()).toEqual([
      String(examples.negative),
      '3',
      String(examples.positive),
      'Yes',
    ]);

    // The funnel: every step's count in the table, as the API counts them.
    const funnel = page.locator('section[aria-labelledby="funnel-heading"]');
    await funnel.getByText('Show the numbers').click();
    const counts = Object.fromEntries(report.funnel.rows.map((r) => [r.label, r.count]));
    expect(counts).toEqual({
      Applied: 6,
      'Heard back': 4,
      'Screening or interview': 3,
      'Final round': 0,
      Offer: 0,
    });
    for (const row of report.funnel.rows) {
      const cells = await funnel
        .getByRole('row', { name: new RegExp(`^${row.label}`) })
        .getByRole('cell')
        .allTextContents();
      expect(cells[0], row.label).toBe(String(row.count));
    }
    expect(
      await funnel
        .getByRole('row', { name: /^Screening or interview/ })
        .getByRole('cell')
        .nth(2)
        .textContent(),
    ).toBe('50%');
    await funnel.getByText('Application → interview').waitFor();
    await funnel
      .getByText(/Jobvite/)
      .first()
      .waitFor();

    // Refinement: four outcomes (three moved forward, one closed early) are not enough to judge,
    // and it says so; the counts are there all the same.
    const refine = page.locator('section[aria-labelledby="refine-heading"]');
    await refine.getByText('Too early to tell — 4 of 5 outcomes so far.').waitFor();
    const source = refine.getByRole('table', { name: 'Where you found it' });
    expect(
      await source
        .getByRole('row', { name: /^Job board/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['2', '2', '100%']);
  });

  it('sets a learning goal for a skill gap and lists it, with its progress', async () => {
    const gaps = page.locator('section[aria-labelledby="gaps-heading"]');
    const first = gaps.locator('.gap').first();
    const skill = (await first.locator('.gap-label strong').textContent())!;
    expect(skill.length).toBeGreaterThan(0);
    await first.getByRole('button', { name: `Set a learning goal for ${skill}` }).click();
    const form = page.getByRole('form', { name: `Learning goal for ${skill}` });
    await form.getByLabel('How').selectOption('project');
    await form.getByLabel('What exactly (optional)').fill('A dashboard of local bus punctuality');
    await form.getByLabel('Finish by (optional)').fill(day(-21 * DAY));
    await form.getByRole('button', { name: 'Save the goal' }).click();
    await page.getByText(`Learning goal set for ${skill}. One step at a time.`).first().waitFor();
    await first.getByText('Learning goal set').waitFor();

    const goals = page.locator('section[aria-labelledby="goals-heading"]');
    const goal = goals.locator('.goal', { hasText: skill });
    await goal.getByText('A dashboard of local bus punctuality').waitFor();
    await goal.getByText('A project of your own', { exact: false }).waitFor();

    // Progress by keyboard: the slider moves in steps of 10.
    const slider = goal.getByRole('slider', { name: 'Progress' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await goal.getByRole('button', { name: 'Save progress' }).click();
    await page.getByText(`${skill}: 20% done.`).first().waitFor();
    const { goals: stored } = await app.api.get<{
      goals: { skillLabel: string; progress: number; kind: string }[];
    }>('/api/learning-goals');
    expect(stored).toEqual([expect.objectContaining({ skillLabel: skill, progress: 20, kind: 'project' })]);
  });

  it('adds a résumé by pasting it and another from a file, lists them with their counts, and deletes one', async () => {
    const resumes = page.locator('section[aria-labelledby="resumes"]');
    await resumes.getByText('main', { exact: true }).waitFor();
    await resumes.getByLabel('Version name').fill('data-roles');
    await resumes.getByLabel('Or paste the text').fill(`${RESUME}\nSQL, Tableau and Power BI dashboards.`);
    await resumes.getByRole('button', { name: 'Save résumé' }).click();
    await page.getByText('Résumé “data-roles” saved.').first().waitFor();
    const item = resumes.locator('.resume', { hasText: 'data-roles' });
    await item.getByText(/\d+ words, \d+ skills found/).waitFor();

    // From a file: read in the browser, sent as base64, read by the server as Markdown.
    await resumes.getByLabel('Version name').fill('from-file');
    await resumes.getByLabel('From a file (.txt, .md, .pdf or .docx)').setInputFiles({
      name: 'cv.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(`# Sam Carter\n\n- SQL and Python\n- Tableau dashboards\n`),
    });
    expect(await resumes.getByLabel('Or paste the text').isDisabled()).toBe(true);
    await resumes.getByRole('button', { name: 'Save résumé' }).click();
    await page.getByText('Résumé “from-file” saved.').first().waitFor();
    const fromFile = resumes.locator('.resume', { hasText: 'from-file' });
    await fromFile.getByText('cv.md', { exact: false }).waitFor();
    const stored = await app.api.get<{
      version: string;
      fileName: string | null;
      skills: { label: string }[];
    }>('/api/resumes/from-file');
    expect(stored.fileName).toBe('cv.md');
    expect(stored.skills.map((s) => s.label)).toEqual(expect.arrayContaining(['SQL', 'Tableau']));

    page.once('dialog', (dialog) => void dialog.accept());
    await item.getByRole('button', { name: 'Delete résumé “data-roles”' }).click();
    await page.getByText('Résumé “data-roles” deleted.').first().waitFor();
    await poll(() => resumes.locator('.resume').count()).toBe(2);
    await app.api.delete('/api/resumes/from-file');
  });

  it('saves screenshots of Insights at desktop and phone width', async () => {
    await page.goto(`${app.url}/insights`);
    await ready(page);
    await page.locator('canvas').first().waitFor();
    await screenshots(page, 'insights', { settleMs: 300, fitsPhone: true });
    expect(pageErrors).toEqual([]);
  });

  it('has no accessibility violation on Insights or the application, in light or dark', async () => {
    for (const colorScheme of COLOR_SCHEMES) {
      await withAuditPage(browser, { colorScheme, reducedMotion: 'reduce' }, async (p) => {
        for (const path of ['/insights', `/applications/${ids.acme}`]) {
          await p.goto(app.url + path);
          await ready(p);
          // Open every "Show the numbers", so that the tables are checked too.
          for (const summary of await p.locator('details > summary').all()) await summary.click();
          if (colorScheme === 'dark' && path === '/insights')
            await screenshots(p, 'insights-dark', { settleMs: 300 });
          const found = (await runAxe(p)).map(
            (v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
          );
          expect(found, `${path} (${colorScheme})`).toEqual([]);
        }
      });
    }
  });
});
