import { describe, expect, it } from 'vitest';
import {
  fisherExact,
  funnel,
  ghosting,
  goalStreak,
  refineSearch,
  responseTime,
  skillGaps,
  themeInsights,
  weeklyApplications,
  workplaceOf,
  type InsightApplication,
  type InsightFeedback,
} from './insights.js';
import { planInsightSteps } from './insight-steps.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { Stage } from './stages.js';

const NOW = '2026-11-23T12:00:00.000Z'; // a Monday

let n = 0;
function app(extra: Partial<InsightApplication> & { stage: Stage; reached?: Stage }): InsightApplication {
  n++;
  return {
    id: `a${n}`,
    company: `Company ${n}`,
    role: 'Data Analyst',
    source: null,
    location: null,
    workplace: null,
    fit: null,
    resumeVersion: null,
    appliedAt: '2026-10-01T09:00:00.000Z',
    firstResponseAt: null,
    closedAt: null,
    reached: extra.reached ?? (extra.stage === 'rejected' ? 'applied' : extra.stage),
    ...extra,
  };
}

describe('funnel', () => {
  it('counts each step from the furthest stage reached, with rates from the step before and from applied', () => {
    const apps = [
      app({ stage: 'saved', appliedAt: null, reached: 'saved' }),
      app({ stage: 'applied' }),
      app({ stage: 'applied' }),
      app({ stage: 'rejected', reached: 'applied', firstResponseAt: '2026-10-05T09:00:00.000Z' }),
      app({ stage: 'rejected', reached: 'interviewing', firstResponseAt: '2026-10-04T09:00:00.000Z' }),
      app({ stage: 'final', firstResponseAt: '2026-10-03T09:00:00.000Z' }),
      app({ stage: 'accepted', firstResponseAt: '2026-10-03T09:00:00.000Z' }),
    ];
    const f = funnel(apps);
    const counts = Object.fromEntries(f.rows.map((r) => [r.step, r.count]));
    expect(counts).toEqual({ applied: 6, response: 4, interview: 3, final: 2, offer: 1 });
    const interview = f.rows.find((r) => r.step === 'interview')!;
    expect(interview.fromPrevious).toBeCloseTo(3 / 4);
    expect(interview.fromApplied).toBeCloseTo(3 / 6);
    const toInterview = f.typical.find((t) => t.to === 'interview')!;
    expect(toInterview).toMatchObject({ low: 0.02, high: 0.08, basedOn: 6 });
    expect(toInterview.yours).toBeCloseTo(0.5);
    expect(toInterview.source).toMatch(/Jobvite/);
    const toOffer = f.typical.find((t) => t.to === 'offer')!;
    expect(toOffer.yours).toBeCloseTo(1 / 3);
  });

  it('has no rates without applications', () => {
    const f = funnel([]);
    expect(f.rows.every((r) => r.count === 0 && r.fromApplied === null)).toBe(true);
    expect(f.typical.every((t) => t.yours === null)).toBe(true);
  });
});

