import type { Company } from '../../domain/model.js';
import type { CompaniesTable } from '../schema.js';
import { UserScoped } from './base.js';

export const companyKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const toCompany = (r: CompaniesTable): Company => ({
  id: r.id,
  name: r.name,
  website: r.website,
  notes: r.notes,
  createdAt: r.created_at,
});

export class CompanyRepository extends UserScoped {
  private scoped() {
    return this.db.selectFrom('companies').selectAll().where('user_id', '=', this.userId);
  }

  async get(id: string): Promise<Company | undefined> {
    const row = await this.scoped().where('id', '=', id).executeTakeFirst();
    return row && toCompany(row);
  }

  async findByName(name: string): Promise<Company | undefined> {
    const row = await this.scoped().where('name_key', '=', companyKey(name)).executeTakeFirst();
    return row && toCompany(row);
  }

  async list(): Promise<Company[]> {
    return (await this.scoped().orderBy('name_key').execute()).map(toCompany);
  }

  /** Inserts, or replaces the row with the same id (import). */
  async save(c: Company): Promise<void> {
    const values = {
      id: c.id,
      user_id: this.userId,
      name: c.name,
      name_key: companyKey(c.name),
      website: c.website,
      notes: c.notes,
      created_at: c.createdAt,
    };
    await this.db
      .insertInto('companies')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ name: values.name, name_key: values.name_key, website: c.website, notes: c.notes })
          .where('companies.user_id', '=', this.userId),
      )
      .execute();
  }

  /** Removes rows by id; what hangs off them goes with them (foreign keys cascade). */
  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('companies')
      .where('user_id', '=', this.userId)
      .where('id', 'in', [...ids])
      .execute();
  }
}
