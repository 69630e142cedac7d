import { randomBytes } from 'node:crypto';
import type { Instant, User } from '../domain/model.js';
import { isValidTimeZone } from '../domain/time.js';
import type { Repositories, Store } from '../store/index.js';

/**
 * What every use-case is given: the store, the user it acts for, the clock and the id maker.
 * The shells build one per command or request; tests build one with a fixed clock.
 */
export interface Context {
  store: Store;
  user: User;
  now(): Instant;
  newId(): string;
}

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 12 characters of Crockford base32: short enough to type, random enough never to clash. */
export function newId(): string {
  const bytes = randomBytes(12);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b & 31];
  return id;
}

export function systemTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

/**
 * Single-user mode: the database's one local user, created on first use. Two processes opening
 * a new database at once both try to create it; the loser re-reads the winner's.
 */
export async function localUser(store: Store, now: Instant, name = 'Me'): Promise<User> {
  const existing = await store.users.first();
  if (existing) return existing;
  const user: User = { id: newId(), name, email: null, timeZone: systemTimeZone(), createdAt: now };
  try {
    await store.users.insert(user);
  } catch (err) {
    const winner = await store.users.first();
    if (winner) return winner;
    throw err;
  }
  return (await store.users.first()) ?? user;
}

export interface ContextOptions {
  /** A fixed "now" (ISO), for reproducible runs; otherwise the real clock. */
  now?: Instant;
  newId?: () => string;
}

export async function openContext(store: Store, options: ContextOptions = {}): Promise<Context> {
  const fixed = options.now;
  const now = fixed ? () => fixed : () => new Date().toISOString();
  const user = await localUser(store, now());
  return { store, user, now, newId: options.newId ?? newId };
}

/** Runs a use-case's writes in one transaction for the context's user. */
export function inTransaction<T>(ctx: Context, work: (repos: Repositories) => Promise<T>): Promise<T> {
  return ctx.store.transaction(ctx.user.id, work);
}

export function reposOf(ctx: Context): Repositories {
  return ctx.store.forUser(ctx.user.id);
}