describe('pace, response time and silence', () => {
  it('counts applications per local week against the goal, oldest first', () => {
    const apps = [
      app({ stage: 'applied', appliedAt: '2026-11-23T08:00:00.000Z' }),
      app({ stage: 'applied', appliedAt: '2026-11-22T23:30:00.000Z' }), // Sunday in UTC
      app({ stage: 'applied', appliedAt: '2026-11-16T10:00:00.000Z' }),
      app({ stage: 'applied', appliedAt: '2026-11-24T10:00:00.000Z' }), // in the future: not counted
    ];
    const weeks = weeklyApplications(apps, 5, NOW, 'UTC', 3);
    expect(weeks).toEqual([
      { week: '2026-11-09', applied: 0, goal: 5 },
      { week: '2026-11-16', applied: 2, goal: 5 },
      { week: '2026-11-23', applied: 1, goal: 5 },
    ]);
    // In Tokyo, Sunday 23:30 UTC is already Monday morning.
    expect(weeklyApplications(apps, 5, NOW, 'Asia/Tokyo', 1)[0]!.applied).toBe(2);
  });

  it('a streak counts finished weeks at the goal; the running week only adds', () => {
    const w = (applied: number) => ({ week: 'x', applied, goal: 3 });
    expect(goalStreak([w(3), w(4), w(3), w(0)])).toBe(3);
    expect(goalStreak([w(3), w(1), w(3), w(5)])).toBe(2);
    expect(goalStreak([w(0), w(0)])).toBe(0);
    expect(goalStreak([{ week: 'x', applied: 0, goal: 0 }])).toBe(0);
  });

  it('time to first response is the median in days', () => {
    const at = (d: number) => new Date(Date.parse('2026-10-01T09:00:00.000Z') + d * 86_400_000).toISOString();
    const apps = [2, 4, 10].map((d) => app({ stage: 'screening', firstResponseAt: at(d) }));
    apps.push(app({ stage: 'applied' }));
    expect(responseTime(apps)).toEqual({ medianDays: 4, count: 3 });
  });

  it('silence counts only applications old enough, and notes silence after an interview', () => {
    const apps = [
      app({ stage: 'applied', appliedAt: '2026-10-01T09:00:00.000Z' }), // 53 days, silent
      app({ stage: 'applied', appliedAt: '2026-11-10T09:00:00.000Z' }), // too recent
      app({ stage: 'no_response', reached: 'interviewing', firstResponseAt: '2026-10-03T00:00:00.000Z' }),
      app({ stage: 'rejected', firstResponseAt: '2026-10-09T00:00:00.000Z' }),
    ];
    expect(ghosting(apps, NOW)).toEqual({ of: 3, silent: 1, rate: 1 / 3, afterInterview: 1 });
  });
});

describe('feedback themes across applications', () => {
  const fb = (
    applicationId: string,
    receivedAt: string,
    themes: InsightFeedback['themes'],
  ): InsightFeedback => ({
    applicationId,
    receivedAt,
    themes,
  });
  const neg = (theme: InsightFeedback['themes'][number]['theme'], sentence: string) => ({
    theme,
    polarity: 'negative' as const,
    sentence,
  });

  it('ranks by applications with negative mentions; recurring from two applications; self-ratings held against them', () => {
    const feedback = [
      fb('a', '2026-10-01T00:00:00.000Z', [
        neg('examples_evidence', 'More concrete examples would have helped.'),
      ]),
      fb('a', '2026-10-02T00:00:00.000Z', [neg('examples_evidence', 'Answers stayed general.')]),
      fb('b', '2026-10-10T00:00:00.000Z', [
        neg('examples_evidence', 'We wanted specific evidence.'),
        { theme: 'communication', polarity: 'positive', sentence: 'You explained things clearly.' },
      ]),
      fb('c', '2026-10-12T00:00:00.000Z', [neg('technical_skills', 'SQL was not deep enough.')]),
    ];
    const interviews = [
      { applicationId: 'a', at: '2026-09-30T00:00:00.000Z', selfRating: 4 },
      { applicationId: 'b', at: '2026-10-09T00:00:00.000Z', selfRating: 4 },
      { applicationId: 'c', at: '2026-10-11T00:00:00.000Z', selfRating: 2 },
    ];
    const themes = themeInsights(feedback, interviews, (id) => `Co ${id}`);
    expect(themes.map((t) => t.theme)).toEqual(['examples_evidence', 'technical_skills', 'communication']);
    const ex = themes[0]!;
    expect(ex).toMatchObject({
      negative: 3,
      negativeApplications: 2,
      recurring: true,
      recurringSince: '2026-10-10T00:00:00.000Z',
      selfRating: { average: 4, count: 2 },
    });
    expect(ex.comparison).toBe(
      'You rated those interviews 4/5; in two applications the feedback asked for more specific examples. The gap between how it felt and how it landed is worth a look.',
    );
    expect(ex.examples[0]).toEqual({
      applicationId: 'b',
      company: 'Co b',
      sentence: 'We wanted specific evidence.',
      at: '2026-10-10T00:00:00.000Z',
    });
    const tech = themes[1]!;
    expect(tech.recurring).toBe(false);
    expect(tech.comparison).toMatch(/^You rated those interviews 2\/5, and in one application/);
    const comm = themes[2]!;
    expect(comm).toMatchObject({ negative: 0, positive: 1, recurring: false, comparison: null });
    expect(comm.praise).toEqual([
      {
        applicationId: 'b',
        company: 'Co b',
        sentence: 'You explained things clearly.',
        at: '2026-10-10T00:00:00.000Z',
      },
    ]);
    expect(ex.praise).toEqual([]);
  });
});

