/**
 * The rejection playbook of DESIGN.md §2 as a pure function: from an application, its history,
 * its people, the seeker's settings and "now" to the steps it should have, each with a due time
 * computed on the seeker's business calendar.
 *
 * Every planned step has a stable `key`. The stored steps are reconciled with the plan by key
 * (`reconcileSteps`): a new key is created, an open step gets its due time and wording refreshed
 * (settings may have changed), a step the seeker closed is never touched, and an open step whose
 * reason has gone (a reply came, the application was reopened) is retired by the playbook.
 */
import {
  addBusinessDays,
  addCalendarDays,
  addMonths,
  isBusinessDay,
  localDate,
  nextBusinessDay,
  startOfLocalDay,
  type BusinessCalendar,
} from './calendar.js';
import { compareEvents, type ApplicationEvent } from './events.js';
import type {
  Application,
  Contact,
  Id,
  Instant,
  Interview,
  Rejection,
  Step,
  StepKind,
  StepNeed,
} from './model.js';
import { businessCalendar, type PlaybookSettings } from './settings.js';
import { isClosingStage, isOpenStage } from './stages.js';

export interface PlannedStep {
  key: string;
  kind: StepKind;
  applicationId: Id | null;
  due: Instant;
  allDay: boolean;
  why: string;
  rule: string;
  needs: StepNeed[];
  contactId: Id | null;
  /** For steps about the whole search: the skill or theme it is about (shown in its title). */
  subject?: string | null;
}

/** Something that came back from the company: an imported email, a call noted by the seeker. */
export interface InboundReply {
  at: Instant;
  contactId: Id | null;
}

export interface PlaybookFacts {
  application: Application;
  events: readonly ApplicationEvent[];
  interviews: readonly Interview[];
  /** The people linked to the application. */
  contacts: readonly Contact[];
  /** The latest recorded rejection of this application, if any. */
  rejection: Rejection | null;
  /** The steps already stored for this application, in every state. */
  steps: readonly Step[];
  replies: readonly InboundReply[];
  /** When feedback was recorded for this application. */
  feedbackAt: readonly Instant[];
}

export interface GhostedFlag {
  /** When the silence passed the limit. */
  since: Instant;
  /** A suggestion, never forced: the seeker decides. */
  suggestedStage: 'no_response';
  reason: string;
}

export interface ApplicationPlan {
  steps: PlannedStep[];
  ghosted: GhostedFlag | null;
}

const DAY_MS = 86_400_000;
const ms = (instant: Instant): number => Date.parse(instant);
const later = (a: Instant, b: Instant): boolean => ms(a) > ms(b);

/** The start of the first business day on or after the instant's local date. */
export function onBusinessDay(instant: Instant, cal: BusinessCalendar): Instant {
  const day = localDate(instant, cal.timeZone);
  return startOfLocalDay(isBusinessDay(day, cal) ? day : nextBusinessDay(day, cal), cal.timeZone);
}

/** The start of the local day `days` business days after the instant. */
function businessDaysAfter(instant: Instant, days: number, cal: BusinessCalendar): Instant {
  return startOfLocalDay(localDate(addBusinessDays(instant, days, cal), cal.timeZone), cal.timeZone);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

interface RuleContext {
  facts: PlaybookFacts;
  settings: PlaybookSettings;
  cal: BusinessCalendar;
  stepsByKey: ReadonlyMap<string, Step>;
}

const APPROACHABLE_ROLES = new Set(['interviewer', 'recruiter', 'hiring_manager', 'hr']);

/** Interviews worth thanking for: logged close to when they happened (not back-filled history). */
function isFreshInterview(iv: Interview): boolean {
  return ms(iv.createdAt) - ms(iv.at) < 7 * DAY_MS;
}

function latestInterview(interviews: readonly Interview[]): Interview | null {
  return (
    [...interviews]
      .sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1))
      .at(-1) ?? null
  );
}

