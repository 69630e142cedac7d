/**
 * One JSON document with everything the seeker has, and the way back. The document carries a
 * format name and version; an import checks both before it reads anything else, and runs in one
 * transaction so a bad file changes nothing.
 */
import { z } from 'zod';
import { EVENT_KINDS, stageOf, type ApplicationEvent } from '../domain/events.js';
import { invalidInput, Problem } from '../domain/errors.js';
import {
  CONTACT_ROLES,
  INTERVIEW_KINDS,
  type Application,
  type Company,
  type Contact,
  type Interview,
  type Note,
} from '../domain/model.js';
import { STAGES } from '../domain/stages.js';
import { isInstant, isValidTimeZone } from '../domain/time.js';
import type { OwnedTable, Repositories } from '../store/index.js';
import { inTransaction, reposOf, type Context } from './context.js';

export const EXPORT_FORMAT = 'onward-export';
export const EXPORT_VERSION = 1;

const instant = z.string().refine(isInstant, 'must be an ISO time with a zone');
const id = z.string().min(1).max(64);
const nullableText = z.string().nullable();

const companySchema = z
  .object({ id, name: z.string().min(1), website: nullableText, notes: nullableText, createdAt: instant })
  .strict();
const contactSchema = z
  .object({
    id,
    name: z.string().min(1),
    email: nullableText,
    role: z.enum(CONTACT_ROLES),
    companyId: id.nullable(),
    phone: nullableText,
    linkedin: nullableText,
    notes: nullableText,
    createdAt: instant,
  })
  .strict();
const applicationSchema = z
  .object({
    id,
    companyId: id,
    role: z.string().min(1),
    url: nullableText,
    source: nullableText,
    location: nullableText,
    jobDescription: nullableText,
    fit: z.number().int().min(1).max(5).nullable(),
    stage: z.enum(STAGES),
    createdAt: instant,
    updatedAt: instant,
  })
  .strict();
const eventSchema = z
  .object({
    id,
    applicationId: id,
    seq: z.number().int().min(1),
    kind: z.enum(EVENT_KINDS),
    at: instant,
    fromStage: z.enum(STAGES).nullable(),
    toStage: z.enum(STAGES).nullable(),
    source: nullableText,
    detail: nullableText,
  })
  .strict();
const interviewSchema = z
  .object({
    id,
    applicationId: id,
    kind: z.enum(INTERVIEW_KINDS),
    at: instant,
    interviewerIds: z.array(id),
    notes: nullableText,
    replyExpectedBy: instant.nullable().default(null),
    selfRating: z.number().int().min(1).max(5).nullable(),
    selfAssessment: nullableText,
    createdAt: instant,
  })
  .strict();
const noteSchema = z.object({ id, applicationId: id, text: z.string(), at: instant }).strict();

const exportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  user: z.object({
    name: z.string().min(1),
    email: nullableText,
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
  }),
  settings: z.record(z.string(), z.unknown()),
  companies: z.array(companySchema),
  contacts: z.array(contactSchema),
  applications: z.array(applicationSchema),
  applicationContacts: z.array(z.object({ applicationId: id, contactId: id }).strict()),
  events: z.array(eventSchema),
  interviews: z.array(interviewSchema),
  notes: z.array(noteSchema),
});

export type ExportDocument = z.infer<typeof exportSchema>;

export async function exportData(ctx: Context): Promise<ExportDocument> {
  const repos = reposOf(ctx);
  const [settings, companies, contacts, applications, applicationContacts, events, interviews, notes] =
    await Promise.all([
      repos.settings.all(),
      repos.companies.list(),
      repos.contacts.list(),
      repos.applications.all(),
      repos.contacts.allLinks(),
      repos.events.all(),
      repos.interviews.all(),
      repos.notes.all(),
    ]);
  const byId = <T extends { id: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    user: { name: ctx.user.name, email: ctx.user.email, timeZone: ctx.user.timeZone },
    settings: Object.fromEntries(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b))),
    companies: byId(companies),
    contacts: byId(contacts),
    applications: byId(applications),
    applicationContacts,
    events: [...events].sort((a, b) =>
      a.applicationId === b.applicationId ? a.seq - b.seq : a.applicationId < b.applicationId ? -1 : 1,
    ),
    interviews: byId(interviews.map((i) => ({ ...i, interviewerIds: [...i.interviewerIds].sort() }))),
    notes: byId(notes),
  };
}

