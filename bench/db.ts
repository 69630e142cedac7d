/**
 * The database plumbing of the store and insights benchmarks: a temporary SQLite file or a fresh
 * PostgreSQL database, their version and size, row counts, and the clean-up when a run ends early.
 * Apart from lib.ts because it loads the store (and its drivers), which the inbox benchmark must not.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { isPostgresUrl, redactUrl, type Store } from '../src/store/index.js';
import type { Database } from '../src/store/schema.js';
import { BenchFailure, errorText, KEEP } from './lib.js';

/** ONWARD_BENCH_PG, else ONWARD_TEST_PG, when it holds a postgres:// URL (anything else is an error). */
export function postgresUrl(): string | undefined {
  for (const name of ['ONWARD_BENCH_PG', 'ONWARD_TEST_PG'] as const) {
    const value = process.env[name]?.trim();
    if (!value) continue;
    if (!isPostgresUrl(value))
      throw new BenchFailure(`${name} must be a postgres:// URL, got "${redactUrl(value)}"`);
    return value;
  }
  return undefined;
}

export interface Target {
  target: string;
  /** Removes the database (and its files); safe to call twice. */
  drop(): Promise<void>;
}

/** A database file in a fresh temporary folder named `prefix…`; `say` tells where it is kept. */
export function sqliteTarget(prefix: string, say: (message: string) => void): Target {
  const dir = mkdtempSync(join(os.tmpdir(), prefix));
  let dropped = false;
  return {
    target: join(dir, 'bench.db'),
    async drop() {
      if (dropped) return;
      dropped = true;
      if (KEEP) say(`kept the database: ${join(dir, 'bench.db')}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the server at `url`; `say` tells where it is kept. */
export async function postgresTarget(url: string, say: (message: string) => void): Promise<Target> {
  // test/dialects.ts reads ONWARD_TEST_PG when it is first imported, so set it before importing.
  process.env.ONWARD_TEST_PG = url;
  const { createTestDatabase } = await import('../test/dialects.js');
  const created = await createTestDatabase('postgres').catch((err: unknown) => {
    throw new BenchFailure(`cannot create a database on ${redactUrl(url)}: ${errorText(err)}`);
  });
  let dropped = false;
  return {
    target: created.target,
    async drop() {
      if (dropped) return;
      dropped = true;
      if (KEEP) say(`kept the database: ${redactUrl(created.target)}`);
      else await created.drop();
    },
  };
}

export async function databaseVersion(store: Store): Promise<string> {
  return store.dialect === 'sqlite'
    ? ((await sql<{ v: string }>`select sqlite_version() as v`.execute(store.db)).rows[0]?.v ?? '?')
    : ((await sql<{ server_version: string }>`show server_version`.execute(store.db)).rows[0]
        ?.server_version ?? '?');
}

/**
 * The database's size in bytes: SQLite's file and its WAL; on PostgreSQL, after a vacuum analyze (what
 * autovacuum would have done by now after so many inserts: fresh statistics, a visibility map).
 */
export async function databaseSize(
  store: Store,
  target: string,
  say: (message: string) => void,
): Promise<number> {
  if (store.dialect === 'postgres') {
    say('vacuum analyze');
    await sql`vacuum analyze`.execute(store.db);
    const row = (
      await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(store.db)
    ).rows[0];
    return Number(row?.size ?? 0);
  }
  return ['', '-wal'].reduce((s, ext) => {
    try {
      return s + statSync(`${target}${ext}`).size;
    } catch {
      return s;
    }
  }, 0);
}

/** Rows in each of `tables`. */
export async function countRows<T extends keyof Database & string>(
  store: Store,
  tables: readonly T[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await store.db
      .selectFrom(t as keyof Database)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

/** What to undo when the run ends early: close stores, drop databases (last added, first run). */
export const cleanups = new Set<() => Promise<void>>();

export async function cleanUp(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => {});
  cleanups.clear();
}
