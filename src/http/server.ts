/**
 * The HTTP shell: Fastify, the guard, the routes and the web shell, put together. Routes call
 * the use-cases and nothing else; this file only assembles.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { openContext } from '../services/index.js';
import type { Store } from '../store/index.js';
import { registerErrorHandling } from './errors.js';
import { allowedHostsFor, registerGuard, urlHost } from './guard.js';
import { registerSecurityHeaders } from './headers.js';
import { DEFAULT_WEB_ROOT } from './package-info.js';
import { registerApplicationRoutes } from './routes/applications.js';
import { registerCompanyRoutes } from './routes/companies.js';
import { registerContactRoutes } from './routes/contacts.js';
import { registerDataRoutes } from './routes/data.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerInboxRoutes } from './routes/inbox.js';
import { registerInsightRoutes } from './routes/insights.js';
import { registerPlaybookRoutes } from './routes/playbook.js';
import { registerPracticeRoutes } from './routes/practice.js';
import { registerReflectionRoutes } from './routes/reflection.js';
import { registerStatic } from './static.js';

export interface ServerOptions {
  store: Store;
  /** The per-install secret that state-changing requests must carry in X-Onward-Token. */
  token: string;
  /** Default 127.0.0.1: only this computer can connect. */
  host?: string;
  /** Default 4477; 0 picks any free port. */
  port?: number;
  /** A fixed "now" (ISO), for reproducible runs. */
  now?: string;
  /** The static files of the web shell; default <package root>/web. */
  webRoot?: string;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4477;

/** Builds the server without listening (tests can `inject` into it). */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const host = options.host ?? DEFAULT_HOST;
  const configuredPort = options.port ?? DEFAULT_PORT;
  const ctx = await openContext(options.store, options.now ? { now: options.now } : {});

  const app = Fastify({
    // Only failures are worth a line (request lines are 'info'); the command's own output stays clean.
    logger: { level: 'error', stream: process.stderr },
  });
  // JSON is the only body this API reads.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  // Until it listens, the server answers to the port it was configured with.
  let hostsPort = -1;
  let hosts = new Set<string>();
  const allowedHosts = () => {
    const port = app.server.listening ? (app.server.address() as AddressInfo).port : configuredPort;
    if (port !== hostsPort) {
      hosts = allowedHostsFor(host, port);
      hostsPort = port;
    }
    return hosts;
  };

  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerGuard(app, { token: options.token, allowedHosts });
  registerHealthRoutes(app, ctx);
  registerApplicationRoutes(app, ctx);
  registerContactRoutes(app, ctx);
  registerCompanyRoutes(app, ctx);
  registerPlaybookRoutes(app, ctx);
  registerInboxRoutes(app, ctx);
  registerReflectionRoutes(app, ctx);
  registerInsightRoutes(app, ctx);
  registerPracticeRoutes(app, ctx);
  registerDataRoutes(app, ctx);
  registerStatic(app, { webRoot: options.webRoot ?? DEFAULT_WEB_ROOT, token: options.token });
  return app;
}

/** The address to show people: a wildcard bind is still reached through the loopback address. */
function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : urlHost(host);
}

export async function startServer(options: ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? DEFAULT_HOST;
  const app = await buildServer(options);
  try {
    await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  } catch (err) {
    await app.close();
    throw err;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://${displayHost(host)}:${port}`,
    close: () => app.close(),
  };
}
