/**
 * Any web page the seeker visits can send requests to 127.0.0.1, so every request is checked
 * before it reaches a route:
 * - the Host header must name this server (a DNS-rebinding page arrives under its own name);
 * - a request that changes something must also come from our own page (Origin), carry the
 *   per-install token (which only our page can read), and be JSON (an HTML form cannot send it).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem } from '../domain/errors.js';
import { HttpError } from './errors.js';

export const TOKEN_HEADER = 'x-onward-token';
/** Where an .eml or .mbox is uploaded as it is. */
export const RAW_MAIL_PATH = '/api/inbox/import';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardOptions {
  token: string;
  /** The `host:port` values this server answers to, lower case. */
  allowedHosts(): ReadonlySet<string>;
}

/** The host part of a URL authority: IPv6 addresses go in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function allowedHostsFor(host: string, port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]', urlHost(host).toLowerCase()];
  const hosts = new Set(names.map((name) => `${name}:${port}`));
  // Browsers leave out the default port.
  if (port === 80) for (const name of names) hosts.add(name);
  return hosts;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Compares digests, which always have the same length, so the time taken says nothing about the token. */
function sameToken(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

const forbidden = (message: string): Problem => new Problem('forbidden', message);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function isJson(contentType: string): boolean {
  return contentType.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

export function registerGuard(app: FastifyInstance, options: GuardOptions): void {
  if (!options.token) throw new Error('the HTTP server needs a non-empty install token');
  const expected = digest(options.token);

  app.addHook('onRequest', async (request) => {
    const allowed = options.allowedHosts();
    const host = request.headers.host?.toLowerCase();
    if (!host || !allowed.has(host)) {
      throw forbidden(
        'this request was not addressed to Onward; open it at http://127.0.0.1 on its own port',
      );
    }
    if (SAFE_METHODS.has(request.method)) return;

    const origin = request.headers.origin?.toLowerCase();
    if (
      origin !== undefined &&
      !(origin.startsWith('http://') && allowed.has(origin.slice('http://'.length)))
    ) {
      throw forbidden('changes can only come from the Onward page itself');
    }
    const token = request.headers[TOKEN_HEADER];
    if (typeof token !== 'string' || token === '') {
      throw forbidden(`changes need the install token in the ${TOKEN_HEADER} header`);
    }
    if (!sameToken(token, expected)) throw forbidden('the install token is not right');

    const contentType = request.headers['content-type'];
    // The one route that takes raw mail: an HTML form cannot send these types either.
    const rawMail =
      request.url.split('?')[0] === RAW_MAIL_PATH &&
      /^(message\/rfc822|application\/mbox)\s*(;|$)/i.test(contentType ?? '');
    if (!rawMail && (contentType === undefined ? hasBody(request) : !isJson(contentType))) {
      throw new HttpError(415, 'unsupported_media_type', 'send the request body as application/json');
    }
  });
}
