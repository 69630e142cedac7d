import { describe, expect, it } from 'vitest';
import type { ApplicationEvent } from './events.js';
import type { Application, Contact, Interview, Rejection, Step } from './model.js';
import {
  effectiveDue,
  planApplication,
  planSearchSteps,
  reconcileSteps,
  weekStart,
  type PlaybookFacts,
  type PlannedStep,
} from './playbook.js';
import { DEFAULT_SETTINGS, readSettings, type PlaybookSettings } from './settings.js';
import type { Stage } from './stages.js';

const FRIDAY = '2026-11-20T16:00:00.000Z';

function application(stage: Stage, extra: Partial<Application> = {}): Application {
  return {
    id: 'app1',
    companyId: 'co1',
    role: 'Data Analyst',
    url: null,
    source: null,
    location: null,
    workplace: null,
    resumeVersion: null,
    jobDescription: null,
    fit: null,
    stage,
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    ...extra,
  };
}

function event(seq: number, at: string, from: Stage | null, to: Stage): ApplicationEvent {
  return {
    id: `ev${seq}`,
    applicationId: 'app1',
    seq,
    kind: seq === 1 ? 'created' : 'stage_changed',
    at,
    fromStage: from,
    toStage: to,
    source: null,
    detail: null,
  };
}

const dana: Contact = {
  id: 'dana',
  name: 'Dana Lee',
  email: 'dana@acme.example',
  role: 'interviewer',
  companyId: 'co1',
  phone: null,
  linkedin: null,
  notes: null,
  createdAt: '2026-11-10T14:00:00.000Z',
};

function interview(at: string, extra: Partial<Interview> = {}): Interview {
  return {
    id: `iv-${at.slice(0, 10)}`,
    applicationId: 'app1',
    kind: 'video',
    at,
    interviewerIds: ['dana'],
    notes: null,
    replyExpectedBy: null,
    selfRating: null,
    selfAssessment: null,
    createdAt: at,
    ...extra,
  };
}

function rejection(at: string): Rejection {
  return {
    id: 'rej1',
    applicationId: 'app1',
    at,
    stageReached: 'interviewing',
    reasonGiven: null,
    messageId: null,
  };
}

function rejectedFacts(at = FRIDAY, extra: Partial<PlaybookFacts> = {}): PlaybookFacts {
  return {
    application: application('rejected'),
    events: [
      event(1, '2026-11-02T09:00:00.000Z', null, 'applied'),
      event(2, '2026-11-05T09:00:00.000Z', 'applied', 'interviewing'),
      event(3, at, 'interviewing', 'rejected'),
    ],
    interviews: [interview('2026-11-10T14:00:00.000Z')],
    contacts: [dana],
    rejection: rejection(at),
    steps: [],
    replies: [],
    feedbackAt: [],
    ...extra,
  };
}

const byKind = (steps: PlannedStep[], kind: string) => steps.filter((s) => s.kind === kind);
const dueOf = (steps: PlannedStep[], kind: string) => byKind(steps, kind).map((s) => s.due);

/** A stored step made from a planned one. */
function stored(p: PlannedStep, extra: Partial<Step> = {}): Step {
  return {
    ...p,
    subject: p.subject ?? null,
    id: `st-${p.key}`,
    state: 'open',
    snoozedUntil: null,
    createdAt: FRIDAY,
    updatedAt: FRIDAY,
    closedAt: null,
    closedBy: null,
    ...extra,
  };
}

