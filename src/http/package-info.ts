import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The built web app (`npm run build` writes it with Vite). This file runs from src/http (tests,
 * tsx) or dist/http (the built command); both sit two levels below the package root.
 */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

export const VERSION = readVersion();