/** Checks the envelope first, so an old Onward facing a newer file says so instead of listing fields. */
export function readExportDocument(raw: unknown): ExportDocument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Problem('unsupported_format', 'this is not an Onward export: expected a JSON object');
  }
  const envelope = raw as { format?: unknown; version?: unknown };
  if (envelope.format !== EXPORT_FORMAT) {
    throw new Problem(
      'unsupported_format',
      `this is not an Onward export: "format" should be "${EXPORT_FORMAT}"`,
    );
  }
  if (typeof envelope.version !== 'number' || !Number.isInteger(envelope.version)) {
    throw new Problem('unsupported_format', 'this Onward export has no format version');
  }
  if (envelope.version > EXPORT_VERSION) {
    throw new Problem(
      'unsupported_format',
      `this export is format version ${envelope.version}, newer than this Onward reads (${EXPORT_VERSION}); update Onward and try again`,
    );
  }
  const result = exportSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalidInput(
      `the export is damaged at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'not valid'}`,
    );
  }
  return result.data;
}

export interface ImportSummary {
  mode: 'fresh' | 'merge';
  added: Record<string, number>;
  updated: Record<string, number>;
}

/** References inside the document must point at rows in the document (or, when merging, already stored). */
function checkReferences(doc: ExportDocument): void {
  const has = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  const companies = has(doc.companies);
  const contacts = has(doc.contacts);
  const applications = has(doc.applications);
  const missing = (what: string, ref: string, owner: string) =>
    invalidInput(`the export is inconsistent: ${owner} refers to ${what} "${ref}", which is not in the file`);
  for (const c of doc.contacts)
    if (c.companyId && !companies.has(c.companyId)) throw missing('company', c.companyId, `contact ${c.id}`);
  for (const a of doc.applications)
    if (!companies.has(a.companyId)) throw missing('company', a.companyId, `application ${a.id}`);
  for (const l of doc.applicationContacts) {
    if (!applications.has(l.applicationId)) throw missing('application', l.applicationId, 'a contact link');
    if (!contacts.has(l.contactId)) throw missing('contact', l.contactId, 'a contact link');
  }
  for (const e of doc.events)
    if (!applications.has(e.applicationId)) throw missing('application', e.applicationId, `event ${e.id}`);
  for (const i of doc.interviews) {
    if (!applications.has(i.applicationId))
      throw missing('application', i.applicationId, `interview ${i.id}`);
    for (const c of i.interviewerIds) if (!contacts.has(c)) throw missing('contact', c, `interview ${i.id}`);
  }
  for (const n of doc.notes)
    if (!applications.has(n.applicationId)) throw missing('application', n.applicationId, `note ${n.id}`);
  for (const a of doc.applications) {
    const history = doc.events.filter((e) => e.applicationId === a.id);
    if (history.length > 0 && stageOf(history) !== a.stage) {
      throw invalidInput(
        `the export is inconsistent: application ${a.id} says "${a.stage}" but its history ends at "${stageOf(history)}"`,
      );
    }
  }
}

async function refuseForeignIds(repos: Repositories, doc: ExportDocument): Promise<void> {
  const tables: [OwnedTable, { id: string }[]][] = [
    ['companies', doc.companies],
    ['contacts', doc.contacts],
    ['applications', doc.applications],
    ['application_events', doc.events],
    ['interviews', doc.interviews],
    ['notes', doc.notes],
  ];
  for (const [table, rows] of tables) {
    const foreign = await repos.ownedByOthers(
      table,
      rows.map((r) => r.id),
    );
    if (foreign.length > 0) {
      throw new Problem(
        'conflict',
        `the export's ${table.replace('_', ' ')} ${foreign[0]} belongs to another account here; nothing was imported`,
      );
    }
  }
}

