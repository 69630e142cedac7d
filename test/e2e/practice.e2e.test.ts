/**
 * Interview practice in a real browser (Debian's Chromium, headless, with a fake microphone), against
 * the real server on a SQLite file: feedback asking for specific examples in two applications is
 * seeded through the API; Today's practice step leads to the Practice page; an answer is recorded from
 * the fake device for about two seconds and kept in the browser (never uploaded), typed with the live
 * STAR check, rated on the rubric and saved, and the plan moves on. The friend's printable page is
 * checked too; axe-core finds nothing in light or dark, and every view is saved as a screenshot at
 * desktop and phone width in test-artifacts/screenshots.
 *
 * Without /usr/bin/chromium the suite is skipped with one printed line, unless ONWARD_TEST_BROWSER
 * is set (as in CI), which makes it fail instead.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserGate,
  COLOR_SCHEMES,
  openBrowser,
  poll,
  ready,
  runAxe,
  screenshots,
  SCREENSHOTS,
  startApp,
  withAuditPage,
  type RunningApp,
} from './harness.js';

const browserTests = browserGate();

const DAY = 86_400_000;
/** A fake microphone (a beeping tone) that needs no permission prompt. */
const MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

const ANSWER =
  'Last spring at the clinic the waiting list had grown to six weeks. My job was to bring it down. ' +
  'I rebuilt the rota and added two evening clinics. As a result waits fell to two weeks by June.';

