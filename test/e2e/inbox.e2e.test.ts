/**
 * The Inbox page in a real browser (Debian's Chromium, headless) against the real server on a
 * SQLite file: an mbox written here is chosen in the page's file input; the summary says what
 * happened in plain words; the sure interview invitation moves its application on by itself; the
 * unsure acknowledgement from a company not yet tracked waits as a review card, and one click
 * makes it an application. A mailbox pointed at a closed port says clearly why it cannot be read.
 * Screenshots go to test-artifacts/screenshots (inbox-desktop.png, inbox-phone.png, and dark).
 *
 * Without /usr/bin/chromium the suite is skipped with one printed line, unless ONWARD_TEST_BROWSER
 * is set (as in CI), which makes it fail instead.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserGate,
  COLOR_SCHEMES,
  openBrowser,
  PHONE,
  poll,
  ready,
  runAxe,
  screenshots,
  SCREENSHOTS,
  startApp,
  WCAG_TAGS,
  withAuditPage,
  type RunningApp,
} from './harness.js';

const browserTests = browserGate();

function eml(h: { from: string; subject: string; id: string; date: string }, body: string): string {
  return [
    `From: ${h.from}`,
    'To: Sam Carter <sam@example.org>',
    `Subject: ${h.subject}`,
    `Date: ${h.date}`,
    `Message-ID: <${h.id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\n');
}

/** Three emails: a sure invitation for a tracked application, an acknowledgement from an untracked company, a digest. */
const MBOX = [
  eml(
    {
      from: 'Priya Shah <priya.shah@northwind.example>',
      subject: 'Interview invitation: Data Analyst at Northwind Analytics',
      id: 'e2e-invite-1@northwind.example',
      date: 'Thu, 19 Nov 2026 10:00:00 +0000',
    },
    'Dear Sam,\n\nThank you for your application for the Data Analyst role at Northwind Analytics. We would like to invite you to an interview on Tuesday 1 December 2026 at 14:00 by video call.\n\nPlease let me know if this time works for you.\n\nBest regards,\nPriya Shah\nTalent Acquisition, Northwind Analytics',
  ),
  eml(
    {
      from: 'Harbour Health Recruitment <no-reply@harbourhealth.example>',
      subject: 'Application received: Staff Nurse (Ref 4471)',
      id: 'e2e-ack-1@harbourhealth.example',
      date: 'Sun, 22 Nov 2026 12:00:00 +0000',
    },
    'Dear Sam,\n\nThank you for applying for the Staff Nurse position at Harbour Health. We have received your application and our team will review it shortly. If your experience matches our requirements, we will contact you.\n\nHarbour Health Recruitment',
  ),
  eml(
    {
      from: 'JobFinder Alerts <alerts@jobfinder.example>',
      subject: '12 new jobs for "data analyst" near you',
      id: 'e2e-alert-1@jobfinder.example',
      date: 'Sat, 21 Nov 2026 07:00:00 +0000',
    },
    'New jobs matching your search:\n\nData Analyst - Contoso - London\nJunior Data Analyst - Fabrikam - Leeds\nBI Analyst - Tailspin - Remote\n\nView all jobs | Unsubscribe from these alerts',
  ),
]
  .map((m, i) => `From sender${i}@example.org Mon Nov 23 09:00:00 2026\n${m.replace(/^From /gm, '>From ')}`)
  .join('\n');

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** "2026-12-01 14:00" for an instant, in a time zone. */
function localTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

interface AppRow {
  id: string;
  companyName: string;
  role: string;
  stage: string;
}