/** Practice 1: thank the interviewer within 24 hours. */
function interviewThanks(r: RuleContext): PlannedStep[] {
  const { application } = r.facts;
  if (isClosingStage(application.stage)) return [];
  return r.facts.interviews.filter(isFreshInterview).map((iv) => ({
    key: `interview_thanks:${iv.id}`,
    kind: 'interview_thanks',
    applicationId: application.id,
    due: new Date(ms(iv.at) + r.settings.thanksWithinHours * 3_600_000).toISOString(),
    allDay: false,
    why: 'A short thank-you after an interview is remembered, and few candidates send one.',
    rule: `interview_thanks: within ${plural(r.settings.thanksWithinHours, 'hour')} of the interview`,
    needs: ['draft'],
    contactId: iv.interviewerIds[0] ?? null,
  }));
}

/** The follow-up for the latest interview, when nothing has happened since it. */
function followUpTiming(r: RuleContext): { interview: Interview; due: Instant; rule: string } | null {
  const { application, events, replies } = r.facts;
  if (!isOpenStage(application.stage) || application.stage === 'offer' || application.stage === 'saved') {
    return null;
  }
  const iv = latestInterview(r.facts.interviews);
  if (!iv) return null;
  const movedSince = events.some((e) => e.kind !== 'edited' && e.kind !== 'created' && later(e.at, iv.at));
  const heardSince = replies.some((reply) => later(reply.at, iv.at));
  if (movedSince || heardSince) return null;
  if (iv.replyExpectedBy && later(iv.replyExpectedBy, iv.at)) {
    const n = r.settings.followUpAfterPromiseBusinessDays;
    return {
      interview: iv,
      due: businessDaysAfter(iv.replyExpectedBy, n, r.cal),
      rule: `follow_up: ${plural(n, 'business day')} after the date they said they would reply by`,
    };
  }
  const n = r.settings.followUpBusinessDays;
  return {
    interview: iv,
    due: businessDaysAfter(iv.at, n, r.cal),
    rule: `follow_up: ${plural(n, 'business day')} after the interview, if nothing arrives`,
  };
}

/** Practice 2: silence after an interview is not an answer. */
function followUp(r: RuleContext): PlannedStep[] {
  const timing = followUpTiming(r);
  if (!timing) return [];
  return [
    {
      key: `follow_up:${timing.interview.id}`,
      kind: 'follow_up',
      applicationId: r.facts.application.id,
      due: timing.due,
      allDay: true,
      why: 'Silence after an interview is not an answer yet; one polite check on the timeline is welcome.',
      rule: timing.rule,
      needs: ['draft'],
      contactId: timing.interview.interviewerIds[0] ?? null,
    },
  ];
}

/** Practice 3: ghosting is common; after the follow-up window and 14 more days, suggest no response. */
export function ghostedFlag(r: RuleContext, now: Instant): GhostedFlag | null {
  const timing = followUpTiming(r);
  if (!timing) return null;
  const sent = r.stepsByKey.get(`follow_up:${timing.interview.id}`);
  const from = sent?.state === 'done' && sent.closedAt ? sent.closedAt : timing.due;
  const since = addCalendarDays(from, r.settings.ghostedAfterDays, r.cal.timeZone);
  if (later(since, now)) return null;
  return {
    since,
    suggestedStage: 'no_response',
    reason: `No reply ${plural(r.settings.ghostedAfterDays, 'day')} after the follow-up ${
      sent?.state === 'done' ? 'you sent' : 'was due'
    }. It happens to most seekers and says nothing about you; you can mark it "no response" and keep the door open.`,
  };
}

/** The rejection that the current stage rests on, if the application is rejected now. */
function currentRejection(facts: PlaybookFacts): Rejection | null {
  return facts.application.stage === 'rejected' ? facts.rejection : null;
}

