/**
 * Insights as a use-case: gathers the history in a handful of queries (no per-application round
 * trips, so 5,000 applications stay quick) and hands it to the pure code in domain/insights.ts.
 */
import type { ApplicationEvent } from '../domain/events.js';
import {
  funnel,
  furthestStage,
  ghosting,
  goalStreak,
  insightMilestones,
  moodByWeek,
  refineSearch,
  responseTime,
  themeInsights,
  weeklyApplications,
  ladderRank,
  type FunnelRow,
  type Ghosting,
  type InsightApplication,
  type InsightFeedback,
  type MoodWeek,
  type Refinement,
  type ResponseTime,
  type ThemeInsight,
  type TypicalRate,
  type WeekCount,
} from '../domain/insights.js';
import type { InsightStepFacts } from '../domain/insight-steps.js';
import type { Id, Instant, Interview, MoodCheckIn } from '../domain/model.js';
import { milestonesReached, type Milestone } from '../domain/progress.js';
import { isClosingStage, type Stage } from '../domain/stages.js';
import type { ApplicationSummary, Repositories } from '../store/index.js';
import { reposOf, type Context } from './context.js';
import { loadSettings } from './playbook.js';
import { skillInsights, type SkillInsights } from './skills.js';

export interface InsightsReport {
  now: Instant;
  timeZone: string;
  totals: {
    applications: number;
    sent: number;
    open: number;
    rejected: number;
    feedback: number;
    /** Applications with an outcome (moved past applied, or closed without doing so). */
    outcomes: number;
  };
  /** A few plain sentences to open the page with. */
  headlines: string[];
  funnel: { rows: FunnelRow[]; typical: TypicalRate[] };
  weekly: WeekCount[];
  weeklyGoal: number;
  streak: number;
  responseTime: ResponseTime;
  ghosting: Ghosting;
  themes: ThemeInsight[];
  skills: SkillInsights;
  refinement: Refinement;
  milestones: Milestone[];
  mood: { weeks: MoodWeek[]; recent: MoodCheckIn[] };
}

const RESPONSE_STAGES: readonly Stage[] = [
  'screening',
  'interviewing',
  'final',
  'offer',
  'accepted',
  'rejected',
];

/** Per application: when it was sent, how far it got, the first answer, when it closed. */
function summarise(
  apps: { id: Id; stage: Stage }[],
  events: readonly ApplicationEvent[],
  firstInterview: Map<Id, Instant>,
  firstAnswer: Map<Id, Instant>,
  rejections: Map<Id, { at: Instant; stageReached: Stage }>,
) {
  const byApp = new Map<Id, ApplicationEvent[]>();
  for (const e of events) {
    const list = byApp.get(e.applicationId) ?? [];
    list.push(e);
    byApp.set(e.applicationId, list);
  }
  const min = (a: Instant | null, b: Instant | null | undefined): Instant | null =>
    !b ? a : !a || b < a ? b : a;
  const out = new Map<
    Id,
    Pick<InsightApplication, 'appliedAt' | 'reached' | 'firstResponseAt' | 'closedAt'>
  >();
  for (const app of apps) {
    const history = (byApp.get(app.id) ?? []).sort((a, b) =>
      a.at === b.at ? a.seq - b.seq : a.at < b.at ? -1 : 1,
    );
    let appliedAt: Instant | null = null;
    let response: Instant | null = null;
    let closedAt: Instant | null = null;
    const stages: Stage[] = [];
    for (const e of history) {
      const to = e.toStage;
      if (!to) continue;
      stages.push(to);
      if (e.fromStage) stages.push(e.fromStage);
      if (!appliedAt && (ladderRank(to) >= 1 || (e.kind === 'created' && isClosingStage(to))))
        appliedAt = e.at;
      if (RESPONSE_STAGES.includes(to) && e.kind !== 'created') response = min(response, e.at);
      if (isClosingStage(to)) closedAt = e.at;
      else closedAt = null;
    }
    const rejection = rejections.get(app.id);
    if (rejection) {
      stages.push(rejection.stageReached);
      response = min(response, rejection.at);
      appliedAt ??= rejection.at;
    }
    response = min(response, firstInterview.get(app.id));
    response = min(response, firstAnswer.get(app.id));
    if (!isClosingStage(app.stage)) closedAt = null;
    out.set(app.id, { appliedAt, reached: furthestStage(stages), firstResponseAt: response, closedAt });
  }
  return out;
}

interface Gathered {
  rows: ApplicationSummary[];
  apps: InsightApplication[];
  events: ApplicationEvent[];
  feedback: InsightFeedback[];
  interviews: Interview[];
}

async function gather(repos: Repositories): Promise<Gathered> {
  const [rows, events, interviews, rejections, feedback, answers] = await Promise.all([
    repos.applications.summaries(),
    repos.events.all(),
    repos.interviews.all(),
    repos.rejections.all(),
    repos.feedback.all(),
    repos.messages.firstAnswers(),
  ]);
  const firstInterview = new Map<Id, Instant>();
  for (const iv of interviews) {
    const seen = firstInterview.get(iv.applicationId);
    if (!seen || iv.at < seen) firstInterview.set(iv.applicationId, iv.at);
  }
  const rejectionByApp = new Map(rejections.map((r) => [r.applicationId, r]));
  const facts = summarise(rows, events, firstInterview, answers, rejectionByApp);
  const apps: InsightApplication[] = rows.map((a) => ({
    id: a.id,
    company: a.companyName,
    role: a.role,
    source: a.source,
    location: a.location,
    workplace: a.workplace,
    fit: a.fit,
    resumeVersion: a.resumeVersion,
    stage: a.stage,
    ...facts.get(a.id)!,
  }));
  return {
    rows,
    apps,
    events,
    feedback: feedback.map((f) => ({
      applicationId: f.applicationId,
      receivedAt: f.receivedAt,
      themes: f.themes,
    })),
    interviews,
  };
}

