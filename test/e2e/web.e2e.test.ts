/**
 * The web app in a real browser (Debian's Chromium, headless), against the real server on a SQLite
 * file and a real SMTP server on loopback: a newcomer looks at the sample data, adds an
 * application, logs an interview, records a no and walks the whole flow after it — check-in, a
 * reply whose tone is flagged and then fixed, sent over SMTP, reflection with a rating, a plan step
 * done — and sees Today change. The pipeline is used by drag and by keyboard. Every page is saved
 * as a screenshot at desktop and phone width in test-artifacts/screenshots.
 *
 * Without /usr/bin/chromium the suite is skipped with one printed line, unless ONWARD_TEST_BROWSER
 * is set (as in CI), which makes it fail instead.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserGate,
  DESKTOP,
  openBrowser,
  PHONE,
  poll,
  ready,
  screenshots,
  SCREENSHOTS,
  startApp,
  type RunningApp,
} from './harness.js';

const browserTests = browserGate();

interface Received {
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

/** The subject (RFC 2047 words decoded) and the decoded text body of a single-part message. */
function readMessage(raw: string): { subject: string; body: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
  let body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    body = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  } else if (/content-transfer-encoding:\s*base64/i.test(head)) {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return { subject, body: body.replace(/\r\n/g, '\n') };
}

async function shoot(context: BrowserContext, name: string, url: string): Promise<void> {
  const page = await context.newPage();
  try {
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(url);
      await ready(page);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
    }
  } finally {
    await page.close();
  }
}

const localMinute = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