describe('skill gaps', () => {
  it('sums missing skills over rejected applications only, most asked-for first', () => {
    const base = { company: 'X', role: 'R', required: [], matched: [], coverage: 0 };
    const gaps = skillGaps([
      {
        ...base,
        applicationId: '1',
        rejected: true,
        rejectedAt: '2026-10-01T00:00:00.000Z',
        missing: [
          { id: 'sql', label: 'SQL' },
          { id: 'tableau', label: 'Tableau' },
        ],
      },
      {
        ...base,
        applicationId: '2',
        rejected: true,
        rejectedAt: '2026-10-09T00:00:00.000Z',
        missing: [{ id: 'sql', label: 'SQL' }],
      },
      {
        ...base,
        applicationId: '3',
        rejected: false,
        rejectedAt: null,
        missing: [{ id: 'tableau', label: 'Tableau' }],
      },
    ]);
    expect(gaps).toEqual([
      {
        id: 'sql',
        label: 'SQL',
        applications: 2,
        applicationIds: ['1', '2'],
        lastRejectedAt: '2026-10-09T00:00:00.000Z',
      },
      {
        id: 'tableau',
        label: 'Tableau',
        applications: 1,
        applicationIds: ['1'],
        lastRejectedAt: '2026-10-01T00:00:00.000Z',
      },
    ]);
  });
});

describe('search refinement', () => {
  it('matches the classic Fisher exact test', () => {
    // Fisher's tea-tasting table: two-sided p = 0.4857.
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.4857, 3);
    expect(fisherExact(8, 2, 1, 9)).toBeCloseTo(0.0055, 3);
  });

  it('says nothing from three data points, however lopsided', () => {
    const apps = [
      app({ stage: 'screening', source: 'referral' }),
      app({ stage: 'screening', source: 'referral' }),
      app({ stage: 'rejected', source: 'job_board' }),
    ];
    const r = refineSearch(apps);
    expect(r.outcomes).toBe(3);
    expect(r.suggestions).toEqual([]);
    const source = r.tables.find((t) => t.dimension === 'source')!;
    expect(source.rows).toEqual([
      { value: 'referral', label: 'Referral', outcomes: 2, progressed: 2, rate: 1 },
      { value: 'job_board', label: 'Job board', outcomes: 1, progressed: 0, rate: 0 },
    ]);
  });

  it('suggests only where a group differs clearly from the rest, and shows the counts', () => {
    const apps = [
      ...Array.from({ length: 6 }, (_, i) =>
        app({ stage: i < 5 ? 'interviewing' : 'rejected', source: 'referral' }),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        app({ stage: i < 1 ? 'screening' : 'rejected', source: 'LinkedIn' }),
      ),
      app({ stage: 'applied', source: 'referral' }), // no outcome yet
    ];
    const r = refineSearch(apps);
    expect(r.outcomes).toBe(18);
    const s = r.suggestions.find((x) => x.dimension === 'source')!;
    expect(s).toMatchObject({ value: 'referral', better: true });
    expect(s.basis).toBe('Referral: 5 of 6 moved past the application (83%); the rest: 1 of 12 (8%).');
    // Every application has the same role title: no suggestion about roles.
    expect(r.suggestions.some((x) => x.dimension === 'role_family')).toBe(false);
  });

  it('an even split gives no suggestion even with many outcomes', () => {
    const apps = Array.from({ length: 20 }, (_, i) =>
      app({ stage: i % 2 ? 'screening' : 'rejected', source: i < 10 ? 'referral' : 'job_board' }),
    );
    expect(refineSearch(apps).suggestions).toEqual([]);
  });

  it('reads remote and hybrid from the location when the field is empty', () => {
    expect(workplaceOf({ workplace: null, location: 'Remote (UK)' })).toBe('remote');
    expect(workplaceOf({ workplace: null, location: 'Leeds, hybrid' })).toBe('hybrid');
    expect(workplaceOf({ workplace: 'on_site', location: 'Remote' })).toBe('on_site');
    expect(workplaceOf({ workplace: null, location: 'Leeds' })).toBeNull();
  });

  it('compares the words of titles that progressed with those turned down early', () => {
    const apps = [
      app({ stage: 'screening', role: 'Junior Data Analyst' }),
      app({ stage: 'interviewing', role: 'Data Analyst' }),
      app({ stage: 'rejected', role: 'Senior Data Scientist' }),
      app({ stage: 'rejected', role: 'Senior Data Engineer' }),
    ];
    const words = refineSearch(apps).titleWords;
    expect(words).toContainEqual({ word: 'senior', progressed: 0, rejectedEarly: 2 });
    expect(words).toContainEqual({ word: 'analyst', progressed: 2, rejectedEarly: 0 });
    expect(words.find((w) => w.word === 'junior')).toBeUndefined(); // seen once
  });
});