/**
 * Restores an export. Into an empty account it reproduces the data exactly (and takes the
 * exported name, time zone and settings); into an account with data it merges by id: rows with
 * a known id are replaced by the file's version, new rows are added, a company or contact that
 * already exists under another id (same name, same email) is reused.
 */
export async function importData(ctx: Context, raw: unknown): Promise<ImportSummary> {
  const doc = readExportDocument(raw);
  checkReferences(doc);
  return inTransaction(ctx, async (repos) => {
    await refuseForeignIds(repos, doc);
    const fresh =
      (await repos.applications.count()) === 0 &&
      (await repos.companies.list()).length === 0 &&
      (await repos.contacts.list()).length === 0;
    const added: Record<string, number> = {};
    const updated: Record<string, number> = {};
    const count = (what: string, isNew: boolean) => {
      const bucket = isNew ? added : updated;
      bucket[what] = (bucket[what] ?? 0) + 1;
    };

    if (fresh) {
      await repos.users.update({
        ...ctx.user,
        name: doc.user.name,
        email: doc.user.email,
        timeZone: doc.user.timeZone,
      });
      for (const [key, value] of Object.entries(doc.settings)) await repos.settings.set(key, value);
    }

    const companyIds = new Map<string, string>();
    for (const c of doc.companies) {
      const sameName = await repos.companies.findByName(c.name);
      const known = await repos.companies.get(c.id);
      if (sameName && sameName.id !== c.id) {
        companyIds.set(c.id, sameName.id);
        continue;
      }
      companyIds.set(c.id, c.id);
      await repos.companies.save(c satisfies Company);
      count('companies', !known);
    }
    const mapCompany = (cid: string) => companyIds.get(cid) ?? cid;

    const contactIds = new Map<string, string>();
    for (const c of doc.contacts) {
      const sameEmail = c.email ? await repos.contacts.findByEmail(c.email) : undefined;
      if (sameEmail && sameEmail.id !== c.id) {
        contactIds.set(c.id, sameEmail.id);
        continue;
      }
      const known = await repos.contacts.get(c.id);
      contactIds.set(c.id, c.id);
      await repos.contacts.save({
        ...c,
        companyId: c.companyId && mapCompany(c.companyId),
      } satisfies Contact);
      count('contacts', !known);
    }
    const mapContact = (cid: string) => contactIds.get(cid) ?? cid;

    const knownApplications = await repos.applications.existing(doc.applications.map((a) => a.id));
    for (const a of doc.applications) {
      await repos.applications.save({ ...a, companyId: mapCompany(a.companyId) } satisfies Application);
      count('applications', !knownApplications.has(a.id));
    }
    for (const l of doc.applicationContacts)
      await repos.contacts.linkToApplication(l.applicationId, mapContact(l.contactId));

    // Events are history: never replaced, only added. Seq numbers are renumbered after stored ones.
    const knownEvents = await repos.events.existing(doc.events.map((e) => e.id));
    const touched = new Set<string>();
    for (const e of doc.events) {
      if (knownEvents.has(e.id)) continue;
      const seq = fresh ? e.seq : await repos.events.nextSeq(e.applicationId);
      await repos.events.append({ ...e, seq } satisfies ApplicationEvent);
      touched.add(e.applicationId);
      count('events', true);
    }
    for (const i of doc.interviews) {
      const known = (await repos.interviews.forApplication(i.applicationId)).some((x) => x.id === i.id);
      await repos.interviews.save({
        ...i,
        interviewerIds: i.interviewerIds.map(mapContact),
      } satisfies Interview);
      count('interviews', !known);
    }
    for (const n of doc.notes) {
      const known = (await repos.notes.forApplication(n.applicationId)).some((x) => x.id === n.id);
      await repos.notes.save(n satisfies Note);
      count('notes', !known);
    }
    // A merge can add history behind an application's back: the stage follows the history.
    if (!fresh) {
      for (const applicationId of touched) {
        const app = await repos.applications.get(applicationId);
        const stage = stageOf(await repos.events.forApplication(applicationId));
        if (app && stage && stage !== app.stage) await repos.applications.save({ ...app, stage });
      }
    }
    return { mode: fresh ? 'fresh' : 'merge', added, updated };
  });
}
