import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Connection {
  dialect: DialectName;
  db: Kysely<Database>;
  /** Where the data lives, for messages: a file path, or the URL without its password. */
  location: string;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** Opens a SQLite file (created if missing) or a PostgreSQL URL, and brings its schema up to date. */
export async function connect(target: string): Promise<Connection> {
  const conn = isPostgresUrl(target) ? await connectPostgres(target) : connectSqlite(target);
  try {
    await migrate(conn.db);
  } catch (err) {
    await conn.db.destroy();
    throw err;
  }
  return conn;
}

function connectSqlite(target: string): Connection {
  const path = target === ':memory:' ? target : resolve(target);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return {
    dialect: 'sqlite',
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    location: path,
  };
}

/** The pg driver is loaded only when asked for: most runs are SQLite, and every CLI start counts. */
async function connectPostgres(url: string): Promise<Connection> {
  const { default: pg } = await import('pg');
  // PostgreSQL's bigint (count(*), sums) would otherwise arrive as strings.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    dialect: 'postgres',
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    location: redactUrl(url),
  };
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
