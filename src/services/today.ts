/**
 * Today: what is due or overdue across every application, ordered by urgency; the health of the
 * pipeline; what to look forward to; and after a recent "no", a kind word.
 */
import { endOfLocalDay, localDate } from '../domain/calendar.js';
import type { Id, Instant, Step } from '../domain/model.js';
import { effectiveDue, type GhostedFlag } from '../domain/playbook.js';
import {
  milestonesReached,
  nextMilestone,
  pipelineHealth,
  reframingLine,
  type Milestone,
  type NextMilestone,
  type PipelineHealth,
} from '../domain/progress.js';
import { inTransaction, type Context } from './context.js';
import {
  contactNames,
  ghostedFlagOf,
  loadSettings,
  replanInsightSteps,
  replanSearch,
  stepView,
  type StepView,
} from './playbook.js';

export interface TodayStep extends StepView {
  company: string | null;
  role: string | null;
  /** overdue: its day (or time) has passed; due: today. */
  urgency: 'overdue' | 'due';
}

export interface TodayView {
  now: Instant;
  timeZone: string;
  date: string;
  steps: TodayStep[];
  /** Open steps in the next seven days, for a look ahead. */
  upcoming: TodayStep[];
  pipeline: PipelineHealth;
  ghosted: (GhostedFlag & { applicationId: Id; company: string; role: string })[];
  nextMilestone: NextMilestone;
  recentMilestones: Milestone[];
  /** One short line after a rejection in the last seven days; null otherwise. */
  reframe: string | null;
}

/** Which steps come first among those due on the same footing. */
const PRIORITY: Record<string, number> = {
  interview_thanks: 0,
  rejection_reply: 1,
  mood_checkin: 2,
  follow_up: 3,
  offer_feedback: 4,
  feedback_nudge: 5,
  reflect: 6,
  connect: 7,
  polish_resume: 8,
  stay_in_touch: 9,
  apply_more: 10,
};

const DAY_MS = 86_400_000;

export async function today(ctx: Context): Promise<TodayView> {
  const now = ctx.now();
  const zone = ctx.user.timeZone;
  const todayDate = localDate(now, zone);
  const endOfToday = endOfLocalDay(now, zone);
  const weekAhead = endOfLocalDay(new Date(Date.parse(now) + 7 * DAY_MS).toISOString(), zone);

  return inTransaction(ctx, async (repos) => {
    const settings = await loadSettings(repos);
    const counts = await replanSearch(repos, ctx, settings);
    await replanInsightSteps(repos, ctx, settings);
    const appsById = new Map(counts.apps.map((a) => [a.id, a]));

    const urgencyOf = (s: Step): 'overdue' | 'due' | 'later' => {
      const due = effectiveDue(s);
      if (due > endOfToday) return 'later';
      if (s.state === 'snoozed') return 'due';
      if (s.allDay) return localDate(due, zone) < todayDate ? 'overdue' : 'due';
      return due < now ? 'overdue' : 'due';
    };
    const people = await contactNames(repos);
    const view = (s: Step, urgency: 'overdue' | 'due'): TodayStep => {
      const app = s.applicationId ? appsById.get(s.applicationId) : undefined;
      const person = s.contactId ? (people.get(s.contactId) ?? null) : null;
      return {
        ...stepView(s, app?.companyName ?? null, person),
        company: app?.companyName ?? null,
        role: app?.role ?? null,
        urgency,
      };
    };

    const open = await repos.steps.list({ states: ['open', 'snoozed'], dueBy: weekAhead });
    const steps: TodayStep[] = [];
    const upcoming: TodayStep[] = [];
    for (const s of open) {
      const u = urgencyOf(s);
      if (u === 'later') upcoming.push(view(s, 'due'));
      else steps.push(view(s, u));
    }
    steps.sort((a, b) => {
      if (a.urgency !== b.urgency) return a.urgency === 'overdue' ? -1 : 1;
      if (a.urgency === 'overdue') {
        const da = a.snoozedUntil ?? a.due;
        const db = b.snoozedUntil ?? b.due;
        if (da !== db) return da < db ? -1 : 1;
      }
      const pa = PRIORITY[a.kind] ?? 50;
      const pb = PRIORITY[b.kind] ?? 50;
      return pa - pb || (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id.localeCompare(b.id));
    });

    const ghosted: TodayView['ghosted'] = [];
    for (const app of counts.active) {
      if (!['screening', 'interviewing', 'final'].includes(app.stage)) continue;
      const flag = await ghostedFlagOf(repos, ctx, app.id, settings);
      if (flag) ghosted.push({ ...flag, applicationId: app.id, company: app.companyName, role: app.role });
    }

    const [events, interviews, rejections] = await Promise.all([
      repos.events.all(),
      repos.interviews.all(),
      repos.rejections.all(),
    ]);
    const reached = milestonesReached(events, interviews, now);
    const upcomingInterview = interviews
      .filter((iv) => iv.at > now && appsById.has(iv.applicationId))
      .sort((a, b) => (a.at < b.at ? -1 : 1))[0];
    const next = nextMilestone(
      reached,
      upcomingInterview
        ? {
            at: upcomingInterview.at,
            applicationId: upcomingInterview.applicationId,
            companyName: appsById.get(upcomingInterview.applicationId)!.companyName,
            role: appsById.get(upcomingInterview.applicationId)!.role,
          }
        : null,
      (await repos.events.firstAppliedAt()).size,
    );
    const recent = rejections
      .filter((r) => r.at <= now && Date.parse(now) - Date.parse(r.at) <= 7 * DAY_MS)
      .sort((a, b) => (a.at < b.at ? -1 : 1))
      .at(-1);
    const recentApp = recent ? appsById.get(recent.applicationId) : undefined;

    return {
      now,
      timeZone: zone,
      date: todayDate,
      steps,
      upcoming: upcoming.slice(0, 20),
      pipeline: pipelineHealth(
        counts.apps,
        counts.appliedThisWeek,
        settings.weeklyApplicationGoal,
        settings.activePipelineTarget,
      ),
      ghosted,
      nextMilestone: next,
      recentMilestones: reached.filter((m) => Date.parse(now) - Date.parse(m.at) <= 14 * DAY_MS),
      reframe:
        recent && recentApp
          ? reframingLine(
              recent.stageReached,
              recentApp.companyName,
              Number.parseInt(recent.id.slice(0, 4), 36),
            )
          : null,
    };
  });
}
