/**
 * Pipeline health, milestones and the few kind words shown after a "no" (practices 6, 15, 16).
 * Pure: everything is computed from the applications, their histories and "now".
 */
import type { ApplicationEvent } from './events.js';
import type { Application, Id, Instant, Interview } from './model.js';
import { isOpenStage, STAGE_LABELS, type Stage } from './stages.js';

export interface PipelineApplication extends Pick<Application, 'id' | 'role' | 'stage'> {
  companyName: string;
}

export interface PipelineHealth {
  active: number;
  activeTarget: number;
  appliedThisWeek: number;
  weeklyGoal: number;
  /** Applications at the final round or with an offer. */
  lateStage: PipelineApplication[];
  /** Set when every hope rests on one late-stage application. */
  concentration: string | null;
  summary: string;
}

const LATE: readonly Stage[] = ['final', 'offer'];

export function pipelineHealth(
  apps: readonly PipelineApplication[],
  appliedThisWeek: number,
  weeklyGoal: number,
  activeTarget: number,
): PipelineHealth {
  const active = apps.filter((a) => isOpenStage(a.stage) && a.stage !== 'saved');
  const late = active.filter((a) => LATE.includes(a.stage));
  const early = active.length - late.length;
  let concentration: string | null = null;
  if (late.length === 1 && early < 3) {
    const one = late[0]!;
    concentration = `Everything rests on ${one.companyName} (${STAGE_LABELS[one.stage].toLowerCase()}). Keep two or three other applications moving, so that one answer does not decide your week.`;
  }
  const parts = [
    `${active.length} active of a target of ${activeTarget}`,
    `${appliedThisWeek} sent this week of a goal of ${weeklyGoal}`,
  ];
  return {
    active: active.length,
    activeTarget,
    appliedThisWeek,
    weeklyGoal,
    lateStage: late,
    concentration,
    summary: parts.join('; '),
  };
}

export interface Milestone {
  kind: string;
  at: Instant;
  applicationId: Id | null;
  label: string;
}

const STAGE_MILESTONES: Partial<Record<Stage, string>> = {
  screening: 'First screening call',
  interviewing: 'First interview stage reached',
  final: 'First final round',
  offer: 'First offer',
  accepted: 'Accepted an offer',
};

const COUNT_MILESTONES = [1, 5, 10, 25, 50, 100];

/** Milestones already reached, oldest first: each stage reached the first time, application counts. */
export function milestonesReached(
  events: readonly ApplicationEvent[],
  interviews: readonly Interview[],
  now: Instant,
): Milestone[] {
  const out: Milestone[] = [];
  const sorted = [...events].sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at < b.at ? -1 : 1));
  const seenStage = new Set<Stage>();
  const applied: ApplicationEvent[] = [];
  const countedApps = new Set<Id>();
  for (const e of sorted) {
    if (e.at > now || !e.toStage) continue;
    if (
      (e.toStage === 'applied' || (e.kind === 'created' && e.toStage !== 'saved')) &&
      !countedApps.has(e.applicationId)
    ) {
      countedApps.add(e.applicationId);
      applied.push(e);
      if (COUNT_MILESTONES.includes(applied.length)) {
        out.push({
          kind: `applications_${applied.length}`,
          at: e.at,
          applicationId: e.applicationId,
          label: applied.length === 1 ? 'First application sent' : `${applied.length} applications sent`,
        });
      }
    }
    const label = STAGE_MILESTONES[e.toStage];
    if (label && !seenStage.has(e.toStage)) {
      seenStage.add(e.toStage);
      out.push({ kind: `first_${e.toStage}`, at: e.at, applicationId: e.applicationId, label });
    }
  }
  const firstInterview = [...interviews]
    .filter((iv) => iv.at <= now)
    .sort((a, b) => (a.at < b.at ? -1 : 1))[0];
  if (firstInterview) {
    out.push({
      kind: 'first_interview',
      at: firstInterview.at,
      applicationId: firstInterview.applicationId,
      label: 'First interview done',
    });
  }
  return out.sort((a, b) => (a.at === b.at ? a.kind.localeCompare(b.kind) : a.at < b.at ? -1 : 1));
}

export interface NextMilestone {
  label: string;
  detail: string;
  at: Instant | null;
  applicationId: Id | null;
}

/** What to look forward to: the next interview if one is booked, else the next step up the ladder. */
export function nextMilestone(
  reached: readonly Milestone[],
  upcomingInterview: { at: Instant; applicationId: Id; companyName: string; role: string } | null,
  applicationsSent: number,
): NextMilestone {
  if (upcomingInterview) {
    return {
      label: `Interview with ${upcomingInterview.companyName}`,
      detail: `${upcomingInterview.role}: prepare two or three specific examples and a couple of questions for them.`,
      at: upcomingInterview.at,
      applicationId: upcomingInterview.applicationId,
    };
  }
  const kinds = new Set(reached.map((m) => m.kind));
  if (!kinds.has('first_interview') && !kinds.has('first_interviewing')) {
    return {
      label: 'Your first interview',
      detail: 'Tailoring each application to the job description is what turns applications into interviews.',
      at: null,
      applicationId: null,
    };
  }
  const nextCount = COUNT_MILESTONES.find((n) => n > applicationsSent);
  if (nextCount) {
    return {
      label: `${nextCount} applications sent`,
      detail: `${nextCount - applicationsSent} to go. Every one is another chance.`,
      at: null,
      applicationId: null,
    };
  }
  return { label: 'Keep going', detail: 'You have already come a long way.', at: null, applicationId: null };
}

/**
 * One short line after a recent "no": it is not personal, and what was reached counts. Several
 * phrasings, chosen by a number the caller gives, so it does not read the same every day.
 */
export function reframingLine(stageReached: Stage, companyName: string, pick: number): string {
  const reachedInterview = ['interviewing', 'final', 'offer'].includes(stageReached);
  const lines = reachedInterview
    ? [
        `Reaching the interviews at ${companyName} means your application stood out from most of the others. That part worked.`,
        `Most applications never get an interview; yours at ${companyName} did. A "no" at this stage often comes down to one other candidate, not to you.`,
        `Being interviewed by ${companyName} was an achievement in itself. The decision was about one role on one day, not about your worth.`,
      ]
    : [
        `A "no" at the application stage is about one list of criteria on one day, not about you.`,
        `Employers often receive hundreds of applications for one opening; this answer says little about what you can do.`,
        `It is not personal. Each application you send teaches you something about the next one.`,
      ];
  return lines[((pick % lines.length) + lines.length) % lines.length]!;
}
