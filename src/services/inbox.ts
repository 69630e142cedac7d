/**
 * Inbox import: every email is read, classified offline, linked to its application (by thread,
 * company, sender's domain and role) and acted on — a sure rejection starts the playbook, an
 * invitation logs the interview, an acknowledgement or an offer moves the stage — or, when the
 * classifier is not sure, put on a review list for the seeker to confirm in one click.
 *
 * Idempotent by Message-ID: running it twice, or again after a crash, adds nothing twice. Each
 * message is written in its own transaction, so a bad email costs that email only.
 */
import { planMove, type ApplicationEvent } from '../domain/events.js';
import { invalidInput, notFound, Problem } from '../domain/errors.js';
import type { Contact, EmailClass, Id, Message, MessageProposal } from '../domain/model.js';
import { EMAIL_CLASSES } from '../domain/model.js';
import { isClosingStage, STAGES, type Stage } from '../domain/stages.js';
import { parseEml, type ParsedEmail } from '../mail/eml.js';
import { ImapError, syncImap, type ImapSettings, type SyncState } from '../mail/imap.js';
import { readUpload, type RawMessage } from '../mail/readers.js';
import type { ApplicationRow, Repositories } from '../store/index.js';
import { classifyEmail, type Classification } from '../text/classify.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { appendEvent } from './history.js';
import { findOrCreateCompany, findOrCreateContact } from './lookups.js';
import { applyRejection, replanApplication } from './playbook.js';

/** At or above this confidence an email acts on its own; below it waits for the seeker. */
export const SURE = 0.8;
const MAX_TEXT = 20_000;
const OTHER_TEXT = 1_000;

export interface ImportOptions {
  /** Called after each message, for a progress bar. */
  onProgress?: (done: number, source: string) => void;
  /** Classify and match, but write nothing. */
  dryRun?: boolean;
}

export interface ImportError {
  source: string;
  message: string;
}

export interface ImportSummary {
  seen: number;
  imported: number;
  duplicates: number;
  /** Emails that moved an application or logged an interview on their own. */
  applied: number;
  /** Emails waiting in the review list. */
  review: number;
  byClass: Record<EmailClass, number>;
  errors: ImportError[];
}

const companyWords = /\b(ltd|limited|inc|llc|plc|gmbh|ag|sa|bv|co|corp|corporation|company|group|the)\b/g;

