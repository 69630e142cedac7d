import { readFileSync } from 'node:fs';
import { invalidInput } from '../domain/errors.js';
import { toInstant } from '../domain/time.js';
import { openContext, type Context } from '../services/index.js';
import { Store } from '../store/index.js';
import { defaultDatabase } from './paths.js';

/** What every command gets: where to write, the environment, and the global options. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** True when stdout is a terminal (progress and colour only then). */
  isTty: boolean;
}

export interface GlobalOptions {
  db?: string;
  now?: string;
  json?: boolean;
}

export function databaseTarget(opts: GlobalOptions, env: NodeJS.ProcessEnv): string {
  return opts.db || env.ONWARD_DB || defaultDatabase(env);
}

export function fixedNow(opts: GlobalOptions, env: NodeJS.ProcessEnv): string | undefined {
  const raw = opts.now || env.ONWARD_NOW;
  if (!raw) return undefined;
  try {
    return toInstant(raw);
  } catch {
    throw invalidInput(`--now "${raw}" is not an ISO time; use e.g. 2026-11-23T09:00:00Z`);
  }
}

/** Opens the store, runs the command with a context, and always closes the store. */
export async function withContext<T>(
  opts: GlobalOptions,
  io: CliIo,
  work: (ctx: Context, store: Store) => Promise<T>,
): Promise<T> {
  const now = fixedNow(opts, io.env);
  const store = await Store.open(databaseTarget(opts, io.env));
  try {
    return await work(await openContext(store, now ? { now } : {}), store);
  } finally {
    await store.close();
  }
}

/** Reads a file the seeker pointed at, with a clear message when it cannot. */
export function readBinaryFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw invalidInput(`cannot read ${what} "${path}": ${reason}`);
  }
}

/** Reads a text file the seeker pointed at, refusing what is not UTF-8 text. */
export function readTextFile(path: string, what: string): string {
  const bytes = readBinaryFile(path, what);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw invalidInput(`${what} "${path}" is not UTF-8 text; save it as UTF-8 and try again`);
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
