import { planMove, type ApplicationEvent } from '../domain/events.js';
import { invalidInput, notFound, Problem } from '../domain/errors.js';
import type { Application, Contact, Interview, Note } from '../domain/model.js';
import { isStage, type Stage } from '../domain/stages.js';
import { parseUserTime } from '../domain/time.js';
import type { ApplicationFilter, ApplicationRow } from '../store/index.js';
import { APPLICATION_SORTS } from '../store/index.js';
import { findOrCreateCompany, findOrCreateContact, resolveApplicationId } from './lookups.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { appendEvent, pastTime } from './history.js';
import { replanApplication } from './playbook.js';
import {
  applicationPatchSchema,
  moveSchema,
  newApplicationSchema,
  newInterviewSchema,
  newNoteSchema,
  parseInput,
  stageSchema,
  type ApplicationPatch,
  type MoveInput,
  type NewApplication,
  type NewInterview,
  type NewNote,
} from './inputs.js';

/** An application as the seeker sees it: with its company, people, history, interviews and notes. */
export interface ApplicationView extends ApplicationRow {
  events: ApplicationEvent[];
  interviews: (Interview & { interviewers: Contact[] })[];
  notes: Note[];
  contacts: Contact[];
}

export async function createApplication(ctx: Context, raw: NewApplication): Promise<ApplicationView> {
  const input = parseInput(newApplicationSchema, raw, 'new application');
  const stage: Stage = input.stage ?? 'applied';
  if (input.applied && stage === 'saved') {
    throw invalidInput('an application with an --applied date cannot be at stage "saved"');
  }
  const at = pastTime(ctx, input.applied, 'applied date');
  const id = await inTransaction(ctx, async (repos) => {
    const company = await findOrCreateCompany(repos, ctx, input.company);
    const now = ctx.now();
    const application: Application = {
      id: ctx.newId(),
      companyId: company.id,
      role: input.role,
      url: input.url ?? null,
      source: input.source || null,
      location: input.location || null,
      jobDescription: input.jobDescription || null,
      fit: input.fit ?? null,
      workplace: input.workplace ?? null,
      resumeVersion: input.resumeVersion || null,
      stage,
      createdAt: now,
      updatedAt: now,
    };
    await repos.applications.save(application);
    await appendEvent(repos, ctx, {
      applicationId: application.id,
      kind: 'created',
      at,
      fromStage: null,
      toStage: stage,
      source: null,
      detail: null,
    });
    return application.id;
  });
  return getApplication(ctx, id);
}

export async function getApplication(ctx: Context, idOrPrefix: string): Promise<ApplicationView> {
  const repos = reposOf(ctx);
  const id = await resolveApplicationId(repos, idOrPrefix);
  const application = await repos.applications.get(id);
  if (!application) throw notFound('application', idOrPrefix);
  const [events, interviews, notes, contacts] = await Promise.all([
    repos.events.forApplication(id),
    repos.interviews.forApplication(id),
    repos.notes.forApplication(id),
    repos.contacts.forApplication(id),
  ]);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return {
    ...application,
    events,
    interviews: interviews.map((i) => ({
      ...i,
      interviewers: i.interviewerIds.map((cid) => byId.get(cid)).filter((c): c is Contact => c !== undefined),
    })),
    notes,
    contacts,
  };
}

export interface ListQuery {
  stage?: string | string[];
  company?: string;
  source?: string;
  q?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export async function listApplications(ctx: Context, query: ListQuery = {}): Promise<ApplicationRow[]> {
  const repos = reposOf(ctx);
  const stages = (Array.isArray(query.stage) ? query.stage : query.stage ? query.stage.split(',') : []).map(
    (s) => parseInput(stageSchema, s.trim(), 'stage filter'),
  );
  const filter: ApplicationFilter = { stages };
  if (query.company) {
    const company = await repos.companies.findByName(query.company);
    if (!company) return [];
    filter.companyId = company.id;
  }
  if (query.source) filter.source = query.source;
  if (query.q) filter.q = query.q;
  if (query.sort) {
    if (!(APPLICATION_SORTS as readonly string[]).includes(query.sort)) {
      throw invalidInput(`sort must be one of: ${APPLICATION_SORTS.join(', ')}`);
    }
    filter.sort = query.sort as ApplicationFilter['sort'];
  }
  if (query.order) filter.descending = query.order === 'desc';
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 1)
      throw invalidInput('limit must be a whole number above 0');
    filter.limit = query.limit;
  }
  if (query.offset !== undefined) {
    if (!Number.isInteger(query.offset) || query.offset < 0)
      throw invalidInput('offset must be a whole number, 0 or more');
    filter.offset = query.offset;
  }
  return repos.applications.list(filter);
}