describe('the rejection plan (DESIGN.md §2, default timings)', () => {
  const plan = planApplication(rejectedFacts(), DEFAULT_SETTINGS, 'UTC', FRIDAY).steps;

  it('asks for a gracious reply one business day later: Friday 16:00 → Monday 23 November', () => {
    expect(dueOf(plan, 'rejection_reply')).toEqual(['2026-11-23T00:00:00.000Z']);
    expect(byKind(plan, 'rejection_reply')[0]).toMatchObject({
      needs: ['draft'],
      contactId: 'dana',
      allDay: true,
      rule: 'rejection_reply: 1 business day after the rejection',
    });
  });

  it('checks in on how they feel at once, and asks for reflection within 3 days (on a business day)', () => {
    expect(dueOf(plan, 'mood_checkin')).toEqual([FRIDAY]);
    // Friday + 3 days = Monday.
    expect(dueOf(plan, 'reflect')).toEqual(['2026-11-23T00:00:00.000Z']);
    expect(byKind(plan, 'reflect')[0]!.needs).toEqual(['checklist', 'rating']);
  });

  it('dates the feedback nudge 7 business days after the reply, provisionally from its due day', () => {
    // Monday 23 + 7 business days = Wednesday 2 December.
    expect(dueOf(plan, 'feedback_nudge')).toEqual(['2026-12-02T00:00:00.000Z']);
  });

  it('re-dates the nudge from when the reply was actually sent', () => {
    const reply = byKind(plan, 'rejection_reply')[0]!;
    const sent = stored(reply, { state: 'done', closedAt: '2026-11-24T10:00:00.000Z', closedBy: 'draft' });
    const again = planApplication(rejectedFacts(FRIDAY, { steps: [sent] }), DEFAULT_SETTINGS, 'UTC', FRIDAY);
    // Tuesday 24 + 7 business days = Thursday 3 December.
    expect(dueOf(again.steps, 'feedback_nudge')).toEqual(['2026-12-03T00:00:00.000Z']);
  });

  it('drops the nudge when feedback or a reply has come, or the request was skipped', () => {
    const withFeedback = planApplication(
      rejectedFacts(FRIDAY, { feedbackAt: ['2026-11-25T09:00:00.000Z'] }),
      DEFAULT_SETTINGS,
      'UTC',
      FRIDAY,
    );
    expect(dueOf(withFeedback.steps, 'feedback_nudge')).toEqual([]);
    const withReply = planApplication(
      rejectedFacts(FRIDAY, { replies: [{ at: '2026-11-26T09:00:00.000Z', contactId: 'dana' }] }),
      DEFAULT_SETTINGS,
      'UTC',
      FRIDAY,
    );
    expect(dueOf(withReply.steps, 'feedback_nudge')).toEqual([]);
    const skipped = stored(byKind(plan, 'rejection_reply')[0]!, { state: 'skipped', closedAt: FRIDAY });
    const noRequest = planApplication(
      rejectedFacts(FRIDAY, { steps: [skipped] }),
      DEFAULT_SETTINGS,
      'UTC',
      FRIDAY,
    );
    expect(dueOf(noRequest.steps, 'feedback_nudge')).toEqual([]);
  });

  it('stays in touch at 3 and 6 months and a month before the 12-month window ends', () => {
    // 20 Feb 2027 is a Saturday: the note moves to Monday 22nd.
    expect(dueOf(plan, 'stay_in_touch')).toEqual([
      '2027-02-22T00:00:00.000Z',
      '2027-05-20T00:00:00.000Z',
      '2027-10-20T00:00:00.000Z',
    ]);
    expect(dueOf(plan, 'stay_in_touch').every((d) => d < '2027-11-20')).toBe(true);
  });

  it('with the UK preset (6 months) keeps the 3-month note and moves the last one before 20 May 2027', () => {
    const uk = readSettings({ cvRetentionPreset: 'uk' });
    expect(uk.cvRetentionMonths).toBe(6);
    const steps = planApplication(rejectedFacts(), uk, 'UTC', FRIDAY).steps;
    expect(dueOf(steps, 'stay_in_touch')).toEqual(['2027-02-22T00:00:00.000Z', '2027-04-20T00:00:00.000Z']);
    expect(dueOf(steps, 'stay_in_touch').every((d) => d < '2027-05-20')).toBe(true);
  });

  it('with the Netherlands preset (4 weeks) leaves one note half way through the window', () => {
    const steps = planApplication(
      rejectedFacts(),
      readSettings({ cvRetentionPreset: 'nl' }),
      'UTC',
      FRIDAY,
    ).steps;
    // Half of 31 days = 15 days: Saturday 5 December → Monday 7 December.
    expect(dueOf(steps, 'stay_in_touch')).toEqual(['2026-12-07T00:00:00.000Z']);
  });

  it('France keeps CVs two years: notes at 3 and 6 months and one in October 2028', () => {
    const steps = planApplication(
      rejectedFacts(),
      readSettings({ cvRetentionPreset: 'fr' }),
      'UTC',
      FRIDAY,
    ).steps;
    expect(dueOf(steps, 'stay_in_touch')).toEqual([
      '2027-02-22T00:00:00.000Z',
      '2027-05-20T00:00:00.000Z',
      '2028-10-20T00:00:00.000Z',
    ]);
  });

  it('offers to connect with the interviewer, but not with someone from an interview rated poor', () => {
    expect(byKind(plan, 'connect').map((s) => s.contactId)).toEqual(['dana']);
    const poor = rejectedFacts(FRIDAY, {
      interviews: [interview('2026-11-10T14:00:00.000Z', { selfRating: 2 })],
    });
    expect(byKind(planApplication(poor, DEFAULT_SETTINGS, 'UTC', FRIDAY).steps, 'connect')).toEqual([]);
  });

  it('asks to polish the CV within 7 days, with the job description when there is one', () => {
    // Friday + 7 days = Friday 27 November.
    expect(dueOf(plan, 'polish_resume')).toEqual(['2026-11-27T00:00:00.000Z']);
    const withJd = rejectedFacts(FRIDAY, {
      application: application('rejected', { jobDescription: 'SQL, Excel' }),
    });
    expect(
      byKind(planApplication(withJd, DEFAULT_SETTINGS, 'UTC', FRIDAY).steps, 'polish_resume')[0]!.needs,
    ).toEqual(['job_description']);
  });

  it('gives every step a sentence of why and the rule that made it', () => {
    for (const s of plan) {
      expect(s.why).toMatch(/^[A-Z].{20,}[.!]$/);
      expect(s.rule.startsWith(`${s.kind}:`)).toBe(true);
    }
    // Never blames the seeker.
    expect(plan.map((s) => s.why).join(' ')).not.toMatch(/your fault|you failed|you should have/i);
  });

  it('does not thank or follow up an interview once the application is rejected', () => {
    expect(byKind(plan, 'interview_thanks')).toEqual([]);
    expect(byKind(plan, 'follow_up')).toEqual([]);
  });
});

