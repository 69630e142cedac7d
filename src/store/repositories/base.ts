import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** A repository works for one user: every query it writes is scoped by `userId`. */
export abstract class UserScoped {
  constructor(
    protected readonly db: Executor,
    protected readonly userId: string,
  ) {}
}

/** Escapes a user's words for a LIKE pattern (used with `escape '\'`). */
export function likePattern(words: string): string {
  return `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
