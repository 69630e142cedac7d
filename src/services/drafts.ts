/**
 * Drafts: emails written from the application's facts, checked for tone, editable, and sent over
 * SMTP or handed to the mail app. Sending closes the step the draft serves.
 */
import { DateTime } from 'luxon';
import { invalidInput, notFound, Problem } from '../domain/errors.js';
import type { Contact, Draft, Id, Interview, SentVia, Step, StepKind } from '../domain/model.js';
import { SENT_VIA } from '../domain/model.js';
import { MailError, parseMailbox, sendEmail, validateSmtpSettings, type SmtpSettings } from '../mail/smtp.js';
import type { Repositories } from '../store/index.js';
import { composeDraft, DRAFT_KINDS, isDraftKind, type DraftFacts, type DraftKind } from '../text/drafts.js';
import { checkTone } from '../text/tone.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { resolveApplicationId, resolveId } from './lookups.js';
import { replanApplication } from './playbook.js';

export { DRAFT_KINDS, type DraftKind };

export interface DraftView extends Draft {
  company: string;
  role: string;
  /** A mailto: link that opens the draft in the seeker's mail app. */
  mailto: string | null;
}

const SMTP_KEY = 'smtp';
const SMTP_PASSWORD_KEY = 'smtpPassword';

const formatDay = (instant: string, zone: string): string =>
  DateTime.fromISO(instant, { zone }).setLocale('en-GB').toFormat('cccc d LLLL');

