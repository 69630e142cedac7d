/**
 * Kysely's DIALECTS pattern: one storage suite, looped over the databases that are here.
 * SQLite always runs; PostgreSQL runs when ONWARD_TEST_PG holds a postgres:// URL, and each test
 * file gets a database of its own, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Store } from '../src/store/index.js';
import { openContext, type Context } from '../src/services/index.js';

export type TestDialect = 'sqlite' | 'postgres';

export const PG_URL = process.env.ONWARD_TEST_PG;
export const DIALECTS: TestDialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
export const PG_SKIP_REASON =
  'PostgreSQL tests skipped: ONWARD_TEST_PG is not set (e.g. postgres://postgres@127.0.0.1:5432/test)';

export interface TestDatabase {
  /** A target for Store.open or --db. */
  target: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: TestDialect, dir?: string): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    return {
      target: dir ? `${dir}/onward-${randomBytes(4).toString('hex')}.db` : ':memory:',
      drop: async () => {},
    };
  }
  if (!PG_URL) throw new Error(PG_SKIP_REASON);
  const name = `onward_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    target: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        // The store has closed its pool, but a backend can take a moment to exit after the client's
        // Terminate; WITH (FORCE) at once would kill it mid-goodbye and the client would raise 57P01.
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 40 ? ' WITH (FORCE)' : ''}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt >= 40) throw error;
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

export interface TestWorld {
  store: Store;
  ctx: Context;
  /** Moves the fixed clock. */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export async function openTestWorld(
  dialect: TestDialect,
  now = '2026-11-23T09:00:00.000Z',
): Promise<TestWorld> {
  const database = await createTestDatabase(dialect);
  const store = await Store.open(database.target);
  let current = now;
  const base = await openContext(store, { now });
  const ctx: Context = { ...base, user: { ...base.user, timeZone: 'Europe/London' }, now: () => current };
  await store.users.update(ctx.user);
  return {
    store,
    ctx,
    setNow(iso) {
      current = iso;
    },
    async close() {
      await store.close();
      await database.drop();
    },
  };
}