/** The size of the recording kept in this browser for a question (0 when there is none). */
const storedSize = (page: Page, questionId: string): Promise<number> =>
  page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('onward-practice');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('recordings').objectStore('recordings').get(${JSON.stringify(questionId)});
      get.onsuccess = () => resolve(get.result ? get.result.blob.size : 0);
      get.onerror = () => reject(get.error);
    };
  })`) as Promise<number>;

describe.skipIf(browserTests.skip)('interview practice in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  const requests: Request[] = [];

  beforeAll(async () => {
    browserTests.prepare();
    app = await startApp();
    await app.api.patch('/api/settings', { name: 'Robin Example' });
    for (const [company, text, daysAgo] of [
      ['Acme', 'The panel felt your answers needed more specific examples of what you had delivered.', 3],
      ['Beta', 'We were looking for concrete examples with measurable results.', 2],
    ] as const) {
      const created = await app.api.post<{ id: string }>('/api/applications', {
        company,
        role: 'Data Analyst',
        applied: new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10),
      });
      await app.api.post(`/api/applications/${created.id}/rejection`, {
        at: new Date(Date.now() - (daysAgo + 1) * DAY).toISOString(),
      });
      await app.api.post(`/api/applications/${created.id}/feedback`, {
        text,
        from: 'Dana Lee',
        at: new Date(Date.now() - daysAgo * DAY).toISOString(),
      });
    }
    ({ browser, context, page, pageErrors } = await openBrowser({
      args: MEDIA_ARGS,
      context: { reducedMotion: 'reduce' },
    }));
    await context.grantPermissions(['microphone'], { origin: app.url });
    page.on('request', (request) => requests.push(request));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('goes from Today to a practice session: recording kept locally, STAR check, rating, and the plan moves on', async () => {
    await page.goto(`${app.url}/`);
    await ready(page);
    const step = page.locator('.step', { hasText: 'Practise interview answers' });
    await step.waitFor();
    await step.getByRole('link', { name: 'Open practice' }).click();
    await page.waitForURL(`${app.url}/practice`);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await page.getByText('Specific examples: feedback in 2 applications asked for it.').waitFor();

    const plan = await app.api.get<{ items: { question: { id: string; text: string; family: string } }[] }>(
      '/api/practice/plan',
    );
    const first = plan.items[0]!.question;
    expect(first.family).toBe('behavioural');
    const items = page.locator('.practice-plan > li');
    expect(await items.count()).toBe(plan.items.length);
    await items.first().getByText('From feedback').waitFor();
    await items.first().getByRole('button', { name: 'Practise this' }).click();
    const session = page.locator('section[aria-labelledby="session-title"]');
    // The session opens in place, under its question.
    expect(await items.first().locator('section[aria-labelledby="session-title"]').count()).toBe(1);
    await items.first().getByText(first.text, { exact: true }).waitFor();
    await session.getByText('A strong answer shows:').waitFor();
    await session.getByText('The recording stays in this browser on this device', { exact: false }).waitFor();

    // About two seconds from the fake microphone.
    await session.getByRole('button', { name: 'Start recording' }).click();
    await session.getByText(/Recording… 0:0[1-9]/).waitFor();
    await page.waitForTimeout(1_500);
    await session.getByRole('button', { name: 'Stop recording' }).click();
    const audio = session.locator('audio');
    await audio.waitFor();
    expect(await audio.getAttribute('src')).toMatch(/^blob:/);
    await poll(() => audio.evaluate((el: { readyState: number }) => el.readyState)).toBeGreaterThanOrEqual(1);
    expect(await storedSize(page, first.id)).toBeGreaterThan(1_000);

    // The clock, the typed answer and the live STAR check.
    await session.getByRole('button', { name: 'Start the clock' }).click();
    await session.getByLabel('Your answer, or notes on it').fill(ANSWER);
    const star = session.locator('.star-panel');
    await star.getByText('Situation: present').waitFor();
    await star.getByText('Result: present').waitFor();
    await star.getByText('Measurable result: yes').waitFor();
    await star.getByText('One real, specific example: yes').waitFor();
    await star.getByText(/^\d+ words, about 0:\d\d spoken$/).waitFor();
    await page.waitForTimeout(1_100);
    await session.getByRole('button', { name: 'Stop the clock' }).click();
    expect(await session.locator('.practice-clock').textContent()).toMatch(/^0:0[1-9]$/);

    for (const criterion of ['Structure', 'Specific example', 'Result', 'Relevance to the role', 'Delivery'])
      await session.getByRole('group', { name: criterion }).getByRole('radio', { name: '4' }).check();
    await session.getByText('Overall: 4 of 5').waitFor();
    await screenshots(page, 'practice-session', { settleMs: 200, fitsPhone: true });

    // The recording can be deleted: gone from the page and from the browser's storage.
    await session.getByRole('button', { name: 'Delete the recording' }).click();
    await poll(() => session.locator('audio').count()).toBe(0);
    expect(await storedSize(page, first.id)).toBe(0);

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/practice/attempts') && r.request().method() === 'POST',
    );
    await session.getByRole('button', { name: 'Save this answer' }).click();
    const response = await saved;
    expect(response.status()).toBe(201);
    const body = JSON.parse(response.request().postData() ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      questionId: first.id,
      answer: ANSWER,
      scores: { structure: 4, evidence: 4, result: 4, relevance: 4, delivery: 4 },
    });
    expect(body.seconds).toBeGreaterThan(0);

    // The plan moves on: the question answered well leaves this week's list; progress counts it.
    await page
      .getByText(/^Saved: rated 4 of 5\. It comes back /)
      .first()
      .waitFor();
    await poll(() => page.locator('.practice-plan > li', { hasText: first.text }).count()).toBe(0);
    await page.getByText('1 answer to 1 question', { exact: false }).waitFor();
    const progressRow = page.getByRole('row', { name: /^Specific examples/ });
    expect((await progressRow.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['1', '4']);

    // Nothing but JSON went to the server: no recording was uploaded.
    const posts = requests.filter((r) => r.method() !== 'GET');
    for (const r of posts) {
      expect(r.url(), r.url()).toMatch(/\/api\/practice\/(star|attempts)$/);
      expect(r.headers()['content-type']).toBe('application/json');
      expect((r.postData() ?? '').length).toBeLessThan(5_000);
    }
    expect(requests.some((r) => r.url().startsWith('blob:') && r.method() !== 'GET')).toBe(false);

    await screenshots(page, 'practice', { settleMs: 200, fitsPhone: true });
    expect(pageErrors).toEqual([]);
  });

  it('prints a sheet for a mock interview with a friend, and takes their ratings back', async () => {
    await page.goto(`${app.url}/practice`);
    await ready(page);
    await page.getByRole('link', { name: 'Practise with a friend' }).click();
    await page.waitForURL(`${app.url}/practice/friend`);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'Mock interview for Robin Example' }).waitFor();
    const questions = page.locator('.friend-question');
    const plan = await app.api.get<{ items: { question: { id: string; text: string } }[] }>(
      '/api/practice/plan',
    );
    expect(await questions.count()).toBe(plan.items.length);
    expect(await questions.first().locator('.paper-box').count()).toBe(6 * 5);

    await page.getByLabel('Their name').fill('Sam Taylor');
    const first = questions.first();
    await first.getByText('Enter their ratings').click();
    for (const criterion of ['Structure', 'Specific example', 'Result'])
      await first.getByRole('group', { name: criterion }).getByRole('radio', { name: '3' }).check();
    await first.getByRole('button', { name: 'Save their ratings' }).click();
    await first.getByText('Saved Sam Taylor’s rating: 3 of 5.').waitFor();
    const progress = await app.api.get<{ totals: { byFriend: number }; recent: { raterName: string }[] }>(
      '/api/practice/progress',
    );
    expect(progress.totals.byFriend).toBe(1);
    expect(progress.recent[0]!.raterName).toBe('Sam Taylor');

    // Print: the header, the buttons and the rating forms are left off the paper.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'practice-friend-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await screenshots(page, 'practice-friend', { settleMs: 200, fitsPhone: true });
    expect(pageErrors).toEqual([]);
  });

  it('has no accessibility violation on Practice or the friend page, in light or dark', async () => {
    for (const colorScheme of COLOR_SCHEMES) {
      await withAuditPage(browser, { colorScheme, reducedMotion: 'reduce' }, async (p) => {
        for (const path of ['/practice', '/practice/friend']) {
          await p.goto(app.url + path);
          await ready(p);
          if (path === '/practice') {
            await p.getByRole('button', { name: 'Practise this' }).first().click();
            await p.getByLabel('Your answer, or notes on it').fill(ANSWER);
            await p.locator('.star-panel').getByText('Situation: present').waitFor();
          } else {
            for (const summary of await p.locator('details > summary').all()) await summary.click();
          }
          if (colorScheme === 'dark')
            await p.screenshot({
              path: join(SCREENSHOTS, `practice${path === '/practice' ? '' : '-friend'}-dark-desktop.png`),
              fullPage: true,
            });
          const found = (await runAxe(p)).map(
            (v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
          );
          expect(found, `${path} (${colorScheme})`).toEqual([]);
        }
      });
    }
  }, 120_000);
});