/** "Dana Lee <dana@acme.example>", or the bare address, or null when there is none. */
export function addressOf(c: Contact | null | undefined): string | null {
  if (!c?.email) return null;
  const name = c.name.replace(/["\\<>]/g, '').trim();
  return name ? `${/[,;:@.]/.test(name) ? `"${name}"` : name} <${c.email}>` : c.email;
}

export function mailtoLink(d: Pick<Draft, 'to' | 'subject' | 'body'>): string | null {
  const to = d.to ? parseMailbox(d.to)?.address : null;
  if (!to) return null;
  const q = (v: string) => encodeURIComponent(v).replace(/%20/g, '%20');
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${q(d.subject)}&body=${q(d.body.replace(/\n/g, '\r\n'))}`;
}

function toneOf(body: string): Draft['toneWarnings'] {
  return checkTone(body).issues.map((i) => ({
    start: i.start,
    end: i.end,
    kind: i.kind,
    text: i.text,
    suggestion: i.suggestion,
  }));
}

/** Short phrases of what was discussed, from the interview's notes. */
function topicsFrom(iv: Interview | undefined): string[] {
  if (!iv?.notes) return [];
  return iv.notes
    .split(/[\n;•]+/)
    .map((t) =>
      t
        .replace(/^[-*\s]+/, '')
        .replace(/[.\s]+$/, '')
        .trim(),
    )
    .filter((t) => t.length >= 3 && t.length <= 90)
    .slice(0, 2);
}

const seekerName = (ctx: Context): string | null => {
  const name = ctx.user.name.trim();
  return name && name !== 'Me' ? name : null;
};

async function view(repos: Repositories, d: Draft): Promise<DraftView> {
  const app = await repos.applications.get(d.applicationId);
  return { ...d, company: app?.companyName ?? '', role: app?.role ?? '', mailto: mailtoLink(d) };
}

export interface NewDraftOptions {
  /** The step this draft is for; by default the application's earliest open step of that kind. */
  stepId?: Id | null;
}

/** Writes a new draft of a kind for an application, from what Onward knows about it. */
export async function createDraft(
  ctx: Context,
  idOrPrefix: string,
  kind: string,
  options: NewDraftOptions = {},
): Promise<DraftView> {
  if (!isDraftKind(kind)) {
    throw invalidInput(`no draft for "${kind}"; drafts exist for: ${DRAFT_KINDS.join(', ')}`);
  }
  return inTransaction(ctx, async (repos) => {
    const id = await resolveApplicationId(repos, idOrPrefix);
    const app = await repos.applications.get(id);
    if (!app) throw notFound('application', idOrPrefix);
    const [contacts, interviews, rejections, steps] = await Promise.all([
      repos.contacts.forApplication(id),
      repos.interviews.forApplication(id),
      repos.rejections.forApplication(id),
      repos.steps.forApplication(id),
    ]);
    let step: Step | undefined;
    if (options.stepId) {
      step = steps.find((s) => s.id === options.stepId);
      if (!step) throw notFound('step of this application', options.stepId);
    } else {
      step = steps.find((s) => s.kind === kind && (s.state === 'open' || s.state === 'snoozed'));
    }
    const byId = new Map(contacts.map((c) => [c.id, c]));
    const now = ctx.now();
    const past = interviews.filter((iv) => iv.at <= now);
    const interview = past.at(-1) ?? (kind === 'interview_thanks' ? interviews[0] : undefined);
    const recipient =
      (step?.contactId ? byId.get(step.contactId) : undefined) ??
      (interview?.interviewerIds[0] ? byId.get(interview.interviewerIds[0]) : undefined) ??
      contacts.find((c) => c.email && ['recruiter', 'hiring_manager', 'hr'].includes(c.role)) ??
      contacts.find((c) => c.email) ??
      contacts[0];
    const others = (interview?.interviewerIds ?? [])
      .map((cid) => byId.get(cid))
      .filter((c): c is Contact => c !== undefined && c.id !== recipient?.id);
    const rejection = rejections.at(-1);
    const answering = rejection?.messageId ? await repos.messages.get(rejection.messageId) : undefined;
    const zone = ctx.user.timeZone;
    const facts: DraftFacts = {
      kind,
      seeker: { name: seekerName(ctx) },
      company: app.companyName,
      role: app.role,
      recipient: recipient ? { name: recipient.name, email: recipient.email } : null,
      others: others.map((c) => ({ name: c.name, email: c.email })),
      interview: interview ? { when: formatDay(interview.at, zone), kind: interview.kind } : null,
      topics: topicsFrom(interview),
      promisedBy: interview?.replyExpectedBy ? formatDay(interview.replyExpectedBy, zone) : null,
      monthsSince: rejection
        ? Math.max(1, Math.round(DateTime.fromISO(now).diff(DateTime.fromISO(rejection.at), 'months').months))
        : null,
      news: null,
      decisionWhen: rejection ? formatDay(rejection.at, zone) : null,
      replyToSubject: kind === 'rejection_reply' && answering ? answering.subject : null,
    };
    const variant = await repos.drafts.countOfKind(kind);
    const composed = composeDraft(facts, variant);
    const to = addressOf(recipient);
    const note = to
      ? null
      : recipient
        ? `There is no email address for ${recipient.name} yet: add it to send from Onward, or copy the text.`
        : `There is no contact at ${app.companyName} yet: add one to send from Onward, or copy the text.`;
    const draft: Draft = {
      id: ctx.newId(),
      applicationId: id,
      stepId: step?.id ?? null,
      kind: kind as StepKind,
      to,
      subject: composed.subject,
      body: composed.body,
      variant: composed.variant,
      toneWarnings: toneOf(composed.body),
      inReplyTo: kind === 'rejection_reply' && answering ? answering.messageId : null,
      references:
        kind === 'rejection_reply' && answering ? [...answering.references, answering.messageId] : [],
      note,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
      sentVia: null,
      sentMessageId: null,
    };
    await repos.drafts.save(draft);
    return view(repos, draft);
  });
}

async function resolveDraft(repos: Repositories, idOrPrefix: string): Promise<Draft> {
  const id = await resolveId('draft', idOrPrefix, {
    exists: async (candidate) => (await repos.drafts.get(candidate)) !== undefined,
    startingWith: (prefix, limit) => repos.drafts.idsStartingWith(prefix, limit),
  });
  const draft = await repos.drafts.get(id);
  if (!draft) throw notFound('draft', idOrPrefix);
  return draft;
}

export async function getDraft(ctx: Context, idOrPrefix: string): Promise<DraftView> {
  const repos = reposOf(ctx);
  return view(repos, await resolveDraft(repos, idOrPrefix));
}

export async function listDrafts(ctx: Context, idOrPrefix: string): Promise<DraftView[]> {
  const repos = reposOf(ctx);
  const id = await resolveApplicationId(repos, idOrPrefix);
  return Promise.all((await repos.drafts.forApplication(id)).map((d) => view(repos, d)));
}

export interface DraftEdit {
  to?: string | null;
  subject?: string;
  body?: string;
}

/** The seeker's edits: checked for tone again. A sent draft is history and cannot change. */
export async function updateDraft(ctx: Context, idOrPrefix: string, edit: DraftEdit): Promise<DraftView> {
  if (edit.subject !== undefined && (typeof edit.subject !== 'string' || !edit.subject.trim())) {
    throw invalidInput('the subject cannot be empty');
  }
  if (edit.subject && /[\r\n]/.test(edit.subject)) throw invalidInput('the subject must be one line');
  if (edit.body !== undefined && (typeof edit.body !== 'string' || !edit.body.trim())) {
    throw invalidInput('the body cannot be empty');
  }
  if (edit.body && edit.body.length > 100_000)
    throw invalidInput('the body is too long (at most 100,000 characters)');
  if (edit.to && !parseMailbox(edit.to)) {
    throw invalidInput(
      `"${edit.to}" is not an email address; use name@example.org or "Name <name@example.org>"`,
    );
  }
  return inTransaction(ctx, async (repos) => {
    const draft = await resolveDraft(repos, idOrPrefix);
    if (draft.sentAt)
      throw new Problem('conflict', 'this draft was already sent; make a new one to write again');
    const subject = edit.subject?.trim() ?? draft.subject;
    const body = edit.body !== undefined ? edit.body.replace(/\r\n?/g, '\n') : draft.body;
    const to = edit.to === undefined ? draft.to : edit.to?.trim() || null;
    const next: Draft = {
      ...draft,
      to,
      subject,
      body,
      toneWarnings: toneOf(body),
      note: to ? null : draft.note,
      updatedAt: ctx.now(),
    };
    await repos.drafts.save(next);
    return view(repos, next);
  });
}

/** Checks a text the seeker is writing, without storing anything (for live checks while typing). */
export function checkDraftTone(text: string) {
  return checkTone(text);
}

export interface SmtpView extends Omit<SmtpSettings, 'password'> {
  hasPassword: boolean;
}

export async function getSmtp(ctx: Context): Promise<SmtpView | null> {
  const all = await reposOf(ctx).settings.all();
  const stored = all[SMTP_KEY] as Omit<SmtpSettings, 'password'> | undefined;
  if (!stored) return null;
  return { ...stored, hasPassword: typeof all[SMTP_PASSWORD_KEY] === 'string' };
}

/**
 * Saves the mail server. The password is kept apart from the other settings so that an export
 * leaves it out; giving no password keeps the one stored.
 */
export async function setSmtp(ctx: Context, input: Record<string, unknown>): Promise<SmtpView> {
  const password = typeof input.password === 'string' && input.password !== '' ? input.password : null;
  const settings = validateSmtpSettings({ ...input, password });
  const { password: _p, ...rest } = settings;
  await inTransaction(ctx, async (repos) => {
    await repos.settings.set(SMTP_KEY, rest);
    if (password) await repos.settings.set(SMTP_PASSWORD_KEY, password);
  });
  return (await getSmtp(ctx))!;
}

async function smtpSettings(repos: Repositories): Promise<SmtpSettings> {
  const all = await repos.settings.all();
  const stored = all[SMTP_KEY];
  if (!stored) {
    throw invalidInput(
      'no mail server is set up; add one in Settings (or `onward smtp set`), or copy the draft instead',
    );
  }
  const password = typeof all[SMTP_PASSWORD_KEY] === 'string' ? (all[SMTP_PASSWORD_KEY] as string) : null;
  return validateSmtpSettings({ ...(stored as object), password });
}

export interface SendOptions {
  /** smtp sends it; the others record that the seeker sent it themselves. */
  via?: SentVia;
  timeoutMs?: number;
}

/**
 * Sends a draft (or records that the seeker sent it another way). On success the draft is marked
 * sent, the step it serves is done, the email is kept for threading, and the plan follows (a sent
 * feedback request dates the nudge). A mail server that refuses leaves everything as it was.
 */
export async function sendDraft(
  ctx: Context,
  idOrPrefix: string,
  options: SendOptions = {},
): Promise<DraftView> {
  const via = options.via ?? 'smtp';
  if (!(SENT_VIA as readonly string[]).includes(via)) {
    throw invalidInput(`unknown way of sending "${via}"; use one of: ${SENT_VIA.join(', ')}`);
  }
  const repos = reposOf(ctx);
  const draft = await resolveDraft(repos, idOrPrefix);
  if (draft.sentAt)
    throw new Problem('conflict', `this draft was already sent on ${draft.sentAt.slice(0, 10)}`);
  let sentMessageId: string | null = null;
  let from: string | null = null;
  if (via === 'smtp') {
    if (!draft.to) {
      throw invalidInput('this draft has no address to send to; add one (--to) or copy the text instead');
    }
    const settings = await smtpSettings(repos);
    from = settings.from;
    try {
      const sent = await sendEmail(
        settings,
        {
          to: draft.to,
          subject: draft.subject,
          text: draft.body,
          inReplyTo: draft.inReplyTo,
          references: draft.references,
        },
        options.timeoutMs ? { timeoutMs: options.timeoutMs } : undefined,
      );
      sentMessageId = sent.messageId;
    } catch (error) {
      if (error instanceof MailError) {
        throw new Problem(
          error.code === 'invalid' ? 'invalid_input' : 'unavailable',
          `${error.message}; the draft is kept, unsent`,
        );
      }
      throw error;
    }
  }
  return inTransaction(ctx, async (repos) => {
    const current = await repos.drafts.get(draft.id);
    if (!current || current.sentAt) throw new Problem('conflict', 'this draft was sent meanwhile');
    const now = ctx.now();
    const sent: Draft = { ...current, sentAt: now, sentVia: via, sentMessageId, updatedAt: now };
    await repos.drafts.save(sent);
    if (sentMessageId) {
      await repos.messages.save({
        id: ctx.newId(),
        messageId: sentMessageId,
        direction: 'out',
        class: 'other',
        confidence: 1,
        subject: sent.subject,
        from,
        to: sent.to,
        company: null,
        role: null,
        person: null,
        applicationId: sent.applicationId,
        inReplyTo: sent.inReplyTo,
        references: sent.references,
        text: sent.body,
        receivedAt: now,
        source: 'sent from Onward',
        reviewState: 'none',
        proposal: null,
        interviewTime: null,
        reasons: [],
      });
    }
    if (sent.stepId) {
      const step = await repos.steps.get(sent.stepId);
      if (step && (step.state === 'open' || step.state === 'snoozed')) {
        await repos.steps.save({ ...step, state: 'done', closedAt: now, closedBy: 'draft', updatedAt: now });
      }
    }
    await replanApplication(repos, ctx, sent.applicationId);
    return view(repos, sent);
  });
}
