/**
 * The playbook as use-cases: recording a rejection, keeping each application's steps in line with
 * its history (replan), closing and snoozing steps, the seeker's settings.
 */
import { planMove } from '../domain/events.js';
import { invalidInput, notFound, Problem } from '../domain/errors.js';
import type { Id, Instant, Message, Rejection, Step, StepKind } from '../domain/model.js';
import { STEP_KINDS } from '../domain/model.js';
import {
  effectiveDue,
  planApplication,
  planSearchSteps,
  reconcileSteps,
  weekStart,
  type GhostedFlag,
  type PlannedStep,
} from '../domain/playbook.js';
import {
  checkSetting,
  isSettingKey,
  readSettings,
  SETTING_KEYS,
  type PlaybookSettings,
} from '../domain/settings.js';
import { planInsightSteps } from '../domain/insight-steps.js';
import { startOfLocalDay } from '../domain/calendar.js';
import { stepTitle } from '../domain/step-titles.js';

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
import { parseEml } from '../mail/eml.js';
import { isStage, isOpenStage, type Stage } from '../domain/stages.js';
import { isValidTimeZone, parseUserTime } from '../domain/time.js';
import type { Repositories } from '../store/index.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { appendEvent, pastTime } from './history.js';
import { insightStepFacts } from './insights.js';
import { metPracticeThemes } from './practice-themes.js';
import { findOrCreateContact, resolveApplicationId, resolveId } from './lookups.js';

export async function loadSettings(repos: Repositories): Promise<PlaybookSettings> {
  return readSettings(await repos.settings.all());
}

/** The facts the playbook reads for one application. */
async function factsFor(repos: Repositories, applicationId: Id) {
  const application = await repos.applications.get(applicationId);
  if (!application) throw notFound('application', applicationId);
  const [events, interviews, contacts, rejections, steps, messages, feedback] = await Promise.all([
    repos.events.forApplication(applicationId),
    repos.interviews.forApplication(applicationId),
    repos.contacts.forApplication(applicationId),
    repos.rejections.forApplication(applicationId),
    repos.steps.forApplication(applicationId),
    repos.messages.forApplication(applicationId),
    repos.feedback.forApplication(applicationId),
  ]);
  return {
    application,
    events,
    interviews,
    contacts,
    rejection: rejections.at(-1) ?? null,
    steps,
    // The rejection email itself is not a reply to anything the seeker sent.
    replies: messages
      .filter((m) => m.direction === 'in' && !rejections.some((r) => r.messageId === m.id))
      .map((m) => ({ at: m.receivedAt, contactId: null })),
    feedbackAt: feedback.map((f) => f.receivedAt),
  };
}

function newStep(ctx: Context, p: PlannedStep): Step {
  const now = ctx.now();
  return {
    ...p,
    subject: p.subject ?? null,
    id: ctx.newId(),
    state: 'open',
    snoozedUntil: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
  };
}

async function applyPlan(repos: Repositories, ctx: Context, existing: Step[], planned: PlannedStep[]) {
  const r = reconcileSteps(existing, planned);
  const byId = new Map(existing.map((s) => [s.id, s]));
  const now = ctx.now();
  for (const p of r.create) await repos.steps.save(newStep(ctx, p));
  for (const u of r.update) {
    const s = byId.get(u.id);
    if (s) await repos.steps.save({ ...s, ...u, updatedAt: now });
  }
  for (const id of r.retire) {
    const s = byId.get(id);
    if (s)
      await repos.steps.save({ ...s, state: 'skipped', closedAt: now, closedBy: 'playbook', updatedAt: now });
  }
}

/**
 * Brings an application's stored steps in line with its history and the settings. Safe to run at
 * any time, as often as wanted: it never duplicates a step nor reopens one the seeker closed.
 */
export async function replanApplication(
  repos: Repositories,
  ctx: Context,
  applicationId: Id,
  settings?: PlaybookSettings,
): Promise<{ ghosted: GhostedFlag | null }> {
  const facts = await factsFor(repos, applicationId);
  const plan = planApplication(facts, settings ?? (await loadSettings(repos)), ctx.user.timeZone, ctx.now());
  await applyPlan(repos, ctx, facts.steps, plan.steps);
  return { ghosted: plan.ghosted };
}

