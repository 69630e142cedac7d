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
  EMAIL_CLASSES,
  FEEDBACK_THEMES,
  INTERVIEW_KINDS,
  SENT_VIA,
  STEP_KINDS,
  STEP_NEEDS,
  STEP_STATES,
  WORKPLACES,
  LEARNING_KINDS,
  type LearningGoal,
  type Resume,
  type Draft,
  type Feedback,
  type Message,
  type MoodCheckIn,
  type Reflection,
  type Rejection,
  type Step,
  type Application,
  type Company,
  type Contact,
  type Interview,
  type Note,
} from '../domain/model.js';
import { CARD_STATES, type PracticeCard } from '../domain/practice.js';
import { RATERS, type PracticeAttemptRecord } from '../domain/practice-attempt.js';
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
    // Added after format 1 was first written: older files have neither.
    workplace: z.enum(WORKPLACES).nullable().default(null),
    resumeVersion: nullableText.default(null),
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
const rejectionSchema = z
  .object({
    id,
    applicationId: id,
    at: instant,
    stageReached: z.enum(STAGES),
    reasonGiven: nullableText,
    messageId: id.nullable(),
  })
  .strict();
const stepSchema = z
  .object({
    id,
    applicationId: id.nullable(),
    kind: z.enum(STEP_KINDS),
    key: z.string().min(1),
    due: instant,
    allDay: z.boolean(),
    state: z.enum(STEP_STATES),
    snoozedUntil: instant.nullable(),
    why: z.string(),
    rule: z.string(),
    needs: z.array(z.enum(STEP_NEEDS)),
    contactId: id.nullable(),
    subject: nullableText.default(null),
    createdAt: instant,
    updatedAt: instant,
    closedAt: instant.nullable(),
    closedBy: z.enum(['seeker', 'draft', 'playbook']).nullable(),
  })
  .strict();
const draftSchema = z
  .object({
    id,
    applicationId: id,
    stepId: id.nullable(),
    kind: z.enum(STEP_KINDS),
    to: nullableText,
    subject: z.string(),
    body: z.string(),
    variant: z.number().int(),
    toneWarnings: z.array(
      z.object({
        start: z.number(),
        end: z.number(),
        kind: z.string(),
        text: z.string(),
        suggestion: z.string(),
      }),
    ),
    inReplyTo: nullableText,
    references: z.array(z.string()),
    note: nullableText,
    createdAt: instant,
    updatedAt: instant,
    sentAt: instant.nullable(),
    sentVia: z.enum(SENT_VIA).nullable(),
    sentMessageId: nullableText,
  })
  .strict();
const checkInSchema = z
  .object({
    id,
    applicationId: id.nullable(),
    at: instant,
    mood: z.number().int().min(1).max(5),
    note: nullableText,
  })
  .strict();
const reflectionSchema = z
  .object({
    id,
    applicationId: id,
    answers: z.record(z.string(), z.string()),
    lessons: nullableText,
    at: instant,
  })
  .strict();
const feedbackSchema = z
  .object({
    id,
    applicationId: id,
    text: z.string(),
    fromContactId: id.nullable(),
    fromName: nullableText,
    themes: z.array(
      z
        .object({
          theme: z.enum(FEEDBACK_THEMES),
          polarity: z.enum(['positive', 'negative']),
          sentence: z.string(),
        })
        .strict(),
    ),
    receivedAt: instant,
  })
  .strict();
const resumeSchema = z
  .object({
    id,
    version: z.string().min(1).max(100),
    fileName: nullableText,
    text: z.string().min(1),
    createdAt: instant,
  })
  .strict();
const learningGoalSchema = z
  .object({
    id,
    skillId: z.string().min(1),
    skillLabel: z.string().min(1),
    kind: z.enum(LEARNING_KINDS),
    plan: nullableText,
    target: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    progress: z.number().int().min(0).max(100),
    createdAt: instant,
    updatedAt: instant,
    doneAt: instant.nullable(),
  })
  .strict();