describe('business days, holidays and time zones', () => {
  it('skips a holiday: with 23 November off, the reply is due Tuesday 24th', () => {
    const s = readSettings({ holidays: ['2026-11-23'] });
    expect(dueOf(planApplication(rejectedFacts(), s, 'UTC', FRIDAY).steps, 'rejection_reply')).toEqual([
      '2026-11-24T00:00:00.000Z',
    ]);
  });

  it('counts in the seeker’s zone: 23:30 UTC Friday is Saturday in Tokyo, so the reply is due Monday there', () => {
    const at = '2026-11-20T23:30:00.000Z';
    const steps = planApplication(rejectedFacts(at), DEFAULT_SETTINGS, 'Asia/Tokyo', at).steps;
    // Monday 23 November 00:00 in Tokyo (UTC+9).
    expect(dueOf(steps, 'rejection_reply')).toEqual(['2026-11-22T15:00:00.000Z']);
  });

  it('keeps local midnight across a DST change (New York, clocks back on 1 November 2026)', () => {
    const at = '2026-10-30T18:00:00.000Z'; // Friday 14:00 EDT
    const steps = planApplication(rejectedFacts(at), DEFAULT_SETTINGS, 'America/New_York', at).steps;
    // Monday 2 November 00:00 EST = 05:00 UTC (it would be 04:00 before the change).
    expect(dueOf(steps, 'rejection_reply')).toEqual(['2026-11-02T05:00:00.000Z']);
  });

  it('honours a custom weekend (Friday and Saturday)', () => {
    const s = readSettings({ weekend: [5, 6] });
    const at = '2026-11-19T10:00:00.000Z'; // Thursday
    expect(dueOf(planApplication(rejectedFacts(at), s, 'Asia/Dubai', at).steps, 'rejection_reply')).toEqual([
      '2026-11-21T20:00:00.000Z', // Sunday 22 November 00:00 in Dubai (UTC+4)
    ]);
  });
});

