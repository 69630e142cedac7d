import { notFound, Problem } from '../domain/errors.js';
import type { Contact } from '../domain/model.js';
import type { Repositories } from '../store/index.js';
import { findOrCreateCompany, findOrCreateContact, resolveApplicationId } from './lookups.js';
import { inTransaction, reposOf, type Context } from './context.js';
import {
  contactPatchSchema,
  contactRoleSchema,
  newContactSchema,
  parseInput,
  type ContactPatch,
  type NewContact,
} from './inputs.js';

export interface ContactView extends Contact {
  companyName: string | null;
}

async function withCompany(repos: Repositories, contacts: Contact[]): Promise<ContactView[]> {
  const companies = new Map((await repos.companies.list()).map((c) => [c.id, c.name]));
  return contacts.map((c) => ({
    ...c,
    companyName: c.companyId ? (companies.get(c.companyId) ?? null) : null,
  }));
}

export async function addContact(ctx: Context, raw: NewContact): Promise<ContactView> {
  const input = parseInput(newContactSchema, raw, 'new contact');
  const contact = await inTransaction(ctx, async (repos) => {
    const applicationId = input.applicationId ? await resolveApplicationId(repos, input.applicationId) : null;
    const application = applicationId ? await repos.applications.get(applicationId) : undefined;
    const companyId = input.company
      ? (await findOrCreateCompany(repos, ctx, input.company)).id
      : (application?.companyId ?? null);
    const found = await findOrCreateContact(repos, ctx, {
      name: input.name,
      email: input.email ?? null,
      role: input.role ?? 'other',
      companyId,
    });
    const contact: Contact = {
      ...found,
      role: input.role ?? found.role,
      phone: input.phone || found.phone,
      linkedin: input.linkedin || found.linkedin,
      notes: input.notes || found.notes,
    };
    await repos.contacts.save(contact);
    if (applicationId) await repos.contacts.linkToApplication(applicationId, contact.id);
    return contact;
  });
  const [view] = await withCompany(reposOf(ctx), [contact]);
  return view as ContactView;
}

export async function updateContact(ctx: Context, id: string, raw: ContactPatch): Promise<ContactView> {
  const patch = parseInput(contactPatchSchema, raw, 'contact change');
  const contact = await inTransaction(ctx, async (repos) => {
    const current = await repos.contacts.get(id);
    if (!current) throw notFound('contact', id);
    const next: Contact = { ...current };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.email !== undefined) next.email = patch.email || null;
    if (patch.role) next.role = patch.role;
    if (patch.phone !== undefined) next.phone = patch.phone || null;
    if (patch.linkedin !== undefined) next.linkedin = patch.linkedin || null;
    if (patch.notes !== undefined) next.notes = patch.notes || null;
    if (patch.company !== undefined) {
      next.companyId = patch.company ? (await findOrCreateCompany(repos, ctx, patch.company)).id : null;
    }
    if (next.email && next.email.toLowerCase() !== current.email?.toLowerCase()) {
      const clash = await repos.contacts.findByEmail(next.email);
      if (clash && clash.id !== id) {
        throw new Problem('conflict', `${next.email} already belongs to contact ${clash.name} (${clash.id})`);
      }
    }
    await repos.contacts.save(next);
    return next;
  });
  const [view] = await withCompany(reposOf(ctx), [contact]);
  return view as ContactView;
}

export interface ContactQuery {
  company?: string;
  role?: string;
  q?: string;
}

export async function listContacts(ctx: Context, query: ContactQuery = {}): Promise<ContactView[]> {
  const repos = reposOf(ctx);
  const role = query.role ? parseInput(contactRoleSchema, query.role, 'role filter') : undefined;
  let companyId: string | undefined;
  if (query.company) {
    const company = await repos.companies.findByName(query.company);
    if (!company) return [];
    companyId = company.id;
  }
  const contacts = await repos.contacts.list({
    ...(companyId ? { companyId } : {}),
    ...(role ? { role } : {}),
    ...(query.q ? { q: query.q } : {}),
  });
  return withCompany(repos, contacts);
}

export async function getContact(ctx: Context, id: string): Promise<ContactView> {
  const repos = reposOf(ctx);
  const contact = await repos.contacts.get(id);
  if (!contact) throw notFound('contact', id);
  const [view] = await withCompany(repos, [contact]);
  return view as ContactView;
}