/** "Acme Ltd." and "ACME" are the same company. */
export function companyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(companyWords, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const roleWords = (role: string): Set<string> =>
  new Set(
    role
      .toLowerCase()
      .split(/[^\p{L}\p{N}+#]+/u)
      .filter((w) => w.length > 1 && !['and', 'the', 'of', 'for', 'with', 'in'].includes(w)),
  );

function roleSimilarity(a: string, b: string): number {
  const x = roleWords(a);
  const y = roleWords(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.max(x.size, y.size);
}

const domainOf = (address: string | null): string | null => {
  const m = address?.match(/@([^\s>]+)>?\s*$/);
  return m ? m[1]!.toLowerCase() : null;
};

/** Mail hosts that say nothing about the employer. */
const SHARED_DOMAINS =
  /(^|\.)(gmail|googlemail|outlook|hotmail|live|yahoo|icloud|proton|protonmail|aol|gmx|myworkday|workday|greenhouse|lever|teamtailor|smartrecruiters|icims|taleo|successfactors|linkedin|indeed|glassdoor|ashbyhq|recruitee|workable|bamboohr|jobvite|personio)\./;

interface Match {
  application: ApplicationRow | null;
  how: string;
}

/** The application an email belongs to: its thread first, then company, sender domain and role. */
function matchApplication(
  email: ParsedEmail,
  c: Classification,
  thread: Message[],
  apps: ApplicationRow[],
  contacts: Contact[],
): Match {
  const inThread = thread.find((m) => m.applicationId);
  if (inThread) {
    const app = apps.find((a) => a.id === inThread.applicationId);
    if (app) return { application: app, how: 'same thread' };
  }
  let candidates: ApplicationRow[] = [];
  let how = '';
  if (c.company) {
    const key = companyKey(c.company);
    if (key) {
      candidates = apps.filter((a) => {
        const k = companyKey(a.companyName);
        return (
          k === key ||
          (k.length >= 4 && key.length >= 4 && (k.startsWith(`${key} `) || key.startsWith(`${k} `)))
        );
      });
      how = 'company name';
    }
  }
  if (candidates.length === 0) {
    const domain = domainOf(email.from);
    if (domain && !SHARED_DOMAINS.test(domain)) {
      const people = contacts.filter((p) => domainOf(p.email) === domain);
      const ids = new Set<Id>();
      for (const p of people) for (const a of apps) if (a.companyId === p.companyId) ids.add(a.id);
      const base = domain.split('.').slice(-2, -1)[0] ?? '';
      for (const a of apps)
        if (base.length >= 3 && companyKey(a.companyName).replace(/ /g, '').includes(base)) ids.add(a.id);
      candidates = apps.filter((a) => ids.has(a.id));
      how = "sender's domain";
    }
  }
  if (candidates.length === 0) return { application: null, how: 'no match' };
  if (candidates.length === 1) return { application: candidates[0]!, how };
  // Several at one company: the role decides; else the open one most recently touched.
  if (c.role) {
    const scored = candidates
      .map((a) => ({ a, s: roleSimilarity(a.role, c.role!) }))
      .sort((x, y) => y.s - x.s);
    if (scored[0]!.s >= 0.5 && (scored.length === 1 || scored[0]!.s > scored[1]!.s)) {
      return { application: scored[0]!.a, how: `${how} and role` };
    }
  }
  const open = candidates
    .filter((a) => !isClosingStage(a.stage))
    .sort((x, y) => (x.updatedAt < y.updatedAt ? 1 : -1));
  return open[0]
    ? { application: open[0], how: `${how}, most recent open` }
    : { application: null, how: 'ambiguous' };
}

const STAGE_FOR: Partial<Record<EmailClass, Stage>> = {
  application_received: 'applied',
  interview: 'interviewing',
  offer: 'offer',
};

/**
 * What a confirmed email does to its application. A move the stage machine refuses (the
 * application is already further on) is not an error: the email is kept on the timeline.
 */
/**
 * When a move an email tells of happened: the email's date, or — when the history already has a
 * later stage event (the application was added to Onward after the email was sent) — now, the
 * moment Onward learned of it; the event's detail keeps the email's own date.
 */
function moveTime(history: ApplicationEvent[], m: Message, now: string): { at: string; late: boolean } {
  const at = m.receivedAt <= now ? m.receivedAt : now;
  const last = history.filter((e) => e.toStage).at(-1);
  return last && last.at > at ? { at: now, late: true } : { at, late: false };
}

/** What a confirmed email does to its application; true when it changed something. */
async function actOn(
  repos: Repositories,
  ctx: Context,
  m: Message,
  label: EmailClass,
  applicationId: Id,
): Promise<boolean> {
  const app = await repos.applications.get(applicationId);
  if (!app) throw notFound('application', applicationId);
  const source = `email ${m.messageId}`;
  const history = await repos.events.forApplication(applicationId);
  const { at, late } = moveTime(history, m, ctx.now());
  const detail =
    [m.subject || null, late ? `email of ${m.receivedAt.slice(0, 10)}` : null].filter(Boolean).join(' · ') ||
    null;
  let changed = false;
  if (label === 'rejection') {
    if (app.stage !== 'rejected' && planMove(history, 'rejected', at).ok) {
      await applyRejection(repos, ctx, applicationId, {
        at,
        reason: null,
        stageReached: null,
        messageId: m.id,
        source,
      });
      changed = true;
    }
  } else {
    const stage = STAGE_FOR[label];
    if (stage && STAGES.indexOf(stage) > STAGES.indexOf(app.stage) && !isClosingStage(app.stage)) {
      const planned = planMove(history, stage, at);
      if (planned.ok) {
        await appendEvent(repos, ctx, {
          applicationId,
          kind: planned.eventKind,
          at,
          fromStage: planned.from,
          toStage: stage,
          source,
          detail,
        });
        await repos.applications.save({ ...app, stage, updatedAt: ctx.now() });
        changed = true;
      }
    }
    if (label === 'interview' && m.interviewTime) {
      const known = await repos.interviews.forApplication(applicationId);
      if (!known.some((iv) => iv.at === m.interviewTime)) {
        const person = m.person && m.from ? await personFor(repos, ctx, m, app.companyId) : null;
        await repos.interviews.save({
          id: ctx.newId(),
          applicationId,
          kind: 'other',
          at: m.interviewTime,
          interviewerIds: person ? [person] : [],
          notes: `From the email "${m.subject}"`,
          replyExpectedBy: null,
          selfRating: null,
          selfAssessment: null,
          createdAt: ctx.now(),
        });
        changed = true;
      }
    }
  }
  await replanApplication(repos, ctx, applicationId);
  return changed;
}

/** The sender as a contact of the company, when they are a person with an address. */
async function personFor(repos: Repositories, ctx: Context, m: Message, companyId: Id): Promise<Id | null> {
  const address = m.from?.match(/<([^>]+)>/)?.[1] ?? m.from;
  if (!m.person || !address || !address.includes('@') || /no-?reply|donotreply/i.test(address)) return null;
  const contact = await findOrCreateContact(repos, ctx, {
    name: m.person,
    email: address,
    role: 'recruiter',
    companyId,
  });
  return contact.id;
}

function emptyCounts(): Record<EmailClass, number> {
  return Object.fromEntries(EMAIL_CLASSES.map((c) => [c, 0])) as Record<EmailClass, number>;
}

/** Reads, classifies, links and acts on every message; see the module comment. */
export async function importInbox(
  ctx: Context,
  messages: AsyncIterable<RawMessage>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary = emptySummary();
  const state: ImportState = { apps: null, contacts: null, known: new Set() };
  let batch: RawMessage[] = [];
  let bytes = 0;
  for await (const raw of messages) {
    batch.push(raw);
    bytes += raw.bytes.byteLength;
    if (batch.length >= BATCH_MESSAGES || bytes >= BATCH_BYTES) {
      await importBatch(ctx, batch, summary, options, state);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) await importBatch(ctx, batch, summary, options, state);
  return summary;
}

interface ImportState {
  /** The applications and people, cached between messages and refreshed after one changes them. */
  apps: ApplicationRow[] | null;
  contacts: Contact[] | null;
  /** Message-IDs already stored (for the current batch, and those added since). */
  known: Set<string>;
}

export function emptySummary(): ImportSummary {
  return { seen: 0, imported: 0, duplicates: 0, applied: 0, review: 0, byClass: emptyCounts(), errors: [] };
}

type Outcome =
  | { kind: 'duplicate' }
  | { kind: 'classified'; label: EmailClass }
  | { kind: 'imported'; label: EmailClass; applied: boolean; review: boolean };

/**
 * One parsed message inside the caller's transaction: skip it if known, classify it (with its
 * thread), link it, store it, and act on it or queue it for review.
 */
async function importParsed(
  repos: Repositories,
  ctx: Context,
  raw: RawMessage,
  email: ParsedEmail,
  options: ImportOptions,
  state: ImportState,
): Promise<Outcome> {
  // Known ids were read for the whole batch; the unique index is the backstop for a parallel import.
  if (state.known.has(email.messageId)) return { kind: 'duplicate' };
  const threadIds = [...new Set([...email.references, ...(email.inReplyTo ? [email.inReplyTo] : [])])];
  const thread = threadIds.length > 0 ? await repos.messages.byMessageIds(threadIds) : [];
  const c = classifyEmail(
    {
      subject: email.subject,
      from: email.from,
      body: email.text,
      thread: thread.map((m) => ({ subject: m.subject, from: m.from, body: m.text })),
    },
    { now: ctx.now(), timeZone: ctx.user.timeZone },
  );
  if (options.dryRun) return { kind: 'classified', label: c.label };
  state.apps ??= await repos.applications.list({});
  state.contacts ??= await repos.contacts.list({});
  const match = matchApplication(email, c, thread, state.apps, state.contacts);
  const sure = c.confidence >= SURE;
  const jobRelated = c.label !== 'other';
  const acts = jobRelated && sure && match.application !== null;
  const needsReview = jobRelated && !acts;
  const proposal: MessageProposal | null = needsReview
    ? {
        label: c.label,
        applicationId: match.application?.id ?? null,
        newApplication:
          match.application || !c.company ? null : { company: c.company, role: c.role ?? 'Unknown role' },
      }
    : null;
  const receivedAt = email.date && email.date <= ctx.now() ? email.date : ctx.now();
  const message: Message = {
    id: ctx.newId(),
    messageId: email.messageId,
    direction: 'in',
    class: c.label,
    confidence: Math.round(c.confidence * 1000) / 1000,
    subject: email.subject.slice(0, 1000),
    from: email.from,
    to: email.to,
    company: c.company,
    role: c.role,
    person: c.person,
    applicationId: match.application?.id ?? null,
    inReplyTo: email.inReplyTo,
    references: email.references,
    // Mail that is not about the search keeps only an excerpt: less of the seeker's unrelated mail
    // stored, and much less to write.
    text: email.text.slice(0, jobRelated || match.application ? MAX_TEXT : OTHER_TEXT),
    receivedAt,
    source: raw.source,
    reviewState: needsReview ? 'pending' : acts ? 'confirmed' : 'none',
    proposal,
    interviewTime: c.interviewTime,
    reasons: c.reasons.slice(0, 8),
  };
  await repos.messages.save(message);
  state.known.add(message.messageId);
  let applied = false;
  if (acts) {
    applied = await actOn(repos, ctx, message, c.label, match.application!.id);
    state.apps = null;
    state.contacts = null;
  } else if (match.application) {
    // Any email from them counts as a reply (it clears the ghosting flag, drops a nudge).
    await replanApplication(repos, ctx, match.application.id);
  }
  return { kind: 'imported', label: c.label, applied, review: needsReview };
}

function count(summary: ImportSummary, outcome: Outcome): void {
  if (outcome.kind === 'duplicate') {
    summary.duplicates++;
    return;
  }
  summary.byClass[outcome.label]++;
  if (outcome.kind === 'imported') {
    summary.imported++;
    if (outcome.applied) summary.applied++;
    if (outcome.review) summary.review++;
  }
}

const errorText = (error: unknown): string =>
  error instanceof Problem ? error.message : ((error as Error)?.message ?? String(error));

/** Messages written per transaction: commits are what costs; a savepoint keeps each one separate. */
const BATCH_MESSAGES = 100;
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * Parses a batch (outside any transaction), then writes it in one transaction with a savepoint per
 * message: a message that fails is rolled back alone and reported; the rest are kept.
 */
async function importBatch(
  ctx: Context,
  batch: RawMessage[],
  summary: ImportSummary,
  options: ImportOptions,
  state: ImportState,
): Promise<void> {
  const parsed: { raw: RawMessage; email: ParsedEmail }[] = [];
  for (const raw of batch) {
    try {
      parsed.push({ raw, email: await parseEml(raw.bytes) });
    } catch (error) {
      summary.errors.push({ source: raw.source, message: errorText(error) });
    }
  }
  await inTransaction(ctx, async (tx) => {
    state.known = await tx.messages.knownMessageIds(parsed.map((p) => p.email.messageId));
    for (const { raw, email } of parsed) {
      try {
        count(summary, await tx.withinSavepoint(() => importParsed(tx, ctx, raw, email, options, state)));
      } catch (error) {
        state.apps = null;
        state.contacts = null;
        summary.errors.push({ source: raw.source, message: errorText(error) });
      }
    }
  });
  summary.seen += batch.length;
  options.onProgress?.(summary.seen, batch.at(-1)?.source ?? '');
}

/** An uploaded .eml or .mbox (already in memory, size-limited by the caller). */
export function importUpload(ctx: Context, body: Buffer, name: string, options: ImportOptions = {}) {
  return importInbox(ctx, readUpload(body, name), options);
}

export interface ReviewItem {
  id: Id;
  subject: string;
  from: string | null;
  receivedAt: string;
  label: EmailClass;
  confidence: number;
  reasons: string[];
  company: string | null;
  role: string | null;
  proposal: MessageProposal | null;
  /** The application proposed, for display. */
  application: { id: Id; company: string; role: string; stage: Stage } | null;
  excerpt: string;
}

export async function reviewList(ctx: Context): Promise<ReviewItem[]> {
  const repos = reposOf(ctx);
  const apps = new Map((await repos.applications.list({})).map((a) => [a.id, a]));
  return (await repos.messages.pendingReview()).map((m) => {
    const app = m.proposal?.applicationId ? apps.get(m.proposal.applicationId) : undefined;
    return {
      id: m.id,
      subject: m.subject,
      from: m.from,
      receivedAt: m.receivedAt,
      label: m.class,
      confidence: m.confidence,
      reasons: m.reasons,
      company: m.company,
      role: m.role,
      proposal: m.proposal,
      application: app ? { id: app.id, company: app.companyName, role: app.role, stage: app.stage } : null,
      excerpt: m.text.replace(/\s+/g, ' ').slice(0, 280),
    };
  });
}

export interface ReviewDecision {
  /** Confirm (optionally correcting the class or the application) or dismiss. */
  action: 'confirm' | 'dismiss';
  label?: EmailClass;
  applicationId?: Id | null;
  /** With no application: create this one. */
  newApplication?: { company: string; role: string } | null;
}

/** The seeker's one click on a review item. */
export async function decideReview(ctx: Context, messageId: Id, decision: ReviewDecision): Promise<Message> {
  if (decision.action !== 'confirm' && decision.action !== 'dismiss') {
    throw invalidInput('action: confirm or dismiss');
  }
  if (decision.label && !(EMAIL_CLASSES as readonly string[]).includes(decision.label)) {
    throw invalidInput(`unknown class "${decision.label}"; use one of: ${EMAIL_CLASSES.join(', ')}`);
  }
  return inTransaction(ctx, async (repos) => {
    const m = await repos.messages.get(messageId.trim().toLowerCase());
    if (!m) throw notFound('email', messageId);
    if (m.reviewState !== 'pending') throw new Problem('conflict', `this email was already ${m.reviewState}`);
    if (decision.action === 'dismiss') {
      const next: Message = { ...m, reviewState: 'dismissed' };
      await repos.messages.save(next);
      return next;
    }
    const label = decision.label ?? m.proposal?.label ?? m.class;
    // An explicit null means "none of these: a new application"; undefined keeps the proposal.
    let applicationId =
      decision.applicationId !== undefined ? decision.applicationId : (m.proposal?.applicationId ?? null);
    const wanted = decision.newApplication ?? (applicationId ? null : m.proposal?.newApplication);
    if (!applicationId && wanted && label !== 'other') {
      const company = await findOrCreateCompany(repos, ctx, wanted.company);
      const now = ctx.now();
      const at = m.receivedAt <= now ? m.receivedAt : now;
      const app = {
        id: ctx.newId(),
        companyId: company.id,
        role: wanted.role.trim() || 'Unknown role',
        url: null,
        source: null,
        location: null,
        jobDescription: null,
        fit: null,
        workplace: null,
        resumeVersion: null,
        stage: 'applied' as Stage,
        createdAt: now,
        updatedAt: now,
      };
      await repos.applications.save(app);
      await appendEvent(repos, ctx, {
        applicationId: app.id,
        kind: 'created',
        at,
        fromStage: null,
        toStage: 'applied',
        source: `email ${m.messageId}`,
        detail: null,
      });
      applicationId = app.id;
    }
    if (applicationId && !(await repos.applications.get(applicationId)))
      throw notFound('application', applicationId);
    const next: Message = { ...m, class: label, applicationId, reviewState: 'confirmed', confidence: 1 };
    await repos.messages.save(next);
    if (applicationId && label !== 'other') await actOn(repos, ctx, next, label, applicationId);
    return next;
  });
}

const IMAP_KEY = 'imap';
const IMAP_PASSWORD_KEY = 'imapPassword';
const IMAP_STATE_KEY = 'imapState';

export interface ImapView extends Omit<ImapSettings, 'password'> {
  hasPassword: boolean;
  lastSync: string | null;
}

export async function getImap(ctx: Context): Promise<ImapView | null> {
  const all = await reposOf(ctx).settings.all();
  const stored = all[IMAP_KEY] as (Omit<ImapSettings, 'password'> & { lastSync?: string }) | undefined;
  if (!stored) return null;
  return {
    ...stored,
    lastSync: stored.lastSync ?? null,
    hasPassword: typeof all[IMAP_PASSWORD_KEY] === 'string',
  };
}

/** Saves the mailbox to sync. The password is kept apart so exports leave it out. */
export async function setImap(ctx: Context, input: Record<string, unknown>): Promise<ImapView> {
  const host = typeof input.host === 'string' ? input.host.trim() : '';
  if (!host || /[\s/:]/.test(host))
    throw invalidInput('host: give the IMAP server name, e.g. imap.gmail.com');
  const port = Number(input.port ?? 993);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw invalidInput('port: a number from 1 to 65535, usually 993');
  const user = typeof input.user === 'string' ? input.user.trim() : '';
  if (!user) throw invalidInput('user: give the login, usually your email address');
  const folders = Array.isArray(input.folders)
    ? input.folders.filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => f.trim())
    : ['INBOX'];
  if (folders.length === 0) throw invalidInput('folders: give at least one folder, e.g. INBOX');
  const secure = input.secure === undefined ? port === 993 : input.secure === true;
  const password = typeof input.password === 'string' && input.password !== '' ? input.password : null;
  await inTransaction(ctx, async (repos) => {
    const before = (await repos.settings.all())[IMAP_KEY] as { host?: string; user?: string } | undefined;
    await repos.settings.set(IMAP_KEY, { host, port, secure, user, folders });
    if (password) await repos.settings.set(IMAP_PASSWORD_KEY, password);
    // Another mailbox starts from scratch.
    if (before && (before.host !== host || before.user !== user)) await repos.settings.delete(IMAP_STATE_KEY);
  });
  return (await getImap(ctx))!;
}

export interface SyncSummary extends ImportSummary {
  folders: string[];
}

/** Fetches new mail from the IMAP mailbox in the settings and imports it. */
export async function syncInbox(
  ctx: Context,
  options: ImportOptions & { timeoutMs?: number } = {},
): Promise<SyncSummary> {
  const repos = reposOf(ctx);
  const all = await repos.settings.all();
  const stored = all[IMAP_KEY] as Omit<ImapSettings, 'password'> | undefined;
  const password = all[IMAP_PASSWORD_KEY];
  if (!stored) throw invalidInput('no mailbox is set up; add one in Settings (or `onward imap set`)');
  if (typeof password !== 'string')
    throw invalidInput('the mailbox has no password yet; set one (an app password for Gmail/Outlook)');
  const settings: ImapSettings = { ...stored, password };
  const summary = emptySummary();
  const state: ImportState = { apps: null, contacts: null, known: new Set() };
  let result;
  try {
    result = await syncImap(
      settings,
      (all[IMAP_STATE_KEY] as SyncState | undefined) ?? {},
      // One message at a time: the sync saves its place after each, so a crash resumes cleanly.
      async (raw) => importBatch(ctx, [raw], summary, options, state),
      {
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        onState: async (progress) => {
          await reposOf(ctx).settings.set(IMAP_STATE_KEY, progress);
        },
      },
    );
  } catch (error) {
    if (error instanceof ImapError) throw new Problem('unavailable', error.message);
    throw error;
  }
  await repos.settings.set(IMAP_STATE_KEY, result.state);
  await repos.settings.set(IMAP_KEY, { ...stored, lastSync: ctx.now() });
  summary.errors.push(...result.errors);
  return { ...summary, folders: settings.folders };
}
