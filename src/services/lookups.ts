/** Finding the things a use-case refers to by name, email or a short id; creating them when new. */
import { invalidInput, notFound } from '../domain/errors.js';
import type { Company, Contact, ContactRole } from '../domain/model.js';
import type { Repositories } from '../store/index.js';
import type { Context } from './context.js';

export async function findOrCreateCompany(repos: Repositories, ctx: Context, name: string): Promise<Company> {
  const existing = await repos.companies.findByName(name);
  if (existing) return existing;
  const company: Company = {
    id: ctx.newId(),
    name: name.trim().replace(/\s+/g, ' '),
    website: null,
    notes: null,
    createdAt: ctx.now(),
  };
  await repos.companies.save(company);
  return company;
}

/**
 * A full id, or the start of one when it is unambiguous (four characters or more): the CLI shows
 * ids in full, but nobody likes typing twelve characters. `what` names the thing in messages.
 */
export async function resolveId(
  what: string,
  idOrPrefix: string,
  lookup: {
    exists(id: string): Promise<boolean>;
    startingWith(prefix: string, limit: number): Promise<string[]>;
  },
): Promise<string> {
  const id = idOrPrefix.trim().toLowerCase();
  if (await lookup.exists(id)) return id;
  if (id.length >= 4) {
    const matches = await lookup.startingWith(id, 5);
    if (matches.length === 1 && matches[0]) return matches[0];
    if (matches.length > 1) {
      throw invalidInput(
        `"${idOrPrefix}" matches several ${what}s (${matches.join(', ')}); type more of the id`,
      );
    }
  }
  throw notFound(what, idOrPrefix);
}

export function resolveApplicationId(repos: Repositories, idOrPrefix: string): Promise<string> {
  return resolveId('application', idOrPrefix, {
    exists: async (id) => (await repos.applications.existing([id])).size === 1,
    startingWith: (prefix, limit) => repos.applications.idsStartingWith(prefix, limit),
  });
}

/**
 * The same person should be one contact: matched by email when there is one, otherwise by name
 * at the same company. Details already known are kept; missing ones are filled in.
 */
export async function findOrCreateContact(
  repos: Repositories,
  ctx: Context,
  person: { name: string; email: string | null; role: ContactRole; companyId: string | null },
): Promise<Contact> {
  const byEmail = person.email ? await repos.contacts.findByEmail(person.email) : undefined;
  const byName = byEmail
    ? undefined
    : (await repos.contacts.list({ q: person.name })).find(
        (c) => c.name.toLowerCase() === person.name.toLowerCase() && c.companyId === person.companyId,
      );
  const existing = byEmail ?? byName;
  if (existing) {
    const filled: Contact = {
      ...existing,
      email: existing.email ?? person.email,
      companyId: existing.companyId ?? person.companyId,
    };
    if (filled.email !== existing.email || filled.companyId !== existing.companyId)
      await repos.contacts.save(filled);
    return filled;
  }
  const contact: Contact = {
    id: ctx.newId(),
    name: person.name,
    email: person.email,
    role: person.role,
    companyId: person.companyId,
    phone: null,
    linkedin: null,
    notes: null,
    createdAt: ctx.now(),
  };
  await repos.contacts.save(contact);
  return contact;
}