function rejectionSteps(r: RuleContext): PlannedStep[] {
  const rejection = currentRejection(r.facts);
  if (!rejection) return [];
  const { settings: s, cal } = r;
  const appId = r.facts.application.id;
  const at = rejection.at;
  const contacts = r.facts.contacts.filter((c) => APPROACHABLE_ROLES.has(c.role));
  const mainContact =
    r.facts.interviews.length > 0
      ? (latestInterview(r.facts.interviews)?.interviewerIds[0] ?? contacts[0]?.id ?? null)
      : (contacts[0]?.id ?? null);
  const steps: PlannedStep[] = [];
  const base = { applicationId: appId };

  steps.push({
    ...base,
    key: `mood_checkin:${rejection.id}`,
    kind: 'mood_checkin',
    due: at,
    allDay: false,
    why: 'A rejection is a short-term disappointment, not a verdict on you; noticing how you feel helps it pass.',
    rule: 'mood_checkin: at once, when a rejection is recorded',
    needs: ['checkin'],
    contactId: null,
  });

  const replyKey = `rejection_reply:${rejection.id}`;
  const replyDue = businessDaysAfter(at, s.rejectionReplyBusinessDays, cal);
  steps.push({
    ...base,
    key: replyKey,
    kind: 'rejection_reply',
    due: replyDue,
    allDay: true,
    why: 'A gracious reply that asks for specific feedback is how a "no" becomes something you can use, and it keeps the door open.',
    rule: `rejection_reply: ${plural(s.rejectionReplyBusinessDays, 'business day')} after the rejection`,
    needs: ['draft'],
    contactId: mainContact,
  });

  // Practice 5: one nudge if the feedback request goes unanswered, counted from when it was sent.
  const reply = r.stepsByKey.get(replyKey);
  const feedbackSince = (from: Instant): boolean =>
    r.facts.feedbackAt.some((t) => !later(from, t)) || r.facts.replies.some((t) => !later(from, t.at));
  if (reply?.state !== 'skipped') {
    const sentAt = reply?.state === 'done' && reply.closedAt ? reply.closedAt : null;
    if (!feedbackSince(sentAt ?? at)) {
      steps.push({
        ...base,
        key: `feedback_nudge:${rejection.id}`,
        kind: 'feedback_nudge',
        due: businessDaysAfter(sentAt ?? replyDue, s.feedbackNudgeBusinessDays, cal),
        allDay: true,
        why: 'Busy people forget; one gentle nudge about your feedback request is fine, and then you let it go.',
        rule: `feedback_nudge: ${plural(s.feedbackNudgeBusinessDays, 'business day')} after the feedback request is sent${
          sentAt ? '' : ' (dated from when the reply is due until you send it)'
        }`,
        needs: ['draft'],
        contactId: mainContact,
      });
    }
  }

  steps.push({
    ...base,
    key: `reflect:${rejection.id}`,
    kind: 'reflect',
    due: onBusinessDay(addCalendarDays(at, s.reflectWithinDays, cal.timeZone), cal),
    allDay: true,
    why: 'A few honest answers while it is fresh show what to keep and what to change next time.',
    rule: `reflect: within ${plural(s.reflectWithinDays, 'day')} of the rejection`,
    needs: r.facts.interviews.length > 0 ? ['checklist', 'rating'] : ['checklist'],
    contactId: null,
  });

  steps.push({
    ...base,
    key: `polish_resume:${rejection.id}`,
    kind: 'polish_resume',
    due: onBusinessDay(addCalendarDays(at, s.polishResumeWithinDays, cal.timeZone), cal),
    allDay: true,
    why: 'Hold your CV and cover letter against this job description while it is in front of you, and ask a friend for a second pair of eyes.',
    rule: `polish_resume: within ${plural(s.polishResumeWithinDays, 'day')} of the rejection`,
    needs: r.facts.application.jobDescription ? ['job_description'] : [],
    contactId: null,
  });

  // Practice 12: keep connections open with the people who were positive to deal with. A person the
  // seeker rated an interview with as poor (1–2) is left out; everyone else they met is offered.
  const poorlyRated = new Set(
    r.facts.interviews
      .filter((iv) => iv.selfRating !== null && iv.selfRating <= 2)
      .flatMap((iv) => iv.interviewerIds),
  );
  const met = new Set(r.facts.interviews.flatMap((iv) => iv.interviewerIds));
  for (const c of contacts) {
    if (poorlyRated.has(c.id) || (!met.has(c.id) && c.role === 'interviewer')) continue;
    steps.push({
      ...base,
      key: `connect:${rejection.id}:${c.id}`,
      kind: 'connect',
      due: onBusinessDay(addCalendarDays(at, s.connectWithinDays, cal.timeZone), cal),
      allDay: true,
      why: `Never burn a bridge: connecting with ${c.name} keeps you in mind for the next opening.`,
      rule: `connect: within ${plural(s.connectWithinDays, 'day')} of the rejection, for each person you dealt with`,
      needs: ['draft', 'contact'],
      contactId: c.id,
    });
  }

  steps.push(...stayInTouch(r, rejection, mainContact));
  return steps;
}