const rating = z.literal([1, 2, 3, 4, 5]);
const score = z.number().int().min(1).max(5);
const practiceAttemptSchema = z
  .object({
    id,
    questionId: z.string().min(1).max(100),
    at: instant,
    rating,
    scores: z
      .object({
        structure: score.optional(),
        evidence: score.optional(),
        result: score.optional(),
        relevance: score.optional(),
        delivery: score.optional(),
      })
      .strict(),
    answer: nullableText,
    seconds: z.number().int().min(0).nullable(),
    ratedBy: z.enum(RATERS),
    raterName: nullableText,
    reason: nullableText,
  })
  .strict();
const practiceCardSchema = z
  .object({
    questionId: z.string().min(1).max(100),
    due: instant,
    stability: z.number(),
    difficulty: z.number(),
    elapsedDays: z.number(),
    scheduledDays: z.number(),
    learningSteps: z.number(),
    reps: z.number().int().min(0),
    lapses: z.number().int().min(0),
    state: z.enum(CARD_STATES),
    lastReview: instant.nullable(),
    lastRating: rating.nullable(),
    updatedAt: instant,
  })
  .strict();
const messageSchema = z
  .object({
    id,
    messageId: z.string().min(1),
    direction: z.enum(['in', 'out']),
    class: z.enum(EMAIL_CLASSES),
    confidence: z.number().min(0).max(1),
    subject: z.string(),
    from: nullableText,
    to: nullableText,
    company: nullableText,
    role: nullableText,
    person: nullableText,
    applicationId: id.nullable(),
    inReplyTo: nullableText,
    references: z.array(z.string()),
    text: z.string(),
    receivedAt: instant,
    source: nullableText.default(null),
    reviewState: z.enum(['none', 'pending', 'confirmed', 'dismissed']).default('none'),
    proposal: z
      .object({
        label: z.enum(EMAIL_CLASSES),
        applicationId: id.nullable(),
        newApplication: z.object({ company: z.string(), role: z.string() }).strict().nullable(),
      })
      .strict()
      .nullable()
      .default(null),
    interviewTime: instant.nullable().default(null),
    reasons: z.array(z.string()).default([]),
  })
  .strict();

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
  // Added with the playbook; older version-1 files lack them.
  messages: z.array(messageSchema).default([]),
  rejections: z.array(rejectionSchema).default([]),
  steps: z.array(stepSchema).default([]),
  drafts: z.array(draftSchema).default([]),
  checkIns: z.array(checkInSchema).default([]),
  reflections: z.array(reflectionSchema).default([]),
  feedback: z.array(feedbackSchema).default([]),
  // Added with insights.
  resumes: z.array(resumeSchema).default([]),
  learningGoals: z.array(learningGoalSchema).default([]),
  // Added with interview practice.
  practiceAttempts: z.array(practiceAttemptSchema).default([]),
  practiceCards: z.array(practiceCardSchema).default([]),
});

export type ExportDocument = z.infer<typeof exportSchema>;

/** Settings that are secrets (the mail password, the calendar link's token): left out unless asked for. */
export const SECRET_SETTINGS = ['smtpPassword', 'imapPassword', 'calendarToken'];

export interface ExportOptions {
  includeSecrets?: boolean;
}