/** Whether an application looks ghosted now, without writing anything. */
export async function ghostedFlagOf(
  repos: Repositories,
  ctx: Context,
  applicationId: Id,
  settings: PlaybookSettings,
): Promise<GhostedFlag | null> {
  const facts = await factsFor(repos, applicationId);
  return planApplication(facts, settings, ctx.user.timeZone, ctx.now()).ghosted;
}

/** Applications this week and active ones, for pipeline health and the apply_more step. */
export async function pipelineCounts(repos: Repositories, ctx: Context) {
  const apps = await repos.applications.list({});
  const zone = ctx.user.timeZone;
  const week = weekStart(ctx.now(), zone);
  const from = startOfLocalDay(week, zone);
  const to = startOfLocalDay(addDays(week, 7), zone);
  const active = apps.filter((a) => isOpenStage(a.stage) && a.stage !== 'saved');
  const appliedAt = await repos.events.firstAppliedAt();
  // Compare instants with the week's bounds: no zone conversion per application.
  const thisWeek = [...appliedAt.values()].filter((at) => at >= from && at < to).length;
  return { apps, active, appliedThisWeek: thisWeek };
}

/** The steps about the search as a whole (apply_more), in line with the pipeline. */
export async function replanSearch(repos: Repositories, ctx: Context, settings: PlaybookSettings) {
  const counts = await pipelineCounts(repos, ctx);
  const planned = planSearchSteps(
    { active: counts.active.length, appliedThisWeek: counts.appliedThisWeek },
    settings,
    ctx.user.timeZone,
    ctx.now(),
  );
  const existing = (await repos.steps.forSearch()).filter((s) => s.kind === 'apply_more');
  // Only this week's step is in play; earlier weeks' open ones are retired with it.
  await applyPlan(repos, ctx, existing, planned);
  return counts;
}

const INSIGHT_STEP_KINDS: readonly StepKind[] = ['practice', 'learn', 'refine_search'];

/**
 * The steps that come from the whole history (practice, learn, refine_search), in line with the
 * feedback, the skill gaps and the outcomes. Run when feedback is logged, a rejection recorded, a
 * résumé or a learning goal saved, and by Today (so a new week gets its practice step).
 */
export async function replanInsightSteps(
  repos: Repositories,
  ctx: Context,
  settings?: PlaybookSettings,
): Promise<void> {
  const facts = await insightStepFacts(repos, ctx.user.id, await metPracticeThemes(repos, ctx.now()));
  const planned = planInsightSteps(
    facts,
    settings ?? (await loadSettings(repos)),
    ctx.user.timeZone,
    ctx.now(),
  );
  const existing = (await repos.steps.forSearch()).filter((s) => INSIGHT_STEP_KINDS.includes(s.kind));
  // A learning goal set for a gap is what its step asked for: that step is done, not merely retired.
  const now = ctx.now();
  for (const [i, s] of existing.entries()) {
    const skill = s.key.startsWith('learn:skill:') ? s.key.slice('learn:skill:'.length) : null;
    if (!skill || !facts.skillsWithGoals.includes(skill) || (s.state !== 'open' && s.state !== 'snoozed'))
      continue;
    const done: Step = { ...s, state: 'done', closedAt: now, closedBy: 'seeker', updatedAt: now };
    await repos.steps.save(done);
    existing[i] = done;
  }
  await applyPlan(repos, ctx, existing, planned);
}

export const REJECTION_STAGES_REACHED = ['applied', 'screening', 'interviewing', 'final', 'offer'] as const;

export interface RejectionInput {
  at?: string | null;
  /** The furthest stage reached; by default the stage the application was at. */
  stageReached?: string | null;
  reason?: string | null;
  /** The rejection email itself (.eml bytes): kept with the application, and answered in its thread. */
  email?: Uint8Array | null;
}

export interface StepView {
  id: Id;
  kind: StepKind;
  /** The step in the seeker's words: "Reply to Acme and ask for feedback". */
  title: string;
  applicationId: Id | null;
  due: Instant;
  allDay: boolean;
  status: Step['state'];
  snoozedUntil: Instant | null;
  why: string;
  rule: string;
  needs: Step['needs'];
  contactId: Id | null;
  contactName: string | null;
  closedAt: Instant | null;
}