/**
 * Practice 13: they keep a CV on file for a while (12 months by default; 6 in the UK guidance).
 * Notes at 3 and 6 months while they fall inside the window, and a last one a month before it ends;
 * a window too short for either (the Netherlands' 4 weeks) gets one note half way through.
 */
function stayInTouch(r: RuleContext, rejection: Rejection, contactId: Id | null): PlannedStep[] {
  const { settings: s, cal } = r;
  const zone = cal.timeZone;
  const at = rejection.at;
  const windowEnd = addMonths(at, s.cvRetentionMonths, zone);
  const minGap = 14 * DAY_MS;
  const lastAt =
    s.stayInTouchBeforeWindowEndMonths > 0
      ? addMonths(windowEnd, -s.stayInTouchBeforeWindowEndMonths, zone)
      : null;
  const hasLast = lastAt !== null && ms(lastAt) - ms(at) >= minGap;
  const limit = hasLast ? ms(lastAt) - minGap : ms(windowEnd) - minGap;
  const windowWords = `your CV-retention window of ${plural(s.cvRetentionMonths, 'month')}`;
  const step = (key: string, when: Instant, rule: string): PlannedStep => ({
    key: `stay_in_touch:${rejection.id}:${key}`,
    kind: 'stay_in_touch',
    applicationId: r.facts.application.id,
    due: onBusinessDay(when, cal),
    allDay: true,
    why: 'They often keep your CV on file; a short, friendly note while they still do keeps you in mind for the next role.',
    rule,
    needs: ['draft'],
    contactId,
  });
  const steps: PlannedStep[] = [];
  for (const m of s.stayInTouchMonths) {
    const when = addMonths(at, m, zone);
    if (ms(when) <= limit)
      steps.push(
        step(
          `m${m}`,
          when,
          `stay_in_touch: ${plural(m, 'month')} after the rejection, inside ${windowWords}`,
        ),
      );
  }
  if (hasLast) {
    steps.push(
      step(
        'last',
        lastAt,
        `stay_in_touch: ${plural(s.stayInTouchBeforeWindowEndMonths, 'month')} before ${windowWords} ends`,
      ),
    );
  }
  if (steps.length === 0 && ms(windowEnd) - ms(at) >= minGap) {
    const half = Math.floor((ms(windowEnd) - ms(at)) / DAY_MS / 2);
    steps.push(
      step('half', addCalendarDays(at, half, zone), `stay_in_touch: half way through ${windowWords}`),
    );
  }
  return steps;
}

/** Practice 17: even after an offer, ask what went well. */
function offerFeedback(r: RuleContext): PlannedStep[] {
  const { application, events } = r.facts;
  if (application.stage !== 'offer' && application.stage !== 'accepted') return [];
  const offer = [...events]
    .sort(compareEvents)
    .find((e) => e.toStage === 'offer' || e.toStage === 'accepted');
  if (!offer) return [];
  const n = r.settings.offerFeedbackBusinessDays;
  return [
    {
      key: `offer_feedback:${application.id}`,
      kind: 'offer_feedback',
      applicationId: application.id,
      due: businessDaysAfter(offer.at, n, r.cal),
      allDay: true,
      why: 'Knowing what made this one go well is worth as much as any criticism: ask while it is fresh.',
      rule: `offer_feedback: ${plural(n, 'business day')} after the offer`,
      needs: ['draft'],
      contactId: latestInterview(r.facts.interviews)?.interviewerIds[0] ?? null,
    },
  ];
}

const RULES = [interviewThanks, followUp, rejectionSteps, offerFeedback];

/** The steps an application should have now, and whether it looks ghosted. */
export function planApplication(
  facts: PlaybookFacts,
  settings: PlaybookSettings,
  timeZone: string,
  now: Instant,
): ApplicationPlan {
  const r: RuleContext = {
    facts,
    settings,
    cal: businessCalendar(settings, timeZone),
    stepsByKey: new Map(facts.steps.map((s) => [s.key, s])),
  };
  const steps = RULES.flatMap((rule) => rule(r)).sort((a, b) =>
    a.due === b.due ? a.key.localeCompare(b.key) : a.due < b.due ? -1 : 1,
  );
  return { steps, ghosted: ghostedFlag(r, now) };
}