describe.skipIf(browserTests.skip)('the web app in Chromium', () => {
  let app: RunningApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    browserTests.prepare();
    smtp = await startSmtp();
    app = await startApp();
    // The seeker's mail server is the loopback one; the app never sees this call.
    await app.api.put('/api/smtp', {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: null,
      from: 'Sam Carter <sam@example.org>',
    });
    ({ browser, context, page, pageErrors } = await openBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  it('shows a newcomer what to do, and loads and removes the sample data', async () => {
    await page.goto(app.url);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Onward' }).waitFor();
    await screenshots(page, 'today-newcomer');

    // The skip link is the first thing the keyboard reaches, and it leads to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe(
      'Skip to the main content',
    );

    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByRole('button', { name: 'Remove sample data' }).waitFor();
    await page.getByRole('heading', { name: 'Your next steps' }).waitFor();
    expect((await app.api.get<{ loaded: boolean }>('/api/sample')).loaded).toBe(true);

    await page.getByRole('button', { name: 'Remove sample data' }).click();
    await page.getByRole('heading', { name: 'Welcome to Onward' }).waitFor();
    expect((await app.api.get<{ applications: unknown[] }>('/api/applications')).applications).toHaveLength(
      0,
    );
  });

  it('adds an application, logs an interview, walks a no to a plan and sees Today change', async () => {
    // Add the first application from the welcome page.
    await page.getByLabel('Company').fill('Acme');
    await page.getByLabel('Role', { exact: true }).fill('Data Analyst');
    await page.getByLabel('Job description (optional)').fill('SQL, Python and clear communication.');
    await page.getByRole('button', { name: 'Add application' }).click();
    await page.waitForURL(/\/applications\/[0-9a-z]+$/);
    await ready(page);
    await poll(() => page.locator('h1').textContent()).toContain('Data Analyst');
    const applicationId = new URL(page.url()).pathname.split('/')[2]!;

    // Log an interview that happened an hour ago, with the person met.
    await page.getByRole('button', { name: 'Log an interview' }).click();
    const form = page.getByRole('form', { name: 'Log an interview' });
    await form.getByLabel('Date and time').fill(localMinute(Date.now() - 3_600_000));
    await form.getByLabel('Kind').selectOption('video');
    await form.getByLabel('With (name) (optional)').fill('Dana Lee');
    await form.getByLabel('Their email (optional)').fill('dana@acme.example');
    await form.getByLabel('Topics discussed (optional)').fill('the reporting pipeline; team rituals');
    await form.getByRole('button', { name: 'Log an interview' }).click();
    await page.getByText('Interview logged. A thank-you is on your list.').first().waitFor();
    await page.getByRole('group', { name: /Your rating: Video interview/ }).waitFor();
    await page.locator('.people').getByText('Dana Lee').waitFor();

    // Today asks for the thank-you.
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await ready(page);
    await page.getByText('Thank Dana Lee at Acme').first().waitFor();
    expect(await page.getByText('Reply to Acme and ask for feedback').count()).toBe(0);

    // The no arrives.
    await page.goto(`${app.url}/applications/${applicationId}`);
    await ready(page);
    await page.getByRole('link', { name: 'We got a no' }).click();
    await ready(page);
    await page.getByRole('heading', { name: 'First, record the no' }).waitFor();
    await page.getByLabel('Did they give a reason? (optional)').fill('They went with someone with more SQL.');
    await page.getByRole('button', { name: 'Record it and continue' }).click();

    // 1. How are you feeling?
    const stepTitle = page.locator('#flow-step-title');
    await poll(() => stepTitle.textContent()).toContain('How are you feeling?');
    await page.locator('.reframe').waitFor();
    await page.getByRole('group', { name: 'Right now I feel' }).getByRole('radio', { name: 'Low' }).check();
    await page
      .getByLabel('Anything you want to get off your chest? (optional)')
      .fill('Disappointed, but OK.');
    const checkIn = page.waitForResponse(
      (r) => r.url().endsWith('/api/checkins') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Save how I feel' }).click();
    expect((await checkIn).status()).toBe(201);

    // 2. Reply graciously: the tone check flags an angry line as it is typed, and clears when it goes.
    await poll(() => stepTitle.textContent()).toContain('Reply graciously');
    const message = page.getByLabel('Message', { exact: true });
    await poll(() => message.inputValue()).toMatch(/Thank you/);
    const original = await message.inputValue();
    await message.fill(`${original}\n\nHonestly, this decision is ridiculous and unfair.`);
    await page.getByText(/might land harder than you mean/).waitFor();
    await poll(() => page.locator('.tone-issues mark').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('ridiculous')]),
    );
    await page.getByText('Could read as angry').first().waitFor();
    await screenshots(page, 'rejection-2-reply-tone-warning');
    await message.fill(original);
    await page.getByText('Reads kindly and calmly.').waitFor();
    const subject = await page.getByLabel('Subject').inputValue();
    expect(subject.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Send with my mail server' }).click();
    await page
      .getByText('Sent. That is one more kind, professional email out in the world.')
      .first()
      .waitFor();

    expect(smtp.received).toHaveLength(1);
    const sent = readMessage(smtp.received[0]!.raw);
    expect(smtp.received[0]!.to).toEqual(['dana@acme.example']);
    expect(sent.subject).toBe(subject);
    expect(sent.body.trim()).toBe(original.trim());
    expect(sent.body).not.toMatch(/ridiculous/);

    // 3. Reflect: answers and a rating of the interview.
    await page.getByRole('button', { name: 'Continue' }).click();
    await poll(() => stepTitle.textContent()).toContain('Reflect');
    await page
      .getByLabel('Was my CV aligned to the job specification?')
      .fill('Mostly; the SQL part was thin.');
    await page.getByLabel('What will I do differently next time?').fill('Bring two worked SQL examples.');
    const rating = page.waitForResponse(
      (r) => /\/api\/interviews\//.test(r.url()) && r.request().method() === 'PATCH',
    );
    await page
      .getByRole('group', { name: /Your rating: Video interview/ })
      .getByRole('radio', { name: '4', exact: true })
      .check();
    expect((await rating).status()).toBe(200);
    await page.getByRole('button', { name: 'Save my reflection' }).click();

    // 4. The plan: mark a step done.
    await poll(() => stepTitle.textContent()).toContain('Your plan');
    const polish = page.locator('.step', { hasText: 'Polish your CV against the Acme job description' });
    await polish.getByRole('button', { name: 'Mark done' }).click();
    await polish.locator('.badge-done').waitFor();

    // 5. Keep going.
    await page.getByRole('button', { name: 'Continue' }).click();
    await poll(() => stepTitle.textContent()).toContain('Keep going');
    await page.getByRole('heading', { name: 'Your pipeline' }).waitFor();
    await page.getByRole('heading', { name: 'Recent wins' }).waitFor();
    // Four steps are done (the check-in, the reply, the reflection, the plan); this is the fifth.
    await poll(() => page.locator('.stepper .is-done').count()).toBe(4);

    // What the server now holds.
    const reflection = await app.api.get<{ answers: Record<string, string>; at: string | null }>(
      `/api/applications/${applicationId}/reflection`,
    );
    expect(Object.values(reflection.answers)).toContain('Bring two worked SQL examples.');
    expect(reflection.at).not.toBeNull();
    const detail = await app.api.get<{ stage: string; interviews: { selfRating: number | null }[] }>(
      `/api/applications/${applicationId}`,
    );
    expect(detail.stage).toBe('rejected');
    expect(detail.interviews[0]!.selfRating).toBe(4);
    const checkins = await app.api.get<{ checkins: { applicationId: string | null; mood: number }[] }>(
      '/api/checkins',
    );
    expect(checkins.checkins).toEqual([expect.objectContaining({ applicationId, mood: 2 })]);

    // Today has changed: the thank-you, the reply, the check-in, the reflection and the CV polish
    // are no longer asked for; a kind word after the no leads the page.
    await page.getByRole('button', { name: 'Back to Today' }).click();
    await page.waitForURL(`${app.url}/`);
    await ready(page);
    await page.getByRole('heading', { name: 'Your next steps' }).waitFor();
    for (const gone of [
      'Thank Dana Lee at Acme',
      'Reply to Acme and ask for feedback',
      'Check in with yourself',
      'Reflect on the Acme process',
      'Polish your CV against the Acme job description',
    ]) {
      expect(await page.locator('.steps').getByText(gone).count(), gone).toBe(0);
    }
    expect(await page.locator('.lead').first().textContent()).not.toBe('One step at a time.');

    // The rejection flow picks up where it was left: resumable from the application page.
    await page.goto(`${app.url}/applications/${applicationId}`);
    await ready(page);
    await page.getByRole('link', { name: 'Continue after the no' }).click();
    await poll(() => stepTitle.textContent()).toContain('Keep going');
  });

  it('moves applications on the board by drag and by keyboard, and finds them in the table', async () => {
    await page.goto(`${app.url}/pipeline?add=1`);
    await ready(page);
    const add = page.getByRole('form', { name: 'Add an application' });
    await add.getByLabel('Company').fill('Globex');
    await add.getByLabel('Role', { exact: true }).fill('BI Developer');
    await add.getByLabel('Link to the job ad (optional)').fill('https://globex.example/jobs/42');
    await add.getByRole('button', { name: 'Add application' }).click();
    const card = page.locator('.board-card', { hasText: 'BI Developer' });
    await page
      .locator('.board-column[data-stage="applied"]')
      .getByRole('link', { name: 'BI Developer' })
      .waitFor();

    // Keyboard: the "Move to…" control on the card.
    await card.getByLabel('Move Globex, BI Developer to').selectOption('screening');
    await card.getByRole('button', { name: 'Move' }).click();
    await page
      .locator('.board-column[data-stage="screening"]')
      .getByRole('link', { name: 'BI Developer' })
      .waitFor();
    await page.getByText('Globex moved to Screening.').first().waitFor();

    // Drag and drop onto a later column.
    await page
      .locator('.board-card', { hasText: 'BI Developer' })
      .dragTo(page.locator('.board-column[data-stage="interviewing"]'));
    await page
      .locator('.board-column[data-stage="interviewing"]')
      .getByRole('link', { name: 'BI Developer' })
      .waitFor();
    const moved = await app.api.get<{ applications: { role: string; stage: string }[] }>('/api/applications');
    expect(moved.applications.find((a) => a.role === 'BI Developer')?.stage).toBe('interviewing');

    // The table: search and filter.
    await page.getByRole('button', { name: 'Table' }).click();
    await page.getByRole('table').waitFor();
    await poll(() => page.getByRole('row').count()).toBe(3);
    await page.getByLabel('Search').fill('globex');
    await poll(() => page.getByRole('row').count()).toBe(2);
    expect(await page.getByRole('row').nth(1).textContent()).toContain('BI Developer');
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Stage', { exact: true }).selectOption('rejected');
    await poll(() => page.getByRole('row').nth(1).textContent()).toContain('Data Analyst');
    expect(await page.getByRole('row').count()).toBe(2);
  });

  it('saves settings, and Today follows the new goal', async () => {
    await page.goto(`${app.url}/settings`);
    await ready(page);
    await page.getByLabel('Applications per week').fill('3');
    await page.getByLabel('Country').selectOption('uk');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved. Your open steps follow the new timings.').first().waitFor();
    const settings = await app.api.get<{ weeklyApplicationGoal: number; cvRetentionPreset: string }>(
      '/api/settings',
    );
    expect(settings).toMatchObject({ weeklyApplicationGoal: 3, cvRetentionPreset: 'uk' });
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await ready(page);
    await page.getByRole('progressbar', { name: /Applications this week: \d+ of 3/ }).waitFor();
  });

  it('saves a screenshot of every page at desktop and phone width, without an error on any', async () => {
    const { applications } = await app.api.get<{ applications: { id: string; stage: string }[] }>(
      '/api/applications',
    );
    const rejected = applications.find((a) => a.stage === 'rejected')!;
    const open = applications.find((a) => a.stage !== 'rejected')!;
    const draft = await app.api.post<{ id: string }>(`/api/applications/${open.id}/drafts`, {
      kind: 'follow_up',
    });
    const pages: [string, string][] = [
      ['today', '/'],
      ['pipeline-board', '/pipeline'],
      ['pipeline-table', '/pipeline?view=table'],
      ['application', `/applications/${open.id}`],
      ['application-rejected', `/applications/${rejected.id}`],
      ['rejection-record', `/applications/${open.id}/rejection`],
      ['rejection-1-feeling', `/applications/${rejected.id}/rejection?step=feeling`],
      ['rejection-2-reply', `/applications/${rejected.id}/rejection?step=reply`],
      ['rejection-3-reflect', `/applications/${rejected.id}/rejection?step=reflect`],
      ['rejection-4-plan', `/applications/${rejected.id}/rejection?step=plan`],
      ['rejection-5-keep-going', `/applications/${rejected.id}/rejection?step=keep-going`],
      ['draft', `/drafts/${draft.id}`],
      ['contacts', '/contacts'],
      ['settings', '/settings'],
      ['not-found', '/no-such-page'],
    ];
    for (const [name, path] of pages) await shoot(context, name, app.url + path);

    const dark = await browser.newContext({ colorScheme: 'dark' });
    try {
      for (const [name, path] of [pages[0]!, pages[7]!, pages[11]!])
        await shoot(dark, `${name}-dark`, app.url + path);
    } finally {
      await dark.close();
    }
    expect(pageErrors).toEqual([]);
    // 36 full-page screenshots: a budget for a busy machine, not a speed check.
  }, 180_000);
});