describe.skipIf(browserTests.skip)('the Inbox page in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let northwindId: string;
  let pageErrors: string[];

  beforeAll(async () => {
    browserTests.prepare();
    dir = mkdtempSync(join(tmpdir(), 'onward-inbox-e2e-'));
    app = await startApp();
    northwindId = (
      await app.api.post<{ id: string }>('/api/applications', {
        company: 'Northwind Analytics',
        role: 'Data Analyst',
        // Applied before the invitation arrived, as in life.
        applied: '2026-11-02',
      })
    ).id;
    ({ browser, page, pageErrors } = await openBrowser());
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports an mbox from the file input, says what happened, and the sure email moves its application', async () => {
    await page.goto(app.url);
    await ready(page);
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.waitForURL(`${app.url}/inbox`);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByText('Nothing to review. Import a file or check your mailbox.').waitFor();
    await page.getByText('Onward reads your mail on this computer; nothing is sent anywhere.').waitFor();

    const file = join(dir, 'job-mail.mbox');
    writeFileSync(file, MBOX);
    const [upload] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/inbox/import') && r.request().method() === 'POST'),
      page.getByLabel('Choose a file (.eml or .mbox)').setInputFiles(file),
    ]);
    if (upload.status() !== 200) {
      const shown = await page.locator('main [role="alert"]').first().textContent();
      expect.fail(`the import answered ${upload.status()}; the page says: ${shown}`);
    }

    // The summary, in words.
    const summary = page.locator('.inbox-summary');
    await poll(() => summary.locator('.inbox-summary-text').textContent()).toBe(
      'Read 3 emails: 1 job email updated your applications; 1 waits for you below; 1 was not about a job application.',
    );
    expect(await summary.textContent()).toContain('Found: 1 interview invitation and 1 acknowledgement.');

    // The invitation moved Northwind on to interviewing and logged the interview at the stated time.
    const northwind = await app.api.get<{ stage: string; interviews: { at: string }[] }>(
      `/api/applications/${northwindId}`,
    );
    expect(northwind.stage).toBe('interviewing');
    const { timeZone } = await app.api.get<{ timeZone: string }>('/api/settings');
    expect(northwind.interviews.map((iv) => localTime(iv.at, timeZone))).toEqual(['2026-12-01 14:00']);

    // The acknowledgement from Harbour Health waits as a card proposing a new application.
    const card = page.locator('.review-card', { hasText: 'Application received: Staff Nurse' });
    await card.waitFor();
    expect(await page.locator('.review-card').count()).toBe(1);
    await card.getByText('New application: Harbour Health · Staff Nurse').waitFor();
    expect(await card.locator('.review-thinks').textContent()).toMatch(
      /^Looks like an acknowledgement of your application \(\d{1,3}% sure\)$/,
    );
    expect(await card.getByLabel('Company').inputValue()).toBe('Harbour Health');
    expect(await card.getByLabel('Role').inputValue()).toBe('Staff Nurse');
    expect(await card.getByLabel('It’s actually…').inputValue()).toBe('application_received');
    // The navigation counts what waits.
    await page.getByRole('link', { name: 'Inbox (1 email to review)' }).waitFor();

    // Nothing runs off the side of a phone.
    await screenshots(page, 'inbox', { fitsPhone: true });
  });

  it('has no serious accessibility problem, in light or dark', async () => {
    for (const colorScheme of COLOR_SCHEMES) {
      await withAuditPage(browser, { colorScheme }, async (p) => {
        await p.goto(`${app.url}/inbox`);
        await ready(p);
        await p.locator('.review-card').waitFor();
        if (colorScheme === 'dark') {
          await p.setViewportSize(PHONE);
          await p.screenshot({ path: join(SCREENSHOTS, 'inbox-dark-phone.png'), fullPage: true });
        }
        const serious = (await runAxe(p, WCAG_TAGS))
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        expect(serious, colorScheme).toEqual([]);
      });
    }
  });

  it('confirms the review card from the keyboard, which makes the new application', async () => {
    const card = page.locator('.review-card', { hasText: 'Application received: Staff Nurse' });
    await card.getByRole('button', { name: 'Yes, that’s right' }).focus();
    const [decided] = await Promise.all([
      page.waitForResponse(
        (r) => /\/api\/inbox\/review\/[^/]+$/.test(r.url()) && r.request().method() === 'POST',
      ),
      page.keyboard.press('Enter'),
    ]);
    expect(decided.status()).toBe(200);

    // The card leaves, the news is read out politely, and the focus lands on the list's heading.
    await page.getByText('Nothing to review. Import a file or check your mailbox.').waitFor();
    expect(await page.locator('.review-card').count()).toBe(0);
    await poll(() => page.locator('.toast-region[aria-live="polite"]').textContent()).toBe(
      'Done: Staff Nurse at Harbour Health is now in your pipeline.',
    );
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'inbox-review-heading',
    );
    await poll(() => page.getByRole('link', { name: 'Inbox', exact: true }).count()).toBe(1);

    const { applications } = await app.api.get<{ applications: AppRow[] }>('/api/applications');
    expect(applications.map((a) => [a.companyName, a.role, a.stage]).sort()).toEqual([
      ['Harbour Health', 'Staff Nurse', 'applied'],
      ['Northwind Analytics', 'Data Analyst', 'interviewing'],
    ]);
    expect((await app.api.get<{ items: unknown[] }>('/api/inbox/review')).items).toEqual([]);
  });

  it('saves a mailbox, and a sync against a closed port says clearly what is wrong', async () => {
    const port = await closedPort();
    await page.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Use TLS (encryption)').uncheck();
    await page.getByLabel('Port', { exact: true }).fill(String(port));
    await page.getByLabel('Login', { exact: true }).fill('sam@example.org');
    await page.getByLabel('App password').fill('app-password-123');
    await page.getByLabel('Folders', { exact: true }).fill('INBOX, Jobs');
    await page.getByRole('button', { name: 'Save mailbox' }).click();
    await page.getByText('Mailbox saved.').first().waitFor();
    const { imap } = await app.api.get<{ imap: Record<string, unknown> }>('/api/imap');
    expect(imap).toMatchObject({
      host: '127.0.0.1',
      port,
      secure: false,
      user: 'sam@example.org',
      folders: ['INBOX', 'Jobs'],
      hasPassword: true,
      lastSync: null,
    });
    expect(JSON.stringify(imap)).not.toContain('app-password-123');
    // The saved password is never shown again.
    expect(await page.getByLabel('App password').inputValue()).toBe('');

    const [sync] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/inbox/sync') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Check for new mail' }).click(),
    ]);
    expect(sync.status()).toBe(502);
    const alert = page.locator('.inbox-side [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      new RegExp(`^Onward could not check your mailbox: .*127\\.0\\.0\\.1:${port}.*refused`),
    );
    await page.getByText('Not checked yet.').waitFor();
    expect(pageErrors.filter((e) => !/502|Failed to load resource/.test(e))).toEqual([]);
  });
});
