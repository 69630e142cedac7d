import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Store } from '../store/index.js';
import { DIALECTS, openTestWorld, PG_SKIP_REASON, PG_URL, type TestWorld } from '../../test/dialects.js';
import { DEFAULT_WEB_ROOT } from './package-info.js';
import { buildServer, startServer } from './server.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

const NOW = '2026-11-23T09:00:00.000Z';
const TOKEN = randomBytes(32).toString('hex');
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function serve(store: Store, extra: { webRoot?: string } = {}): Promise<Running> {
  const server = await startServer({ store, token: TOKEN, port: 0, now: NOW, ...extra });
  return { ...server, port: Number(new URL(server.url).port) };
}

/** A thin client over real fetch: JSON bodies, and the token unless told otherwise. */
function clientFor(server: Running) {
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(server.url + path, {
      method,
      headers: { 'content-type': 'application/json', 'x-onward-token': TOKEN, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    get: (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers }),
    post: (path: string, body: unknown, headers?: Record<string, string>) =>
      send('POST', path, body, headers),
    patch: (path: string, body: unknown, headers?: Record<string, string>) =>
      send('PATCH', path, body, headers),
    raw: (method: string, path: string, body: string, headers: Record<string, string>) =>
      fetch(server.url + path, { method, headers, body }),
  };
}
type Client = ReturnType<typeof clientFor>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function jsonOf(res: Response, status: number): Promise<any> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text);
}

/** Checks the one error shape and returns its message. */
async function errorOf(res: Response, status: number, code: string): Promise<string> {
  const body = await jsonOf(res, status);
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.message;
}