/** A step for display; `company` and `contactName` make its title specific. */
export const stepView = (
  s: Step,
  company: string | null = null,
  contactName: string | null = null,
): StepView => ({
  id: s.id,
  kind: s.kind,
  title: stepTitle(s.kind, company, contactName, s.subject),
  applicationId: s.applicationId,
  due: s.due,
  allDay: s.allDay,
  status: s.state,
  snoozedUntil: s.snoozedUntil,
  why: s.why,
  rule: s.rule,
  needs: s.needs,
  contactId: s.contactId,
  contactName,
  closedAt: s.closedAt,
});

/** Names of the people steps are about, by contact id. */
export async function contactNames(repos: Repositories): Promise<Map<Id, string>> {
  return new Map((await repos.contacts.list({})).map((c) => [c.id, c.name]));
}

export interface PlanView {
  applicationId: Id;
  company: string;
  role: string;
  stage: Stage;
  steps: StepView[];
  ghosted: GhostedFlag | null;
}

const byDue = (a: Step, b: Step): number => {
  const da = effectiveDue(a);
  const db = effectiveDue(b);
  return da === db ? a.key.localeCompare(b.key) : da < db ? -1 : 1;
};

async function planViewOf(repos: Repositories, ctx: Context, applicationId: Id, ghosted: GhostedFlag | null) {
  const app = await repos.applications.get(applicationId);
  if (!app) throw notFound('application', applicationId);
  const steps = (await repos.steps.forApplication(applicationId)).filter((s) => s.closedBy !== 'playbook');
  const people = new Map((await repos.contacts.forApplication(applicationId)).map((c) => [c.id, c.name]));
  return {
    applicationId,
    company: app.companyName,
    role: app.role,
    stage: app.stage,
    steps: steps
      .sort(byDue)
      .map((s) => stepView(s, app.companyName, s.contactId ? (people.get(s.contactId) ?? null) : null)),
    ghosted,
  } satisfies PlanView;
}

/** A message row with nothing in it, to build on. */
const emptyMessage = {
  source: null,
  reviewState: 'none',
  proposal: null,
  interviewTime: null,
  reasons: [],
} satisfies Partial<Message>;

/**
 * Moves an application to rejected (a history event) and stores the rejection. The caller owns
 * the transaction and replans afterwards. Throws invalid_move when the stage machine refuses.
 */
export async function applyRejection(
  repos: Repositories,
  ctx: Context,
  applicationId: Id,
  r: {
    at: Instant;
    reason: string | null;
    stageReached: Stage | null;
    messageId: Id | null;
    source: string | null;
  },
): Promise<Rejection> {
  const app = await repos.applications.get(applicationId);
  if (!app) throw notFound('application', applicationId);
  const history = await repos.events.forApplication(applicationId);
  const planned = planMove(history, 'rejected', r.at);
  if (!planned.ok) {
    throw new Problem(
      'invalid_move',
      `cannot record a rejection for ${app.companyName} · ${app.role}: ${planned.reason}`,
    );
  }
  // An interview logged counts as reaching the interviews, whatever stage the seeker had set.
  const interviewed = (await repos.interviews.forApplication(applicationId)).some((iv) => iv.at <= r.at);
  const before = planned.from === 'saved' ? 'applied' : planned.from;
  const reached =
    r.stageReached ?? (interviewed && ['applied', 'screening'].includes(before) ? 'interviewing' : before);
  await appendEvent(repos, ctx, {
    applicationId,
    kind: planned.eventKind,
    at: r.at,
    fromStage: planned.from,
    toStage: 'rejected',
    source: r.source,
    detail: r.reason,
  });
  await repos.applications.save({ ...app, stage: 'rejected', updatedAt: ctx.now() });
  const rejection: Rejection = {
    id: ctx.newId(),
    applicationId,
    at: r.at,
    stageReached: isStage(reached) ? reached : 'applied',
    reasonGiven: r.reason,
    messageId: r.messageId,
  };
  await repos.rejections.save(rejection);
  return rejection;
}

/**
 * Records a "no": moves the application to rejected (a history event), stores the rejection and
 * lays out the plan. All or nothing, in one transaction.
 */
