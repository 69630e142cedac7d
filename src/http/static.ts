/**
 * The web app: the built files from the web root (web/dist), with index.html for `/` and for any
 * other page address outside /api (so the app's client-side router can own its paths). index.html
 * gets the install token, which lets our own page make changes; a page from another origin cannot
 * read it. Without a build there is no app to serve: pages answer 503 with what to do.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const TOKEN_PLACEHOLDER = '%ONWARD_TOKEN%';

export const NOT_BUILT_MESSAGE = 'The web app is not built: run npm run build';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticOptions {
  webRoot: string;
  token: string;
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The file a URL path names, or undefined when it would leave the root or names a hidden file. */
export function fileUnder(root: string, urlPath: string): string | undefined {
  if (urlPath.includes('\0')) return undefined;
  const relative = normalize(`/${urlPath}`).replace(/^[/\\]+/, '');
  if (relative.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return undefined;
  const file = join(root, relative);
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The build names its assets by their content hash (assets/index-3f2a9c1b.js): they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const isHashedAsset = (urlPath: string): boolean =>
  /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(urlPath);

/** A page address (no extension, or a browser asking for HTML) falls back to the app; a missing asset is a 404. */
function wantsPage(request: FastifyRequest, urlPath: string): boolean {
  return extname(urlPath) === '' || (request.headers.accept ?? '').includes('text/html');
}

export function registerStatic(app: FastifyInstance, options: StaticOptions): void {
  const root = resolve(options.webRoot);
  const indexFile = join(root, 'index.html');
  const token = escapeAttribute(options.token);

  async function sendIndex(reply: FastifyReply): Promise<FastifyReply> {
    const html = (await readFile(indexFile, 'utf8')).replaceAll(TOKEN_PLACEHOLDER, token);
    // The page holds the token: keep it out of every cache.
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  }

  app.get('/*', async (request, reply) => {
    const urlPath = (request.params as { '*'?: string })['*'] ?? '';
    if (urlPath === 'api' || urlPath.startsWith('api/')) return reply.callNotFound();
    const file = urlPath === '' ? indexFile : fileUnder(root, urlPath);
    if (file !== undefined && file !== indexFile && (await isFile(file))) {
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return reply
        .type(type)
        .header('cache-control', isHashedAsset(urlPath) ? IMMUTABLE : 'no-cache')
        .send(await readFile(file));
    }
    if (file === indexFile || wantsPage(request, urlPath)) {
      if (await isFile(indexFile)) return sendIndex(reply);
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(`${NOT_BUILT_MESSAGE}\n`);
    }
    return reply.callNotFound();
  });
}