/** fetch will not let us set Host, so DNS-rebinding requests go through node:http. */
function rawRequest(
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const acme = { company: 'Acme', role: 'Data Analyst', applied: '2026-11-02', source: 'referral', fit: 4 };

for (const dialect of DIALECTS) {
  describe(`HTTP API on ${dialect}`, () => {
    let world: TestWorld;
    let server: Running;
    let api: Client;
    beforeEach(async () => {
      world = await openTestWorld(dialect, NOW);
      server = await serve(world.store);
      api = clientFor(server);
    });
    afterEach(async () => {
      await server.close();
      await world.close();
    });

    it('reports its health, version and database', async () => {
      const health = await jsonOf(await api.get('/api/health'), 200);
      expect(health).toEqual({ status: 'ok', version: PACKAGE_VERSION, database: dialect });
    });

    it('creates, reads, moves, interviews and tells the story of an application', async () => {
      const created = await jsonOf(await api.post('/api/applications', acme), 201);
      expect(created).toMatchObject({
        companyName: 'Acme',
        role: 'Data Analyst',
        stage: 'applied',
        fit: 4,
        source: 'referral',
      });
      expect(created.id).toMatch(/^[0-9a-z]{12}$/);

      const fetched = await jsonOf(await api.get(`/api/applications/${created.id}`), 200);
      expect(fetched).toMatchObject({
        id: created.id,
        stage: 'applied',
        interviews: [],
        notes: [],
        contacts: [],
      });
      expect(fetched.events).toHaveLength(1);

      const moved = await jsonOf(
        await api.post(`/api/applications/${created.id}/moves`, {
          stage: 'screening',
          at: '2026-11-05',
          note: 'recruiter call',
        }),
        200,
      );
      expect(moved.stage).toBe('screening');
      expect(moved.events.map((e: { kind: string; toStage: string }) => [e.kind, e.toStage])).toEqual([
        ['created', 'applied'],
        ['stage_changed', 'screening'],
      ]);

      const interview = await jsonOf(
        await api.post(`/api/applications/${created.id}/interviews`, {
          at: '2026-11-20T14:00',
          kind: 'video',
          with: [{ name: 'Dana Lee', email: 'dana@acme.example' }],
          notes: 'SQL and a case study',
        }),
        201,
      );
      expect(interview).toMatchObject({
        applicationId: created.id,
        kind: 'video',
        at: '2026-11-20T14:00:00.000Z',
      });
      expect(interview.interviewers.map((c: { name: string }) => c.name)).toEqual(['Dana Lee']);

      const note = await jsonOf(
        await api.post(`/api/applications/${created.id}/notes`, { text: 'Sent a thank-you' }),
        201,
      );
      expect(note).toMatchObject({ applicationId: created.id, text: 'Sent a thank-you', at: NOW });

      const full = await jsonOf(await api.get(`/api/applications/${created.id}`), 200);
      expect(full.interviews).toHaveLength(1);
      expect(full.notes).toHaveLength(1);
      expect(full.contacts.map((c: { email: string }) => c.email)).toEqual(['dana@acme.example']);

      const { entries } = await jsonOf(await api.get(`/api/applications/${created.id}/timeline`), 200);
      expect(entries.map((e: { kind: string; title: string }) => [e.kind, e.title])).toEqual([
        ['created', 'Added at Applied'],
        ['stage_changed', 'Moved to Screening'],
        ['interview', 'Video interview with Dana Lee'],
        ['note', 'Note'],
      ]);

      const patched = await jsonOf(
        await api.patch(`/api/applications/${created.id}`, { role: 'Senior Data Analyst' }),
        200,
      );
      expect(patched.role).toBe('Senior Data Analyst');
      expect(patched.events.at(-1)).toMatchObject({ kind: 'edited', detail: 'changed role' });
    });

    it('lists applications with filters, sorting and paging', async () => {
      const a = await jsonOf(await api.post('/api/applications', acme), 201);
      const g = await jsonOf(
        await api.post('/api/applications', { company: 'Globex', role: 'BI Developer', source: 'job_board' }),
        201,
      );
      await jsonOf(await api.post(`/api/applications/${g.id}/moves`, { stage: 'screening' }), 200);
      await jsonOf(
        await api.post('/api/applications', { company: 'Initech', role: 'Analyst', source: 'referral' }),
        201,
      );

      const ids = async (query: string) =>
        (await jsonOf(await api.get(`/api/applications${query}`), 200)).applications.map(
          (x: { id: string }) => x.id,
        );
      expect(await ids('')).toHaveLength(3);
      expect(await ids('?stage=screening')).toEqual([g.id]);
      expect(await ids('?company=acme')).toEqual([a.id]);
      expect(await ids('?company=Nobody')).toEqual([]);
      expect((await ids('?source=referral')).sort()).toEqual(
        [a.id, (await ids('?company=Initech'))[0]].sort(),
      );
      expect(await ids('?q=BI%20Developer')).toEqual([g.id]);
      const byCompany = await jsonOf(await api.get('/api/applications?sort=company&order=desc'), 200);
      expect(byCompany.applications.map((x: { companyName: string }) => x.companyName)).toEqual([
        'Initech',
        'Globex',
        'Acme',
      ]);
      const page = await jsonOf(
        await api.get('/api/applications?sort=company&order=asc&limit=1&offset=1'),
        200,
      );
      expect(page.applications.map((x: { companyName: string }) => x.companyName)).toEqual(['Globex']);
    });

    it('keeps contacts and lists companies', async () => {
      const app = await jsonOf(await api.post('/api/applications', acme), 201);
      const dana = await jsonOf(
        await api.post('/api/contacts', {
          name: 'Dana Lee',
          email: 'dana@acme.example',
          role: 'recruiter',
          applicationId: app.id,
        }),
        201,
      );
      expect(dana).toMatchObject({ name: 'Dana Lee', role: 'recruiter', companyName: 'Acme' });
      await jsonOf(
        await api.post('/api/contacts', { name: 'Sam Roe', company: 'Globex', role: 'referrer' }),
        201,
      );

      const byRole = await jsonOf(await api.get('/api/contacts?role=recruiter'), 200);
      expect(byRole.contacts.map((c: { id: string }) => c.id)).toEqual([dana.id]);
      const byCompany = await jsonOf(await api.get('/api/contacts?company=Globex'), 200);
      expect(byCompany.contacts.map((c: { name: string }) => c.name)).toEqual(['Sam Roe']);

      expect(await jsonOf(await api.get(`/api/contacts/${dana.id}`), 200)).toMatchObject({
        id: dana.id,
        email: 'dana@acme.example',
      });
      const patched = await jsonOf(
        await api.patch(`/api/contacts/${dana.id}`, { phone: '+44 20 7946 0000' }),
        200,
      );
      expect(patched.phone).toBe('+44 20 7946 0000');

      const { companies } = await jsonOf(await api.get('/api/companies'), 200);
      expect(companies.map((c: { name: string }) => c.name).sort()).toEqual(['Acme', 'Globex']);
    });
  });
}

describe('HTTP API errors', () => {
  let world: TestWorld;
  let server: Running;
  let api: Client;
  beforeEach(async () => {
    world = await openTestWorld('sqlite', NOW);
    server = await serve(world.store);
    api = clientFor(server);
  });
  afterEach(async () => {
    await server.close();
    await world.close();
  });

  const count = async () => (await jsonOf(await api.get('/api/applications'), 200)).applications.length;

  it('answers a missing field with 400 and names the field', async () => {
    const message = await errorOf(
      await api.post('/api/applications', { company: 'Acme' }),
      400,
      'invalid_input',
    );
    expect(message).toMatch(/role/);
    expect(await count()).toBe(0);
  });

  it('answers a query string that is not a number with 400', async () => {
    expect(await errorOf(await api.get('/api/applications?limit=abc'), 400, 'invalid_input')).toMatch(
      /limit/,
    );
    expect(await errorOf(await api.get('/api/applications?offset=-1'), 400, 'invalid_input')).toMatch(
      /offset/,
    );
    expect(await errorOf(await api.get('/api/applications?order=sideways'), 400, 'invalid_input')).toMatch(
      /order/,
    );
    expect(await errorOf(await api.get('/api/applications?limt=5'), 400, 'invalid_input')).toMatch(/limt/);
    expect(await errorOf(await api.get('/api/applications?stage=nowhere'), 400, 'invalid_input')).toMatch(
      /stage/,
    );
  });

  it('answers an unknown id or address with 404', async () => {
    expect(await errorOf(await api.get('/api/applications/zzzzzzzzzzzz'), 404, 'not_found')).toMatch(
      /zzzzzzzzzzzz/,
    );
    await errorOf(
      await api.post('/api/applications/zzzzzzzzzzzz/notes', { text: 'hello' }),
      404,
      'not_found',
    );
    await errorOf(await api.get('/api/contacts/nobody'), 404, 'not_found');
    await errorOf(await api.get('/api/no-such-thing'), 404, 'not_found');
    await errorOf(await api.post('/api/no-such-thing', {}), 404, 'not_found');
  });

  it('answers a move the stage machine forbids with 409, and writes nothing', async () => {
    const app = await jsonOf(await api.post('/api/applications', acme), 201);
    await jsonOf(
      await api.post(`/api/applications/${app.id}/moves`, { stage: 'screening', at: '2026-11-05' }),
      200,
    );
    await errorOf(
      await api.post(`/api/applications/${app.id}/moves`, { stage: 'saved' }),
      409,
      'invalid_move',
    );
    const after = await jsonOf(await api.get(`/api/applications/${app.id}`), 200);
    expect(after.stage).toBe('screening');
    expect(after.events).toHaveLength(2);
  });

  it('answers a clash with 409 conflict', async () => {
    await jsonOf(await api.post('/api/contacts', { name: 'Dana Lee', email: 'dana@acme.example' }), 201);
    const sam = await jsonOf(
      await api.post('/api/contacts', { name: 'Sam Roe', email: 'sam@globex.example' }),
      201,
    );
    const message = await errorOf(
      await api.patch(`/api/contacts/${sam.id}`, { email: 'dana@acme.example' }),
      409,
      'conflict',
    );
    expect(message).toMatch(/dana@acme\.example/);
  });

  it('answers an export from a newer Onward with 422', async () => {
    const message = await errorOf(
      await api.post('/api/import', { format: 'onward-export', version: 99, applications: [] }),
      422,
      'unsupported_format',
    );
    expect(message).toMatch(/version 99/);
    await errorOf(await api.post('/api/import', { hello: 'world' }), 422, 'unsupported_format');
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const headers = { 'content-type': 'application/json', 'x-onward-token': TOKEN };
    await errorOf(
      await api.raw('POST', '/api/applications', '{"company": "Acme",', headers),
      400,
      'invalid_json',
    );
    await errorOf(await api.raw('POST', '/api/applications', '', headers), 400, 'invalid_json');
    expect(await count()).toBe(0);
  });

  it('refuses bodies that are not JSON with 415', async () => {
    const body = JSON.stringify({ company: 'Acme', role: 'Analyst' });
    // An HTML form can send text/plain (and the two others) across sites without a preflight.
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      await errorOf(
        await api.raw('POST', '/api/applications', body, { 'content-type': type, 'x-onward-token': TOKEN }),
        415,
        'unsupported_media_type',
      );
    }
    expect(await count()).toBe(0);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await api.post('/api/applications', {
      company: 'Acme',
      role: 'Analyst',
      jobDescription: 'x'.repeat(2 * 1024 * 1024),
    });
    await errorOf(res, 413, 'payload_too_large');
  });

  it('answers an internal failure with 500 and a message that gives nothing away', async () => {
    const store = await Store.open(':memory:');
    const broken = await serve(store);
    await store.close();
    const logged: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    try {
      const res = await fetch(`${broken.url}/api/applications`);
      const text = await res.text();
      expect(res.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
      expect(text).not.toMatch(/destroyed|at .*\.(js|ts):\d+|stack/i);
    } finally {
      spy.mockRestore();
      await broken.close();
    }
    expect(logged.join('')).toMatch(/request failed/);
  });
});

describe('HTTP API export and import', () => {
  let worlds: TestWorld[];
  let servers: Running[];
  beforeEach(() => {
    worlds = [];
    servers = [];
  });
  afterEach(async () => {
    for (const s of servers) await s.close();
    for (const w of worlds) await w.close();
  });

  async function fresh(): Promise<Client> {
    const world = await openTestWorld('sqlite', NOW);
    worlds.push(world);
    const server = await serve(world.store);
    servers.push(server);
    return clientFor(server);
  }

  it('exports a document that imports back exactly, even one over the usual body limit', async () => {
    const from = await fresh();
    const app = await jsonOf(await from.post('/api/applications', acme), 201);
    await jsonOf(
      await from.post(`/api/applications/${app.id}/moves`, { stage: 'screening', at: '2026-11-05' }),
      200,
    );
    await jsonOf(
      await from.post(`/api/applications/${app.id}/interviews`, {
        at: '2026-11-20T14:00',
        with: [{ name: 'Dana Lee' }],
      }),
      201,
    );
    await jsonOf(await from.post(`/api/applications/${app.id}/notes`, { text: 'Sent a thank-you' }), 201);
    // Long job descriptions push the document past Fastify's default 1 MiB body limit.
    for (let i = 0; i < 12; i++) {
      await jsonOf(
        await from.post('/api/applications', {
          company: `Company ${i}`,
          role: 'Analyst',
          jobDescription: 'x'.repeat(100_000),
        }),
        201,
      );
    }

    const exported = await from.get('/api/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="onward-export.json"');
    const text = await exported.text();
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const document = JSON.parse(text);
    expect(document).toMatchObject({ format: 'onward-export', version: 1 });
    expect(document.applications).toHaveLength(13);

    const to = await fresh();
    const summary = await jsonOf(
      await to.raw('POST', '/api/import', text, {
        'content-type': 'application/json',
        'x-onward-token': TOKEN,
      }),
      200,
    );
    expect(summary).toEqual({
      mode: 'fresh',
      // The interview brought its playbook steps: a thank-you and a follow-up.
      added: { companies: 13, contacts: 1, applications: 13, events: 14, interviews: 1, notes: 1, steps: 2 },
      updated: {},
    });
    expect(await jsonOf(await to.get('/api/export'), 200)).toEqual(document);
    expect(await jsonOf(await to.get(`/api/applications/${app.id}`), 200)).toEqual(
      await jsonOf(await from.get(`/api/applications/${app.id}`), 200),
    );
  });

  it('takes the exported name and time zone on a fresh import, and reads later dates in that zone', async () => {
    const from = await fresh();
    await jsonOf(await from.post('/api/applications', acme), 201);
    const document = await jsonOf(await from.get('/api/export'), 200);
    document.user = { name: 'Robin', email: 'robin@example.org', timeZone: 'America/New_York' };

    const to = await fresh();
    expect((await jsonOf(await to.post('/api/import', document), 200)).mode).toBe('fresh');
    expect((await jsonOf(await to.get('/api/export'), 200)).user).toEqual(document.user);
    const later = await jsonOf(
      await to.post('/api/applications', { company: 'Globex', role: 'Analyst', applied: '2026-11-02' }),
      201,
    );
    // Midnight in New York (EST, UTC-5).
    expect(later.events[0].at).toBe('2026-11-02T05:00:00.000Z');
  });
});

describe('HTTP API security', () => {
  let world: TestWorld;
  let server: Running;
  let api: Client;
  beforeEach(async () => {
    world = await openTestWorld('sqlite', NOW);
    server = await serve(world.store);
    api = clientFor(server);
  });
  afterEach(async () => {
    await server.close();
    await world.close();
  });

  const count = async () => (await jsonOf(await api.get('/api/applications'), 200)).applications.length;
  const json = { 'content-type': 'application/json' };
  const body = JSON.stringify({ company: 'Acme', role: 'Analyst' });

  it('refuses a change without the token', async () => {
    expect(await errorOf(await api.raw('POST', '/api/applications', body, json), 403, 'forbidden')).toMatch(
      /token/,
    );
    expect(await count()).toBe(0);
  });

  it('refuses a change with a wrong token, whatever its length', async () => {
    for (const token of [TOKEN.replace(/^./, TOKEN.startsWith('0') ? '1' : '0'), 'short', `${TOKEN}extra`]) {
      await errorOf(
        await api.raw('POST', '/api/applications', body, { ...json, 'x-onward-token': token }),
        403,
        'forbidden',
      );
    }
    expect(await count()).toBe(0);
  });

  it('refuses a cross-site change even with the right token', async () => {
    for (const origin of [
      'https://evil.example',
      `http://evil.example:${server.port}`,
      'null',
      `https://127.0.0.1:${server.port}`,
    ]) {
      const res = await api.post('/api/applications', { company: 'Acme', role: 'Analyst' }, { origin });
      await errorOf(res, 403, 'forbidden');
    }
    expect(await count()).toBe(0);
  });

  it('accepts a same-origin change with the token', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const res = await api.post(
        '/api/applications',
        { company: `Acme ${host}`, role: 'Analyst' },
        { origin: `http://${host}:${server.port}` },
      );
      expect((await jsonOf(res, 201)).companyName).toBe(`Acme ${host}`);
    }
    expect(await count()).toBe(2);
  });

  it('refuses requests addressed to another host (DNS rebinding), even reads', async () => {
    for (const path of ['/api/health', '/api/applications', '/api/export', '/', '/index.html']) {
      const res = await rawRequest(server.port, { path, headers: { host: `evil.example:${server.port}` } });
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'forbidden' } });
      expect(res.body).not.toContain(TOKEN);
    }
    const wrongPort = await rawRequest(server.port, {
      path: '/api/health',
      headers: { host: `127.0.0.1:${server.port + 1}` },
    });
    expect(wrongPort.status).toBe(403);
    const post = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/applications',
      headers: { host: `evil.example:${server.port}`, ...json, 'x-onward-token': TOKEN },
      body,
    });
    expect(post.status).toBe(403);
    expect(await count()).toBe(0);
  });

  it('answers to the loopback names on its own port', async () => {
    for (const host of [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      `[::1]:${server.port}`,
      `LOCALHOST:${server.port}`,
    ]) {
      const res = await rawRequest(server.port, { path: '/api/health', headers: { host } });
      expect(res.status, host).toBe(200);
    }
  });

  it('answers to its configured port before it listens', async () => {
    const app = await buildServer({ store: world.store, token: TOKEN, now: NOW, host: '192.168.1.20' });
    try {
      for (const host of ['127.0.0.1:4477', 'localhost:4477', '192.168.1.20:4477']) {
        expect((await app.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(200);
      }
      for (const host of ['127.0.0.1:4478', 'evil.example:4477']) {
        expect((await app.inject({ url: '/api/health', headers: { host } })).statusCode, host).toBe(403);
      }
    } finally {
      await app.close();
    }
  });

  it('refuses to start without a token', async () => {
    await expect(buildServer({ store: world.store, token: '' })).rejects.toThrow(/token/);
  });
});