export async function recordRejection(
  ctx: Context,
  idOrPrefix: string,
  input: RejectionInput,
): Promise<PlanView> {
  const at = pastTime(ctx, input.at ?? null, 'rejection time');
  if (input.stageReached && !(REJECTION_STAGES_REACHED as readonly string[]).includes(input.stageReached)) {
    throw invalidInput(
      `unknown stage reached "${input.stageReached}"; use one of: ${REJECTION_STAGES_REACHED.join(', ')}`,
    );
  }
  const email = input.email ? await parseEml(input.email) : null;
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > 20_000)
    throw invalidInput('the reason is too long (at most 20,000 characters)');
  return inTransaction(ctx, async (repos) => {
    const id = await resolveApplicationId(repos, idOrPrefix);
    const app = await repos.applications.get(id);
    if (!app) throw notFound('application', idOrPrefix);
    let messageId: Id | null = null;
    if (email) {
      const known = await repos.messages.findByMessageId(email.messageId);
      messageId = known?.id ?? ctx.newId();
      await repos.messages.save({
        ...(known ?? emptyMessage),
        id: messageId,
        messageId: email.messageId,
        direction: 'in',
        class: 'rejection',
        confidence: 1,
        subject: email.subject,
        from: email.from,
        to: email.to,
        company: app.companyName,
        role: app.role,
        person: email.fromName,
        applicationId: id,
        inReplyTo: email.inReplyTo,
        references: email.references,
        text: email.text,
        receivedAt: email.date && email.date <= ctx.now() ? email.date : at,
        reviewState: 'confirmed',
      });
    }
    // The person who wrote it becomes a contact, so the reply goes to them.
    const sender = email?.from?.match(/<([^>]+)>/)?.[1] ?? email?.from ?? null;
    if (email?.fromName && sender?.includes('@') && !/no-?reply|do-?not-?reply|mailer-daemon/i.test(sender)) {
      const contact = await findOrCreateContact(repos, ctx, {
        name: email.fromName,
        email: sender,
        role: 'recruiter',
        companyId: app.companyId,
      });
      await repos.contacts.linkToApplication(id, contact.id);
    }
    await applyRejection(repos, ctx, id, {
      at,
      reason,
      stageReached: (input.stageReached as Stage | undefined) ?? null,
      messageId,
      source: email ? `email ${email.messageId}` : null,
    });
    const { ghosted } = await replanApplication(repos, ctx, id);
    return planViewOf(repos, ctx, id, ghosted);
  });
}

/** The application's steps, brought up to date first. */
export async function getPlan(ctx: Context, idOrPrefix: string): Promise<PlanView> {
  return inTransaction(ctx, async (repos) => {
    const id = await resolveApplicationId(repos, idOrPrefix);
    const { ghosted } = await replanApplication(repos, ctx, id);
    return planViewOf(repos, ctx, id, ghosted);
  });
}

export function resolveStepId(repos: Repositories, idOrPrefix: string): Promise<Id> {
  return resolveId('step', idOrPrefix, {
    exists: async (id) => (await repos.steps.get(id)) !== undefined,
    startingWith: (prefix, limit) => repos.steps.idsStartingWith(prefix, limit),
  });
}

export type StepAction =
  { action: 'done' | 'skip' } | { action: 'snooze'; until: string } | { action: 'reopen' };

/**
 * The seeker closes, snoozes or reopens a step. Closing a step can change the plan (a sent
 * feedback request dates the nudge), so the application is replanned in the same transaction.
 */