export async function updateApplication(
  ctx: Context,
  idOrPrefix: string,
  raw: ApplicationPatch,
): Promise<ApplicationView> {
  const patch = parseInput(applicationPatchSchema, raw, 'application change');
  const id = await inTransaction(ctx, async (repos) => {
    const id = await resolveApplicationId(repos, idOrPrefix);
    const current = await repos.applications.get(id);
    if (!current) throw notFound('application', idOrPrefix);
    const next: Application = { ...current, updatedAt: ctx.now() };
    const changed: string[] = [];
    if (patch.company !== undefined) {
      const company = await findOrCreateCompany(repos, ctx, patch.company);
      if (company.id !== current.companyId) changed.push('company');
      next.companyId = company.id;
    }
    const fields = [
      'role',
      'url',
      'source',
      'location',
      'jobDescription',
      'fit',
      'workplace',
      'resumeVersion',
    ] as const;
    for (const f of fields) {
      if (patch[f] === undefined) continue;
      const value = patch[f] === '' ? null : patch[f];
      if (value !== current[f]) changed.push(f);
      (next as unknown as Record<string, unknown>)[f] = value;
    }
    if (changed.length === 0) return id;
    await repos.applications.save(next);
    await appendEvent(repos, ctx, {
      applicationId: id,
      kind: 'edited',
      at: ctx.now(),
      fromStage: null,
      toStage: null,
      source: null,
      detail: `changed ${changed.join(', ')}`,
    });
    return id;
  });
  return getApplication(ctx, id);
}

export async function moveApplication(
  ctx: Context,
  idOrPrefix: string,
  raw: MoveInput,
  source: string | null = null,
): Promise<ApplicationView> {
  if (typeof raw?.stage === 'string' && !isStage(raw.stage)) {
    throw invalidInput(`unknown stage "${raw.stage}"; use one of: ${stageSchema.options.join(', ')}`);
  }
  const input = parseInput(moveSchema, raw, 'move');
  const at = pastTime(ctx, input.at, 'move time');
  const id = await inTransaction(ctx, async (repos) => {
    const id = await resolveApplicationId(repos, idOrPrefix);
    const current = await repos.applications.get(id);
    if (!current) throw notFound('application', idOrPrefix);
    const history = await repos.events.forApplication(id);
    const planned = planMove(history, input.stage, at);
    if (!planned.ok)
      throw new Problem(
        'invalid_move',
        `cannot move ${current.companyName} · ${current.role}: ${planned.reason}`,
      );
    await appendEvent(repos, ctx, {
      applicationId: id,
      kind: planned.eventKind,
      at,
      fromStage: planned.from,
      toStage: planned.to,
      source,
      detail: input.note || null,
    });
    await repos.applications.save({ ...current, stage: planned.to, updatedAt: ctx.now() });
    if (planned.to === 'rejected') {
      // A plain move to rejected is a rejection too: the playbook needs its record.
      await repos.rejections.save({
        id: ctx.newId(),
        applicationId: id,
        at,
        stageReached: planned.from === 'saved' ? 'applied' : planned.from,
        reasonGiven: input.note || null,
        messageId: null,
      });
    }
    await replanApplication(repos, ctx, id);
    return id;
  });
  return getApplication(ctx, id);
}

export async function addInterview(
  ctx: Context,
  idOrPrefix: string,
  raw: NewInterview,
): Promise<Interview & { interviewers: Contact[] }> {
  const input = parseInput(newInterviewSchema, raw, 'interview');
  // Interviews are often logged ahead of time, so a future time is fine here.
  const at = parseUserTime(input.at, ctx.user.timeZone, 'interview time');
  return inTransaction(ctx, async (repos) => {
    const id = await resolveApplicationId(repos, idOrPrefix);
    const application = await repos.applications.get(id);
    if (!application) throw notFound('application', idOrPrefix);
    const interviewers: Contact[] = [];
    for (const person of input.with ?? []) {
      const contact = await findOrCreateContact(repos, ctx, {
        name: person.name,
        email: person.email ?? null,
        role: 'interviewer',
        companyId: application.companyId,
      });
      await repos.contacts.linkToApplication(id, contact.id);
      if (!interviewers.some((c) => c.id === contact.id)) interviewers.push(contact);
    }
    const interview: Interview = {
      id: ctx.newId(),
      applicationId: id,
      kind: input.kind ?? 'other',
      at,
      interviewerIds: interviewers.map((c) => c.id),
      notes: input.notes || null,
      replyExpectedBy: input.replyExpectedBy
        ? parseUserTime(input.replyExpectedBy, ctx.user.timeZone, 'reply date')
        : null,
      selfRating: null,
      selfAssessment: null,
      createdAt: ctx.now(),
    };
    await repos.interviews.save(interview);
    await repos.applications.save({ ...application, updatedAt: ctx.now() });
    await replanApplication(repos, ctx, id);
    return { ...interview, interviewerIds: [...interview.interviewerIds].sort(), interviewers };
  });
}

export async function addNote(ctx: Context, idOrPrefix: string, raw: NewNote): Promise<Note> {
  const input = parseInput(newNoteSchema, raw, 'note');
  const at = pastTime(ctx, input.at, 'note time');
  return inTransaction(ctx, async (repos) => {
    const id = await resolveApplicationId(repos, idOrPrefix);
    const application = await repos.applications.get(id);
    if (!application) throw notFound('application', idOrPrefix);
    const note: Note = { id: ctx.newId(), applicationId: id, text: input.text, at };
    await repos.notes.save(note);
    await repos.applications.save({ ...application, updatedAt: ctx.now() });
    return note;
  });
}