describe('interviews: thanks, follow-up and ghosting', () => {
  const ivAt = '2026-11-10T14:00:00.000Z'; // Tuesday
  const open = (extra: Partial<PlaybookFacts> = {}): PlaybookFacts => ({
    application: application('interviewing'),
    events: [
      event(1, '2026-11-02T09:00:00.000Z', null, 'applied'),
      event(2, '2026-11-05T09:00:00.000Z', 'applied', 'interviewing'),
    ],
    interviews: [interview(ivAt)],
    contacts: [dana],
    rejection: null,
    steps: [],
    replies: [],
    feedbackAt: [],
    ...extra,
  });

  it('thanks within 24 hours and follows up 5 business days after the interview', () => {
    const steps = planApplication(open(), DEFAULT_SETTINGS, 'UTC', ivAt).steps;
    expect(dueOf(steps, 'interview_thanks')).toEqual(['2026-11-11T14:00:00.000Z']);
    expect(byKind(steps, 'interview_thanks')[0]!.allDay).toBe(false);
    expect(dueOf(steps, 'follow_up')).toEqual(['2026-11-17T00:00:00.000Z']);
  });

  it('waits for a promised date plus 2 business days', () => {
    const promised = open({ interviews: [interview(ivAt, { replyExpectedBy: '2026-11-20T00:00:00.000Z' })] });
    // Friday 20 + 2 business days = Tuesday 24.
    expect(dueOf(planApplication(promised, DEFAULT_SETTINGS, 'UTC', ivAt).steps, 'follow_up')).toEqual([
      '2026-11-24T00:00:00.000Z',
    ]);
  });

  it('does not thank for an interview logged long after it happened', () => {
    const old = open({ interviews: [interview(ivAt, { createdAt: '2026-11-23T09:00:00.000Z' })] });
    expect(byKind(planApplication(old, DEFAULT_SETTINGS, 'UTC', FRIDAY).steps, 'interview_thanks')).toEqual(
      [],
    );
  });

  it('follows up only the latest interview, and not after they replied or moved the application on', () => {
    const two = open({ interviews: [interview(ivAt), interview('2026-11-16T10:00:00.000Z')] });
    expect(
      byKind(planApplication(two, DEFAULT_SETTINGS, 'UTC', FRIDAY).steps, 'follow_up').map((s) => s.key),
    ).toEqual(['follow_up:iv-2026-11-16']);
    const replied = open({ replies: [{ at: '2026-11-12T09:00:00.000Z', contactId: 'dana' }] });
    expect(byKind(planApplication(replied, DEFAULT_SETTINGS, 'UTC', FRIDAY).steps, 'follow_up')).toEqual([]);
    const moved = open({
      application: application('final'),
      events: [...open().events, event(3, '2026-11-12T09:00:00.000Z', 'interviewing', 'final')],
    });
    expect(byKind(planApplication(moved, DEFAULT_SETTINGS, 'UTC', FRIDAY).steps, 'follow_up')).toEqual([]);
  });

  it('flags ghosting 14 days after the follow-up with no reply, suggests no_response, and clears on a reply', () => {
    // Follow-up due 17 Nov; ghosted from 1 Dec.
    expect(planApplication(open(), DEFAULT_SETTINGS, 'UTC', '2026-11-30T23:00:00.000Z').ghosted).toBeNull();
    const ghosted = planApplication(open(), DEFAULT_SETTINGS, 'UTC', '2026-12-01T09:00:00.000Z').ghosted;
    expect(ghosted).toMatchObject({ since: '2026-12-01T00:00:00.000Z', suggestedStage: 'no_response' });
    expect(ghosted!.reason).toMatch(/says nothing about you/);
    const replied = open({ replies: [{ at: '2026-12-02T09:00:00.000Z', contactId: 'dana' }] });
    expect(planApplication(replied, DEFAULT_SETTINGS, 'UTC', '2026-12-03T09:00:00.000Z').ghosted).toBeNull();
  });

  it('counts ghosting from when the follow-up was actually sent', () => {
    const plan = planApplication(open(), DEFAULT_SETTINGS, 'UTC', ivAt).steps;
    const sent = stored(byKind(plan, 'follow_up')[0]!, {
      state: 'done',
      closedAt: '2026-11-20T10:00:00.000Z',
    });
    const facts = open({ steps: [sent] });
    expect(planApplication(facts, DEFAULT_SETTINGS, 'UTC', '2026-12-03T09:00:00.000Z').ghosted).toBeNull();
    expect(planApplication(facts, DEFAULT_SETTINGS, 'UTC', '2026-12-04T10:00:00.000Z').ghosted?.since).toBe(
      '2026-12-04T10:00:00.000Z',
    );
  });

  it('asks what went well after an offer, one business day later', () => {
    const offer = open({
      application: application('offer'),
      events: [...open().events, event(3, FRIDAY, 'interviewing', 'offer')],
    });
    const steps = planApplication(offer, DEFAULT_SETTINGS, 'UTC', FRIDAY).steps;
    expect(dueOf(steps, 'offer_feedback')).toEqual(['2026-11-23T00:00:00.000Z']);
    expect(byKind(steps, 'follow_up')).toEqual([]);
  });
});

