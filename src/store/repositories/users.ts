import type { User } from '../../domain/model.js';
import type { UsersTable } from '../schema.js';
import type { Executor } from './base.js';

const toUser = (r: UsersTable): User => ({
  id: r.id,
  name: r.name,
  email: r.email,
  timeZone: r.time_zone,
  createdAt: r.created_at,
});

/** Users are the one table not scoped by user. */
export class UserRepository {
  constructor(private readonly db: Executor) {}

  async get(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async first(): Promise<User | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
    return row && toUser(row);
  }

  async insert(user: User): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        name: user.name,
        email: user.email,
        time_zone: user.timeZone,
        created_at: user.createdAt,
      })
      .execute();
  }

  async update(user: User): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ name: user.name, email: user.email, time_zone: user.timeZone })
      .where('id', '=', user.id)
      .execute();
  }
}