export async function exportData(ctx: Context, options: ExportOptions = {}): Promise<ExportDocument> {
  const repos = reposOf(ctx);
  const [
    settings,
    companies,
    contacts,
    applications,
    applicationContacts,
    events,
    interviews,
    notes,
    messages,
    rejections,
    steps,
    drafts,
    checkIns,
    reflections,
    feedback,
    resumes,
    learningGoals,
    practiceAttempts,
    practiceCards,
  ] = await Promise.all([
    repos.settings.all(),
    repos.companies.list(),
    repos.contacts.list(),
    repos.applications.all(),
    repos.contacts.allLinks(),
    repos.events.all(),
    repos.interviews.all(),
    repos.notes.all(),
    repos.messages.all(),
    repos.rejections.all(),
    repos.steps.all(),
    repos.drafts.all(),
    repos.checkIns.all(),
    repos.reflections.all(),
    repos.feedback.all(),
    repos.resumes.all(),
    repos.learningGoals.all(),
    repos.practiceAttempts.all(),
    repos.practiceCards.all(),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) =>
    [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    user: { name: ctx.user.name, email: ctx.user.email, timeZone: ctx.user.timeZone },
    settings: Object.fromEntries(
      Object.entries(settings)
        .filter(([key]) => options.includeSecrets || !SECRET_SETTINGS.includes(key))
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    companies: byId(companies),
    contacts: byId(contacts),
    applications: byId(applications),
    applicationContacts,
    events: [...events].sort((a, b) =>
      a.applicationId === b.applicationId ? a.seq - b.seq : a.applicationId < b.applicationId ? -1 : 1,
    ),
    interviews: byId(interviews.map((i) => ({ ...i, interviewerIds: [...i.interviewerIds].sort() }))),
    notes: byId(notes),
    messages: byId(messages),
    rejections: byId(rejections),
    steps: byId(steps),
    drafts: byId(drafts),
    checkIns: byId(checkIns),
    reflections: byId(reflections),
    feedback: byId(feedback),
    resumes: byId(resumes),
    learningGoals: byId(learningGoals),
    practiceAttempts: byId(practiceAttempts),
    practiceCards: practiceCards.map((c) => ({ ...c.card, updatedAt: c.updatedAt })),
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
  const messages = has(doc.messages);
  const steps = has(doc.steps);
  for (const m of doc.messages)
    if (m.applicationId && !applications.has(m.applicationId))
      throw missing('application', m.applicationId, `message ${m.id}`);
  for (const r of doc.rejections) {
    if (!applications.has(r.applicationId))
      throw missing('application', r.applicationId, `rejection ${r.id}`);
    if (r.messageId && !messages.has(r.messageId)) throw missing('message', r.messageId, `rejection ${r.id}`);
  }
  for (const st of doc.steps) {
    if (st.applicationId && !applications.has(st.applicationId))
      throw missing('application', st.applicationId, `step ${st.id}`);
    if (st.contactId && !contacts.has(st.contactId)) throw missing('contact', st.contactId, `step ${st.id}`);
  }
  for (const d of doc.drafts) {
    if (!applications.has(d.applicationId)) throw missing('application', d.applicationId, `draft ${d.id}`);
    if (d.stepId && !steps.has(d.stepId)) throw missing('step', d.stepId, `draft ${d.id}`);
  }
  for (const c of doc.checkIns)
    if (c.applicationId && !applications.has(c.applicationId))
      throw missing('application', c.applicationId, `check-in ${c.id}`);
  for (const f of doc.feedback) {
    if (!applications.has(f.applicationId)) throw missing('application', f.applicationId, `feedback ${f.id}`);
    if (f.fromContactId && !contacts.has(f.fromContactId))
      throw missing('contact', f.fromContactId, `feedback ${f.id}`);
  }
  for (const r of doc.reflections)
    if (!applications.has(r.applicationId))
      throw missing('application', r.applicationId, `reflection ${r.id}`);
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
    ['messages', doc.messages],
    ['rejections', doc.rejections],
    ['steps', doc.steps],
    ['drafts', doc.drafts],
    ['mood_checkins', doc.checkIns],
    ['reflections', doc.reflections],
    ['feedback', doc.feedback],
    ['resumes', doc.resumes],
    ['learning_goals', doc.learningGoals],
    ['practice_attempts', doc.practiceAttempts],
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
  const summary = await inTransaction(ctx, async (repos) => {
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
    for (const m of doc.messages) {
      const sameHeader = await repos.messages.findByMessageId(m.messageId);
      if (sameHeader && sameHeader.id !== m.id) continue; // the same email, already imported here
      await repos.messages.save(m satisfies Message);
      count('messages', !sameHeader);
    }
    const knownRejections = new Set((await repos.rejections.all()).map((r) => r.id));
    for (const r of doc.rejections) {
      await repos.rejections.save(r satisfies Rejection);
      count('rejections', !knownRejections.has(r.id));
    }
    // Steps are matched by their playbook key: the same step made on two machines is one step.
    const storedSteps = new Map((await repos.steps.all()).map((st) => [st.key, st]));
    const stepIds = new Map<string, string>();
    for (const st of doc.steps) {
      const same = storedSteps.get(st.key);
      if (same && same.id !== st.id) {
        stepIds.set(st.id, same.id);
        continue;
      }
      stepIds.set(st.id, st.id);
      await repos.steps.save({ ...st, contactId: st.contactId && mapContact(st.contactId) } satisfies Step);
      count('steps', !same);
    }
    const knownDrafts = new Set((await repos.drafts.all()).map((d) => d.id));
    for (const d of doc.drafts) {
      await repos.drafts.save({
        ...d,
        stepId: d.stepId && (stepIds.get(d.stepId) ?? d.stepId),
      } satisfies Draft);
      count('drafts', !knownDrafts.has(d.id));
    }
    const knownCheckIns = new Set((await repos.checkIns.all()).map((c) => c.id));
    for (const c of doc.checkIns) {
      await repos.checkIns.save(c satisfies MoodCheckIn);
      count('checkIns', !knownCheckIns.has(c.id));
    }
    const knownFeedback = new Set((await repos.feedback.all()).map((f) => f.id));
    for (const f of doc.feedback) {
      await repos.feedback.save({
        ...f,
        fromContactId: f.fromContactId && mapContact(f.fromContactId),
      } satisfies Feedback);
      count('feedback', !knownFeedback.has(f.id));
    }
    for (const r of doc.resumes) {
      // One résumé per version name: a merge updates the stored one of that name.
      const same = await repos.resumes.byVersion(r.version);
      await repos.resumes.save({ ...r, id: same?.id ?? r.id } satisfies Resume);
      count('resumes', !same);
    }
    const knownGoals = new Set((await repos.learningGoals.all()).map((g) => g.id));
    for (const g of doc.learningGoals) {
      await repos.learningGoals.save(g satisfies LearningGoal);
      count('learningGoals', !knownGoals.has(g.id));
    }
    const knownAttempts = await repos.practiceAttempts.existing(doc.practiceAttempts.map((a) => a.id));
    for (const a of doc.practiceAttempts) {
      await repos.practiceAttempts.save(a satisfies PracticeAttemptRecord);
      count('practiceAttempts', !knownAttempts.has(a.id));
    }
    // One card per question: a merge keeps whichever was reviewed last.
    const storedCards = new Map((await repos.practiceCards.all()).map((c) => [c.card.questionId, c]));
    for (const { updatedAt, ...card } of doc.practiceCards) {
      const same = storedCards.get(card.questionId);
      if (same && same.updatedAt > updatedAt) continue;
      await repos.practiceCards.save(card satisfies PracticeCard, updatedAt);
      count('practiceCards', !same);
    }
    for (const r of doc.reflections) {
      const same = await repos.reflections.forApplication(r.applicationId);
      await repos.reflections.save({ ...r, id: same?.id ?? r.id } satisfies Reflection);
      count('reflections', !same);
    }
    // A merge can add history behind an application's back: the stage follows the history.
    if (!fresh) {
      for (const applicationId of touched) {
        const app = await repos.applications.get(applicationId);
        const stage = stageOf(await repos.events.forApplication(applicationId));
        if (app && stage && stage !== app.stage) await repos.applications.save({ ...app, stage });
      }
    }
    return { mode: fresh ? 'fresh' : 'merge', added, updated } satisfies ImportSummary;
  });
  // A fresh import takes the exported name and time zone: the context follows, so later dates are
  // read in the new zone by whoever holds it (the server keeps one context for its lifetime).
  if (summary.mode === 'fresh') {
    Object.assign(ctx.user, { name: doc.user.name, email: doc.user.email, timeZone: doc.user.timeZone });
  }
  return summary;
}
