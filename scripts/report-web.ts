/**
 * `npm run report:web`: the web app's quality figures. Builds the app if needed, starts the real
 * server on a free port with a temporary SQLite database, opens every page in headless Chromium
 * (Debian's; never a downloaded browser), and prints
 *   - the compressed size of the JavaScript loaded on first load (limit 300 KB gzip), and
 *   - axe-core's violations by impact for every page, in the light and the dark colour scheme,
 *     with the details of every serious or critical one,
 *   - any console error or Content-Security-Policy report on a page.
 * Exits 1 when a limit is broken. REPORT_WEB_SCREENSHOTS=<folder> also saves a screenshot of each
 * page at desktop and phone width.
 */
import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import {
  browserMissing,
  collectPageErrors,
  COLOR_SCHEMES,
  ensureWebBuild,
  launchBrowser,
  ready,
  runAxe,
  screenshots,
  startApp,
  withAuditPage,
  type ApiClient,
  type AxeViolation,
} from '../test/e2e/harness.js';

const JS_LIMIT_KB = 300;
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
type Impact = (typeof IMPACTS)[number];

interface PageReport {
  name: string;
  scheme: 'light' | 'dark';
  counts: Record<Impact, number>;
  serious: AxeViolation[];
  problems: string[];
}

const screenshotDir = process.env.REPORT_WEB_SCREENSHOTS;

async function firstLoadJs(
  browser: Browser,
  url: string,
): Promise<{ files: number; raw: number; gzip: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await ready(page);
  const bodies = await Promise.all(scripts);
  await context.close();
  return {
    files: bodies.length,
    raw: bodies.reduce((sum, b) => sum + b.length, 0),
    gzip: bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
  };
}

async function audit(
  browser: Browser,
  name: string,
  url: string,
  scheme: 'light' | 'dark',
): Promise<PageReport> {
  return withAuditPage(browser, { colorScheme: scheme }, async (page) => {
    const problems = collectPageErrors(page, (kind, message) => `${kind}: ${message}`);
    await page.goto(url, { waitUntil: 'networkidle' });
    await ready(page);
    if (screenshotDir && scheme === 'light')
      await screenshots(page, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase(), { dir: screenshotDir });
    const violations = await runAxe(page);
    const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of violations) counts[v.impact ?? 'minor'] += v.nodes.length;
    return {
      name,
      scheme,
      counts,
      serious: violations.filter((v) => v.impact === 'critical' || v.impact === 'serious'),
      problems,
    };
  });
}

async function seed(api: ApiClient) {
  await api.post('/api/sample');
  const { applications } = await api.get<{ applications: { id: string; stage: string; role: string }[] }>(
    '/api/applications',
  );
  const rejected = applications.find((a) => a.stage === 'rejected');
  const open =
    applications.find((a) => ['interviewing', 'final', 'screening'].includes(a.stage)) ?? applications[0];
  if (!rejected || !open) throw new Error('the sample data has no rejected or open application to show');
  const draft = await api.post<{ id: string }>(`/api/applications/${open.id}/drafts`, { kind: 'follow_up' });
  // A draft edited into anger, so that the tone check's marks and suggestions are audited too.
  const angry = await api.post<{ id: string; body: string }>(`/api/applications/${open.id}/drafts`, {
    kind: 'follow_up',
  });
  await api.patch(`/api/drafts/${angry.id}`, {
    body: `${angry.body}\n\nHonestly, your process is ridiculous and I strongly disagree with it.`,
  });
  return { rejected: rejected.id, open: open.id, draft: draft.id, angry: angry.id };
}

async function main(): Promise<number> {
  const missing = browserMissing();
  if (missing) {
    console.error(`report:web needs a browser: there is ${missing}`);
    return 1;
  }
  ensureWebBuild((line) => console.log(line));
  if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const pages: [string, string][] = [['Today (newcomer)', '/']];
    const reports: PageReport[] = [];
    // Before any data: the newcomer's Today, and Insights with nothing to count yet.
    for (const [name, path] of [pages[0]!, ['Insights (newcomer)', '/insights']] as const) {
      for (const scheme of COLOR_SCHEMES) reports.push(await audit(browser, name, app.url + path, scheme));
    }

    const ids = await seed(app.api);
    pages.push(
      ['Today', '/'],
      ['Pipeline board', '/pipeline'],
      ['Pipeline table', '/pipeline?view=table'],
      ['Application', `/applications/${ids.open}`],
      ['Record a no', `/applications/${ids.open}/rejection`],
      ['After the no: feeling', `/applications/${ids.rejected}/rejection?step=feeling`],
      ['After the no: reply', `/applications/${ids.rejected}/rejection?step=reply`],
      ['After the no: reflect', `/applications/${ids.rejected}/rejection?step=reflect`],
      ['After the no: plan', `/applications/${ids.rejected}/rejection?step=plan`],
      ['After the no: keep going', `/applications/${ids.rejected}/rejection?step=keep-going`],
      ['Draft', `/drafts/${ids.draft}`],
      ['Draft with a tone warning', `/drafts/${ids.angry}`],
      ['Contacts', '/contacts'],
      ['Insights', '/insights'],
      ['Practice', '/practice'],
      ['Practise with a friend', '/practice/friend'],
      ['Settings', '/settings'],
      ['Not found', '/no-such-page'],
    );
    for (const [name, path] of pages.slice(1)) {
      for (const scheme of COLOR_SCHEMES) reports.push(await audit(browser, name, app.url + path, scheme));
    }
    const js = await firstLoadJs(browser, app.url + '/');

    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log('');
    console.log(
      `JavaScript on first load: ${js.files} file(s), ${kb(js.raw)} KB raw, ${kb(js.gzip)} KB gzip (limit ${JS_LIMIT_KB} KB)`,
    );
    console.log('');
    console.log('axe-core violations (affected elements) by impact:');
    const width = Math.max(...reports.map((r) => r.name.length)) + 2;
    console.log(`${'page'.padEnd(width)}scheme  critical serious moderate minor`);
    for (const r of reports) {
      console.log(
        `${r.name.padEnd(width)}${r.scheme.padEnd(8)}${IMPACTS.map((i, n) => String(r.counts[i]).padStart(n === 0 ? 8 : i.length + 1)).join('')}`,
      );
    }
    const failures: string[] = [];
    for (const r of reports) {
      for (const v of r.serious) {
        failures.push(`${r.name} (${r.scheme}): ${v.impact} ${v.id}: ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) {
          failures.push(
            `    ${node.target.join(' ')}${node.failureSummary ? `\n      ${node.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
          );
        }
      }
      for (const p of r.problems) failures.push(`${r.name} (${r.scheme}): ${p}`);
    }
    if (js.gzip / 1024 >= JS_LIMIT_KB)
      failures.push(`first-load JavaScript is ${kb(js.gzip)} KB gzip, over ${JS_LIMIT_KB} KB`);
    console.log('');
    if (failures.length === 0) {
      console.log(
        'No serious or critical accessibility violations, no console errors, and the bundle is within its limit.',
      );
      return 0;
    }
    console.log('To fix:');
    for (const line of failures) console.log(`  ${line}`);
    return 1;
  } finally {
    await browser.close();
    await app.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 2;
  },
);
