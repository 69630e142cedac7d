/**
 * What the browser tests and `npm run report:web` share: Debian's Chromium (never a downloaded
 * browser), the real server on a free port with a SQLite file of its own, a fresh web build, and
 * the page helpers: a page with its errors collected, waiting for a page to be ready, screenshots
 * at desktop and phone width, and an axe-core audit in light or dark.
 *
 * (Only `poll` and `screenshots(…, { fitsPhone: true })` use vitest's expect; report:web, which
 * runs outside vitest, uses neither.)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { startServer } from '../../src/http/server.js';
import { Store } from '../../src/store/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.ONWARD_CHROMIUM ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const BROWSER_REQUIRED = Boolean(process.env.ONWARD_TEST_BROWSER);
export const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
export const SCREENSHOTS = join(ROOT, 'test-artifacts/screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
export const UI_TIMEOUT = 15_000;
export const COLOR_SCHEMES = ['light', 'dark'] as const;

/** Why the browser tests cannot run here, or null when Chromium is installed. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
}

/** The one line printed when the browser tests are skipped. */
export const skipLine = (reason: string): string =>
  `Browser tests skipped: ${reason}; set ONWARD_TEST_BROWSER=1 to make them mandatory`;

export interface BrowserGate {
  /** Why Chromium cannot run here, or null. */
  missing: string | null;
  /** For describe.skipIf: Chromium is missing and ONWARD_TEST_BROWSER is not set. */
  skip: boolean;
  /** The start of beforeAll: fails when the browser tests must run but cannot, builds the web app. */
  prepare(): void;
}

/**
 * For a browser test file, at its top: prints the one skip line when Chromium is missing (unless
 * ONWARD_TEST_BROWSER is set, as in CI, which makes the suite fail instead).
 */
export function browserGate(): BrowserGate {
  const missing = browserMissing();
  const skip = missing !== null && !BROWSER_REQUIRED;
  if (skip) console.log(skipLine(missing));
  return {
    missing,
    skip,
    prepare() {
      if (missing)
        throw new Error(`The browser tests must run (ONWARD_TEST_BROWSER is set), but there is ${missing}`);
      ensureWebBuild();
      mkdirSync(SCREENSHOTS, { recursive: true });
    },
  };
}

/** Headless Chromium with LAUNCH_ARGS and a test's own flags. */
export function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...LAUNCH_ARGS, ...args] });
}

/** Collects the page's uncaught errors and console errors, as `format` words them. */
export function collectPageErrors(
  page: Page,
  format: (kind: 'page error' | 'console', message: string) => string = (_kind, message) => message,
): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(format('page error', error.message)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(format('console', message.text()));
  });
  return errors;
}

export interface BrowserSession {
  browser: Browser;
  /** At desktop width, with UI_TIMEOUT as its default timeout. */
  context: BrowserContext;
  page: Page;
  /** The page's errors; a test expects none. */
  pageErrors: string[];
}

/** Chromium (with a test's own flags) and one page in a desktop-sized context. */
export async function openBrowser(
  options: { args?: string[]; context?: BrowserContextOptions } = {},
): Promise<BrowserSession> {
  const browser = await launchBrowser(options.args);
  try {
    const context = await browser.newContext({ viewport: DESKTOP, ...options.context });
    context.setDefaultTimeout(UI_TIMEOUT);
    const page = await context.newPage();
    return { browser, context, page, pageErrors: collectPageErrors(page) };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Waits until the value passes (the UI updates after its requests answer). */
export const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 50 });

/** A page is ready when its heading is there and nothing is loading any more. */
export async function ready(page: Page): Promise<void> {
  await page.locator('#page-title').waitFor({ timeout: UI_TIMEOUT });
  // Polled from here: the page's CSP rightly refuses string evaluation inside it.
  const deadline = Date.now() + UI_TIMEOUT;
  while ((await page.locator('.loading').count()) > 0) {
    if (Date.now() > deadline)
      throw new Error(`${page.url()} was still loading after ${UI_TIMEOUT / 1000} s`);
    await page.waitForTimeout(50);
  }
}

/**
 * Saves `<name>-desktop.png` and `<name>-phone.png` (full page) and leaves the page at desktop
 * width. `settleMs` waits after each resize (charts redraw at the new width); `fitsPhone` expects
 * nothing to run off the side of a phone.
 */
export async function screenshots(
  page: Page,
  name: string,
  options: { dir?: string; settleMs?: number; fitsPhone?: boolean } = {},
): Promise<void> {
  const dir = options.dir ?? SCREENSHOTS;
  await page.screenshot({ path: join(dir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  if (options.settleMs) await page.waitForTimeout(options.settleMs);
  await page.screenshot({ path: join(dir, `${name}-phone.png`), fullPage: true });
  if (options.fitsPhone)
    expect(await page.evaluate('document.documentElement.scrollWidth'), name).toBeLessThanOrEqual(
      PHONE.width,
    );
  await page.setViewportSize(DESKTOP);
  if (options.settleMs) await page.waitForTimeout(options.settleMs);
}

/**
 * A page in a context of its own at desktop width, for an audit (`options` give the colour scheme);
 * the context is closed after.
 */
export async function withAuditPage<T>(
  browser: Browser,
  options: BrowserContextOptions,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  // axe is injected as a script tag, which the page's own strict CSP would (rightly) refuse.
  const context = await browser.newContext({ viewport: DESKTOP, bypassCSP: true, ...options });
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: 'critical' | 'serious' | 'moderate' | 'minor' | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations on the page (opened with bypassCSP), for WCAG 2.2 AA and best practice. */
export async function runAxe(
  page: Page,
  tags: string[] = [...WCAG_TAGS, 'best-practice'],
): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const result = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } })`,
  )) as { violations: AxeViolation[] };
  return result.violations;
}

function newestUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestUnder(join(path, name))));
}

/** Builds the web app when web/dist is missing or older than its sources. */
export function ensureWebBuild(log: (line: string) => void = () => {}): void {
  const index = join(ROOT, 'web/dist/index.html');
  const sources = [join(ROOT, 'web/src'), join(ROOT, 'web/index.html'), join(ROOT, 'web/vite.config.ts')];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built > 0 && sources.every((s) => !existsSync(s) || newestUnder(s) <= built)) return;
  log('building the web app (vite build)…');
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(ROOT, 'web/vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface RunningApp {
  url: string;
  token: string;
  store: Store;
  api: ApiClient;
  close(): Promise<void>;
}

/** The real server, on loopback and a free port, over a SQLite file in a temporary folder. */
export async function startApp(): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'onward-e2e-'));
  const store = await Store.open(join(dir, 'onward.db'));
  const token = randomBytes(32).toString('hex');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ store, token, port: 0 });
  } catch (err) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: server.url,
    token,
    store,
    api: apiClient(server.url, token),
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** JSON over fetch with the install token, for setting things up around the browser. */
export function apiClient(url: string, token: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(url + path, {
      method,
      headers: {
        'x-onward-token': token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body),
    put: <T>(path: string, body?: unknown) => call<T>('PUT', path, body),
    patch: <T>(path: string, body?: unknown) => call<T>('PATCH', path, body),
    delete: <T>(path: string) => call<T>('DELETE', path),
  };
}