export async function actOnStep(ctx: Context, idOrPrefix: string, act: StepAction): Promise<StepView> {
  let until: Instant | null = null;
  if (act.action === 'snooze') {
    if (!act.until) throw invalidInput('say until when, e.g. --until 2026-12-01');
    until = parseUserTime(act.until, ctx.user.timeZone, 'snooze time');
    if (until <= ctx.now()) throw invalidInput(`snooze until ${act.until} is not in the future`);
  }
  return inTransaction(ctx, async (repos) => {
    const id = await resolveStepId(repos, idOrPrefix);
    const step = await repos.steps.get(id);
    if (!step) throw notFound('step', idOrPrefix);
    const now = ctx.now();
    let next: Step;
    switch (act.action) {
      case 'done':
      case 'skip':
        if (step.state === 'done' || step.state === 'skipped') {
          throw new Problem('conflict', `this step is already ${step.state}; reopen it first to change that`);
        }
        next = {
          ...step,
          state: act.action === 'done' ? 'done' : 'skipped',
          closedAt: now,
          closedBy: 'seeker',
          updatedAt: now,
        };
        break;
      case 'snooze':
        if (step.state === 'done' || step.state === 'skipped') {
          throw new Problem('conflict', `this step is already ${step.state}; reopen it to snooze it`);
        }
        next = { ...step, state: 'snoozed', snoozedUntil: until, updatedAt: now };
        break;
      case 'reopen':
        next = { ...step, state: 'open', snoozedUntil: null, closedAt: null, closedBy: null, updatedAt: now };
        break;
    }
    await repos.steps.save(next);
    if (step.applicationId) await replanApplication(repos, ctx, step.applicationId);
    const app = step.applicationId ? await repos.applications.get(step.applicationId) : undefined;
    const person = step.contactId ? await repos.contacts.get(step.contactId) : undefined;
    return stepView((await repos.steps.get(id)) ?? next, app?.companyName ?? null, person?.name ?? null);
  });
}

/** Marks an application's open steps of a kind done: the seeker has just done the thing. */
export async function markStepsDone(
  repos: Repositories,
  ctx: Context,
  applicationId: Id,
  kind: StepKind,
): Promise<void> {
  const now = ctx.now();
  for (const s of await repos.steps.forApplication(applicationId)) {
    if (s.kind === kind && (s.state === 'open' || s.state === 'snoozed')) {
      await repos.steps.save({ ...s, state: 'done', closedAt: now, closedBy: 'seeker', updatedAt: now });
    }
  }
}

export function isStepKind(kind: string): kind is StepKind {
  return (STEP_KINDS as readonly string[]).includes(kind);
}

export async function getSettings(ctx: Context): Promise<PlaybookSettings> {
  return loadSettings(reposOf(ctx));
}

/**
 * Changes settings and re-dates every open step: closed steps stay as the seeker left them.
 * Unknown keys and bad values are refused before anything is written.
 */
export async function updateSettings(
  ctx: Context,
  changes: Record<string, unknown>,
): Promise<PlaybookSettings> {
  const checked: [string, unknown][] = [];
  let timeZone: string | null = null;
  const profile: { name?: string | null; email?: string | null } = {};
  for (const [key, value] of Object.entries(changes)) {
    if (key === 'name' || key === 'email') {
      if (typeof value !== 'string' || value.length > 200 || (key === 'name' && !value.trim())) {
        throw invalidInput(
          `${key}: give ${key === 'name' ? 'your name as you sign emails' : 'your email address'}`,
        );
      }
      profile[key] = value.trim() || null;
      continue;
    }
    if (key === 'timeZone') {
      if (typeof value !== 'string' || !isValidTimeZone(value)) {
        throw invalidInput(
          `"${String(value)}" is not a time zone; use an IANA name such as Europe/London or America/New_York`,
        );
      }
      timeZone = value;
      continue;
    }
    if (!isSettingKey(key)) {
      throw invalidInput(
        `unknown setting "${key}"; the settings are: name, email, timeZone, ${SETTING_KEYS.join(', ')}`,
      );
    }
    checked.push([key, checkSetting(key, value)]);
  }
  return inTransaction(ctx, async (repos) => {
    if (timeZone || Object.keys(profile).length > 0) {
      // The context is shared by later requests (the server keeps one): it follows the change.
      if (timeZone) ctx.user.timeZone = timeZone;
      if (profile.name) ctx.user.name = profile.name;
      if (profile.email !== undefined) ctx.user.email = profile.email;
      await repos.users.update(ctx.user);
    }
    for (const [key, value] of checked) await repos.settings.set(key, value);
    if (
      checked.some(([k]) => k === 'cvRetentionMonths') &&
      !checked.some(([k]) => k === 'cvRetentionPreset')
    ) {
      await repos.settings.set('cvRetentionPreset', 'custom');
    }
    const settings = await loadSettings(repos);
    const apps = await repos.applications.list({});
    for (const app of apps) await replanApplication(repos, ctx, app.id, settings);
    return settings;
  });
}
