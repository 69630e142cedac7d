import type { Contact, ContactRole } from '../../domain/model.js';
import type { ContactsTable } from '../schema.js';
import { likePattern, UserScoped } from './base.js';
import { sql } from 'kysely';

export const emailKey = (email: string | null): string | null => (email ? email.trim().toLowerCase() : null);

const toContact = (r: ContactsTable): Contact => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role as ContactRole,
  companyId: r.company_id,
  phone: r.phone,
  linkedin: r.linkedin,
  notes: r.notes,
  createdAt: r.created_at,
});

export interface ContactFilter {
  companyId?: string;
  role?: ContactRole;
  q?: string;
}

export class ContactRepository extends UserScoped {
  private scoped() {
    return this.db.selectFrom('contacts').selectAll('contacts').where('contacts.user_id', '=', this.userId);
  }

  async get(id: string): Promise<Contact | undefined> {
    const row = await this.scoped().where('contacts.id', '=', id).executeTakeFirst();
    return row && toContact(row);
  }

  async findByEmail(email: string): Promise<Contact | undefined> {
    const row = await this.scoped().where('contacts.email_key', '=', emailKey(email)).executeTakeFirst();
    return row && toContact(row);
  }

  async list(filter: ContactFilter = {}): Promise<Contact[]> {
    let q = this.scoped();
    if (filter.companyId) q = q.where('contacts.company_id', '=', filter.companyId);
    if (filter.role) q = q.where('contacts.role', '=', filter.role);
    if (filter.q) {
      const pattern = likePattern(filter.q);
      q = q.where((eb) =>
        eb.or([
          eb(sql`lower(contacts.name)`, 'like', sql`${pattern} escape '\\'`),
          eb(sql`coalesce(contacts.email_key, '')`, 'like', sql`${pattern} escape '\\'`),
        ]),
      );
    }
    return (await q.orderBy('contacts.name').orderBy('contacts.id').execute()).map(toContact);
  }

  async save(c: Contact): Promise<void> {
    const values = {
      id: c.id,
      user_id: this.userId,
      company_id: c.companyId,
      name: c.name,
      email: c.email,
      email_key: emailKey(c.email),
      role: c.role,
      phone: c.phone,
      linkedin: c.linkedin,
      notes: c.notes,
      created_at: c.createdAt,
    };
    const { id: _id, user_id: _u, created_at: _c, ...changes } = values;
    await this.db
      .insertInto('contacts')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('contacts.user_id', '=', this.userId))
      .execute();
  }

  async forApplication(applicationId: string): Promise<Contact[]> {
    const rows = await this.scoped()
      .innerJoin('application_contacts as ac', 'ac.contact_id', 'contacts.id')
      .where('ac.application_id', '=', applicationId)
      .orderBy('contacts.name')
      .execute();
    return rows.map(toContact);
  }

  async linkToApplication(applicationId: string, contactId: string): Promise<void> {
    await this.db
      .insertInto('application_contacts')
      .values({ user_id: this.userId, application_id: applicationId, contact_id: contactId })
      .onConflict((oc) => oc.columns(['application_id', 'contact_id']).doNothing())
      .execute();
  }

  async allLinks(): Promise<{ applicationId: string; contactId: string }[]> {
    const rows = await this.db
      .selectFrom('application_contacts')
      .select(['application_id', 'contact_id'])
      .where('user_id', '=', this.userId)
      .orderBy('application_id')
      .orderBy('contact_id')
      .execute();
    return rows.map((r) => ({ applicationId: r.application_id, contactId: r.contact_id }));
  }

  /** Removes rows by id; what hangs off them goes with them (foreign keys cascade). */
  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('contacts')
      .where('user_id', '=', this.userId)
      .where('id', 'in', [...ids])
      .execute();
  }
}