export interface PipelineCounts {
  /** Applications at applied or beyond that are still open. */
  active: number;
  /** Applications sent this week (Monday to Sunday, local). */
  appliedThisWeek: number;
}

/** The Monday (local date) of the week an instant falls in. */
export function weekStart(instant: Instant, timeZone: string): string {
  // Count back to Monday on the calendar date itself: one zone conversion instead of four.
  const d = new Date(`${localDate(instant, timeZone)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1 - (d.getUTCDay() || 7));
  return d.toISOString().slice(0, 10);
}

/** Practice 15: keep the pipeline full. One step a week while it is below the goal or the target. */
export function planSearchSteps(
  counts: PipelineCounts,
  settings: PlaybookSettings,
  timeZone: string,
  now: Instant,
): PlannedStep[] {
  const shortOfGoal = Math.max(0, settings.weeklyApplicationGoal - counts.appliedThisWeek);
  const shortOfTarget = Math.max(0, settings.activePipelineTarget - counts.active);
  if (shortOfGoal === 0 && shortOfTarget === 0) return [];
  const week = weekStart(now, timeZone);
  const wanted = Math.max(
    shortOfGoal,
    Math.min(shortOfTarget, settings.weeklyApplicationGoal || shortOfTarget),
  );
  return [
    {
      key: `apply_more:${week}`,
      kind: 'apply_more',
      applicationId: null,
      due: onBusinessDay(
        startOfLocalDay(localDate(now, timeZone), timeZone),
        businessCalendar(settings, timeZone),
      ),
      allDay: true,
      why: "Don't put all your eggs in one basket: a full pipeline makes any single answer matter less.",
      rule: `apply_more: weekly while applications this week (${counts.appliedThisWeek}) are under the goal of ${settings.weeklyApplicationGoal} or active ones (${counts.active}) under the target of ${settings.activePipelineTarget}; about ${wanted} more would do it`,
      needs: [],
      contactId: null,
    },
  ];
}

export interface StepChange {
  id: Id;
  due: Instant;
  allDay: boolean;
  why: string;
  rule: string;
  needs: StepNeed[];
  contactId: Id | null;
  subject: string | null;
}

export interface Reconciliation {
  create: PlannedStep[];
  update: StepChange[];
  /** Open or snoozed steps whose reason has gone. */
  retire: Id[];
}

const sameNeeds = (a: readonly StepNeed[], b: readonly StepNeed[]): boolean =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * Compares the stored steps of one scope (an application, or the search as a whole) with the plan.
 * Closed steps are the seeker's word and stay as they are; so does a snooze.
 */
export function reconcileSteps(existing: readonly Step[], planned: readonly PlannedStep[]): Reconciliation {
  const byKey = new Map(existing.map((s) => [s.key, s]));
  const plannedKeys = new Set(planned.map((p) => p.key));
  const out: Reconciliation = { create: [], update: [], retire: [] };
  for (const p of planned) {
    const s = byKey.get(p.key);
    if (!s) {
      out.create.push(p);
      continue;
    }
    if (s.state === 'done' || s.state === 'skipped') continue;
    if (
      s.due !== p.due ||
      s.allDay !== p.allDay ||
      s.why !== p.why ||
      s.rule !== p.rule ||
      s.contactId !== p.contactId ||
      s.subject !== (p.subject ?? null) ||
      !sameNeeds(s.needs, p.needs)
    ) {
      out.update.push({
        id: s.id,
        due: p.due,
        allDay: p.allDay,
        why: p.why,
        rule: p.rule,
        needs: p.needs,
        contactId: p.contactId,
        subject: p.subject ?? null,
      });
    }
  }
  for (const s of existing) {
    if ((s.state === 'open' || s.state === 'snoozed') && !plannedKeys.has(s.key)) out.retire.push(s.id);
  }
  return out;
}

/** When a step wants attention: its due time, or the end of its snooze. */
export function effectiveDue(step: Pick<Step, 'due' | 'state' | 'snoozedUntil'>): Instant {
  return step.state === 'snoozed' && step.snoozedUntil ? step.snoozedUntil : step.due;
}