const percent = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function headlines(r: Omit<InsightsReport, 'headlines'>): string[] {
  const out: string[] = [];
  const sent = r.totals.sent;
  if (sent === 0)
    return ['Nothing sent yet. Once applications go out, this page shows how the search is going.'];
  const interview = r.funnel.rows.find((x) => x.step === 'interview')!;
  const typical = r.funnel.typical[0]!;
  if (interview.count > 0) {
    const compare =
      interview.fromApplied !== null && interview.fromApplied >= typical.low
        ? `in line with or above the usual ${percent(typical.low)}–${percent(typical.high)}`
        : `the usual range is ${percent(typical.low)}–${percent(typical.high)}, so every interview is worth a lot`;
    out.push(
      `${interview.count} of your ${sent} applications led to a screening call or an interview (${percent(interview.fromApplied)}): ${compare}.`,
    );
  } else {
    out.push(
      `${sent} application${sent === 1 ? '' : 's'} sent. Interviews come from roughly ${percent(typical.low)}–${percent(typical.high)} of applications, so volume and tailoring both count.`,
    );
  }
  const recurring = r.themes.filter((t) => t.recurring);
  if (recurring.length > 0) {
    const t = recurring[0]!;
    out.push(
      `Feedback from ${t.negativeApplications} applications points at ${t.label.toLowerCase()}: that is the one to practise first.`,
    );
  }
  const gap = r.skills.gaps.find((g) => g.applications >= 2);
  if (gap) out.push(`${gap.applications} job descriptions you were turned down for asked for ${gap.label}.`);
  if (r.refinement.outcomes < r.refinement.minimumOutcomes) {
    out.push(
      `Search patterns appear after ${r.refinement.minimumOutcomes} outcomes; you have ${r.refinement.outcomes} so far.`,
    );
  } else if (r.refinement.suggestions[0]) {
    out.push(r.refinement.suggestions[0].text);
  }
  if (r.streak >= 2) out.push(`${r.streak} weeks in a row at your weekly goal. That is steady work.`);
  return out;
}

export async function insights(ctx: Context): Promise<InsightsReport> {
  const repos = reposOf(ctx);
  const now = ctx.now();
  const zone = ctx.user.timeZone;
  const [settings, data, checkIns] = await Promise.all([
    loadSettings(repos),
    gather(repos),
    repos.checkIns.all(),
  ]);
  const { apps, events, feedback } = data;
  const companies = new Map(apps.map((a) => [a.id, a.company]));
  const weekly = weeklyApplications(apps, settings.weeklyApplicationGoal, now, zone);
  const streak = goalStreak(weekly);
  const skills = await skillInsights(repos, ctx.user.id, apps, data.rows);
  const milestones = [
    ...milestonesReached(events, data.interviews, now),
    ...insightMilestones(feedback, streak, weekly, now, zone),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind.localeCompare(b.kind)));
  const refinement = refineSearch(apps);
  const report: Omit<InsightsReport, 'headlines'> = {
    now,
    timeZone: zone,
    totals: {
      applications: apps.length,
      sent: apps.filter((a) => a.appliedAt).length,
      open: apps.filter((a) => !isClosingStage(a.stage) && a.stage !== 'accepted').length,
      rejected: apps.filter((a) => a.stage === 'rejected').length,
      feedback: feedback.length,
      outcomes: refinement.outcomes,
    },
    funnel: funnel(apps),
    weekly,
    weeklyGoal: settings.weeklyApplicationGoal,
    streak,
    responseTime: responseTime(apps),
    ghosting: ghosting(apps, now),
    themes: themeInsights(feedback, data.interviews, (id) => companies.get(id) ?? 'them'),
    skills,
    refinement,
    milestones,
    mood: {
      weeks: moodByWeek(checkIns, zone),
      recent: [...checkIns].sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, 20),
    },
  };
  return { ...report, headlines: headlines(report) };
}

/** What the search-wide playbook steps need: recurring themes, skill gaps, refinement suggestions. */
export async function insightStepFacts(
  repos: Repositories,
  userId: string,
  metThemes: InsightStepFacts['metThemes'] = [],
): Promise<InsightStepFacts> {
  const data = await gather(repos);
  const themes = themeInsights(data.feedback, data.interviews, () => '');
  const skills = await skillInsights(repos, userId, data.apps, data.rows);
  return {
    recurringThemes: themes
      .filter((t) => t.recurring && t.recurringSince)
      .map((t) => ({ theme: t.theme, since: t.recurringSince!, applications: t.negativeApplications })),
    metThemes,
    skillGaps: skills.gaps,
    // A finished goal counts too: the skill was worked on, even if the résumé does not show it yet.
    skillsWithGoals: skills.goals.map((g) => g.skillId),
    suggestions: refineSearch(data.apps).suggestions,
  };
}