describe('reconciling the plan with what happened', () => {
  const plan = planApplication(rejectedFacts(), DEFAULT_SETTINGS, 'UTC', FRIDAY).steps;

  it('creates everything the first time, and nothing when run again', () => {
    const first = reconcileSteps([], plan);
    expect(first.create).toHaveLength(plan.length);
    const again = reconcileSteps(
      plan.map((p) => stored(p)),
      plan,
    );
    expect(again).toEqual({ create: [], update: [], retire: [] });
  });

  it('never brings back or changes a step the seeker closed', () => {
    const steps = plan.map((p) =>
      p.kind === 'reflect'
        ? stored(p, { state: 'skipped', closedAt: FRIDAY, closedBy: 'seeker', due: 'x' })
        : stored(p),
    );
    expect(reconcileSteps(steps, plan)).toEqual({ create: [], update: [], retire: [] });
  });

  it('re-dates open steps when the settings change, and leaves done ones alone', () => {
    const steps = plan.map((p) =>
      p.kind === 'mood_checkin'
        ? stored(p, { state: 'done', closedAt: FRIDAY, closedBy: 'seeker' })
        : stored(p),
    );
    const changed: PlaybookSettings = readSettings({
      rejectionReplyBusinessDays: 2,
      cvRetentionPreset: 'uk',
    });
    const next = planApplication(rejectedFacts(FRIDAY, { steps }), changed, 'UTC', FRIDAY).steps;
    const r = reconcileSteps(steps, next);
    expect(r.create).toEqual([]);
    const reply = r.update.find((u) => u.id === 'st-rejection_reply:rej1');
    expect(reply?.due).toBe('2026-11-24T00:00:00.000Z');
    // The 6-month note no longer fits the UK window: retired, not deleted.
    expect(r.retire).toEqual(['st-stay_in_touch:rej1:m6']);
    expect(r.update.some((u) => u.id === 'st-mood_checkin:rej1')).toBe(false);
  });

  it('keeps a snooze, and a snoozed step is due when the snooze ends', () => {
    const snoozed = stored(plan[0]!, { state: 'snoozed', snoozedUntil: '2026-11-30T09:00:00.000Z' });
    expect(reconcileSteps([snoozed], [plan[0]!])).toEqual({ create: [], update: [], retire: [] });
    expect(effectiveDue(snoozed)).toBe('2026-11-30T09:00:00.000Z');
    expect(effectiveDue(stored(plan[0]!))).toBe(plan[0]!.due);
  });

  it('retires the open rejection steps when the application is reopened', () => {
    const steps = plan.map((p) => stored(p));
    const reopened = rejectedFacts(FRIDAY, { application: application('interviewing'), steps });
    const next = planApplication(reopened, DEFAULT_SETTINGS, 'UTC', FRIDAY).steps;
    const r = reconcileSteps(steps, next);
    expect(r.retire.sort()).toEqual(steps.map((s) => s.id).sort());
  });
});

describe('keeping the pipeline full', () => {
  it('suggests applying more once a week while under the goal or the target', () => {
    const steps = planSearchSteps({ active: 3, appliedThisWeek: 1 }, DEFAULT_SETTINGS, 'UTC', FRIDAY);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: 'apply_more', key: 'apply_more:2026-11-16', applicationId: null });
    expect(steps[0]!.rule).toContain('applications this week (1) are under the goal of 5');
    expect(planSearchSteps({ active: 12, appliedThisWeek: 5 }, DEFAULT_SETTINGS, 'UTC', FRIDAY)).toEqual([]);
  });

  it('finds the Monday of the local week', () => {
    expect(weekStart('2026-11-22T23:30:00.000Z', 'UTC')).toBe('2026-11-16');
    expect(weekStart('2026-11-22T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-11-23');
  });
});

describe('settings', () => {
  it('refuses bad values with a message naming the setting', () => {
    expect(() => readSettings({ followUpBusinessDays: -1 })).not.toThrow();
    expect(readSettings({ followUpBusinessDays: -1 }).followUpBusinessDays).toBe(5);
  });
});
