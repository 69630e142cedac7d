/**
 * What the browser tests and `npm run report:web` share: Debian's Chromium (never a downloaded
 * browser), the real server on a free port with a SQLite file of its own, and a fresh web build.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
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

/** Why the browser tests cannot run here, or null when Chromium is installed. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
}

/** The one line printed when the browser tests are skipped. */
export const skipLine = (reason: string): string =>
  `Browser tests skipped: ${reason}; set ONWARD_TEST_BROWSER=1 to make them mandatory`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
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