describe('web shell', () => {
  let world: TestWorld;
  let webRoot: string;
  let server: Running;
  let api: Client;

  /** A built app in miniature, laid out as `vite build` writes web/dist. */
  function writeBuild(dir: string): void {
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      [
        '<!doctype html><html lang="en"><head>',
        '<meta name="onward-token" content="%ONWARD_TOKEN%" />',
        '<script type="module" crossorigin src="/assets/index-AbC123xy.js"></script>',
        '<link rel="stylesheet" href="/assets/index-Zz9_Yy8-.css">',
        '</head><body><div id="root"></div></body></html>',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'assets', 'index-AbC123xy.js'), "fetch('/api/applications');\n");
    writeFileSync(join(dir, 'assets', 'index-Zz9_Yy8-.css'), 'body { margin: 0 }\n');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  }

  beforeEach(async () => {
    world = await openTestWorld('sqlite', NOW);
    webRoot = mkdtempSync(join(tmpdir(), 'onward-web-'));
    writeBuild(webRoot);
    server = await serve(world.store, { webRoot });
    api = clientFor(server);
  });
  afterEach(async () => {
    await server.close();
    await world.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the built app from web/dist by default', () => {
    expect(DEFAULT_WEB_ROOT.replace(/\\/g, '/')).toMatch(/\/web\/dist\/?$/);
  });

  it('serves index.html with the token injected and a strict Content-Security-Policy', async () => {
    for (const path of ['/', '/index.html', '/applications/abc123', '/applications/abc123/rejection']) {
      const res = await api.get(path, { accept: 'text/html' });
      const html = await res.text();
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(res.headers.get('content-security-policy')).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain(`<meta name="onward-token" content="${TOKEN}"`);
      expect(html).not.toContain('%ONWARD_TOKEN%');
    }
  });

  it('serves the built script and style, hashed assets as immutable, and 404s a missing file', async () => {
    const script = await api.get('/assets/index-AbC123xy.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toContain('/api/applications');
    const style = await api.get('/assets/index-Zz9_Yy8-.css');
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toMatch(/^text\/css/);
    const robots = await api.get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers.get('cache-control')).toBe('no-cache');
    await errorOf(await api.get('/missing.js'), 404, 'not_found');
    await errorOf(await api.get('/assets/index-missing1.js'), 404, 'not_found');
    await errorOf(await api.get('/api/nothing-here'), 404, 'not_found');
  });

  it('never serves files outside the web root', async () => {
    for (const path of [
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/.git/config',
    ]) {
      const res = await rawRequest(server.port, {
        path,
        headers: { host: `127.0.0.1:${server.port}`, accept: 'application/json' },
      });
      expect(res.body, path).not.toContain('"devDependencies"');
      expect(res.body, path).not.toContain('root:');
      expect(res.body, path).not.toContain('[core]');
    }
  });

  it('serves from the given web root and replaces every placeholder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onward-web-'));
    writeFileSync(join(dir, 'index.html'), '<p>%ONWARD_TOKEN%</p><p>%ONWARD_TOKEN%</p>');
    const custom = await serve(world.store, { webRoot: dir });
    try {
      const res = await fetch(`${custom.url}/`);
      expect(await res.text()).toBe(`<p>${TOKEN}</p><p>${TOKEN}</p>`);
    } finally {
      await custom.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says plainly that the app is not built when there is no build, and the API still works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onward-web-empty-'));
    const unbuilt = await serve(world.store, { webRoot: dir });
    try {
      for (const path of ['/', '/index.html', '/pipeline', '/applications/abc123']) {
        const res = await fetch(`${unbuilt.url}${path}`, { headers: { accept: 'text/html' } });
        expect(res.status, path).toBe(503);
        expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
        expect(await res.text()).toBe('The web app is not built: run npm run build\n');
      }
      expect((await fetch(`${unbuilt.url}/assets/index-AbC123xy.js`)).status).toBe(404);
      expect((await fetch(`${unbuilt.url}/api/health`)).status).toBe(200);
    } finally {
      await unbuilt.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
