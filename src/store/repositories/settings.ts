import { UserScoped } from './base.js';

/** Key → JSON value, per user. The services own the meaning and defaults of each key. */
export class SettingsRepository extends UserScoped {
  async all(): Promise<Record<string, unknown>> {
    const rows = await this.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('user_id', '=', this.userId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  async set(key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    await this.db
      .insertInto('settings')
      .values({ user_id: this.userId, key, value: json })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doUpdateSet({ value: json }))
      .execute();
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('settings').where('user_id', '=', this.userId).where('key', '=', key).execute();
  }
}