describe('steps from insights', () => {
  const facts = {
    recurringThemes: [
      { theme: 'examples_evidence' as const, since: '2026-11-18T10:00:00.000Z', applications: 2 },
      { theme: 'technical_skills' as const, since: '2026-11-20T10:00:00.000Z', applications: 3 },
    ],
    metThemes: [],
    skillGaps: [
      { id: 'sql', label: 'SQL', applications: 3, lastRejectedAt: '2026-11-19T10:00:00.000Z' },
      { id: 'excel', label: 'Excel', applications: 1, lastRejectedAt: '2026-11-19T10:00:00.000Z' },
    ],
    skillsWithGoals: [],
    suggestions: [],
  };

  it('plans weekly practice for open themes, learning for skill and experience themes, and for gaps in 2+ rejections', () => {
    const steps = planInsightSteps(facts, DEFAULT_SETTINGS, 'UTC', NOW);
    expect(steps.map((s) => [s.key, s.kind, s.due])).toEqual([
      ['practice:2026-11-23', 'practice', '2026-11-23T00:00:00.000Z'],
      ['learn:theme:technical_skills', 'learn', '2026-11-27T00:00:00.000Z'],
      ['learn:skill:sql', 'learn', '2026-11-26T00:00:00.000Z'],
    ]);
    expect(steps[0]!.why).toMatch(/specific examples/);
    expect(steps.map((s) => s.subject)).toEqual(['specific examples', 'job-specific skills', 'SQL']);
  });

  it('moves on from met themes and skips skills that already have a goal', () => {
    const steps = planInsightSteps(
      { ...facts, metThemes: ['examples_evidence'], skillsWithGoals: ['sql'] },
      DEFAULT_SETTINGS,
      'UTC',
      NOW,
    );
    expect(steps.map((s) => s.key)).toEqual(['learn:theme:technical_skills']);
  });

  it('turns a refinement suggestion into one refine_search step', () => {
    const steps = planInsightSteps(
      {
        ...facts,
        recurringThemes: [],
        skillGaps: [],
        suggestions: [
          {
            dimension: 'source',
            value: 'referral',
            label: 'referral (where you found it)',
            better: true,
            text: 'Referrals work.',
            basis: '5 of 6.',
          },
        ],
      },
      DEFAULT_SETTINGS,
      'UTC',
      NOW,
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      key: 'refine_search:source:referral:more',
      kind: 'refine_search',
      why: 'Referrals work. 5 of 6.',
      subject: 'referral (where you found it)',
    });
  });
});
