import { describe, expect, it } from 'vitest';
import { PRACTICE_QUESTIONS, questionById } from '../text/practice-questions.js';
import {
  isThemeMet,
  newPracticeCard,
  overallRating,
  planPracticeWeek,
  reviewPractice,
  RUBRIC,
  RUBRIC_CRITERIA,
  themeProgress,
  type PracticeAttemptFact,
  type PracticeCard,
  type PracticePlanItem,
  type PracticeWeekInput,
} from './practice.js';

const NOW = '2026-03-02T09:00:00.000Z'; // a Monday
const DAY = 86_400_000;
const daysFrom = (instant: string, days: number): string =>
  new Date(Date.parse(instant) + days * DAY).toISOString();

function input(extra: Partial<PracticeWeekInput> = {}): PracticeWeekInput {
  return {
    now: NOW,
    questions: PRACTICE_QUESTIONS,
    recurringThemes: [],
    upcomingInterviews: [],
    missingSkills: [],
    cards: [],
    attempts: [],
    ...extra,
  };
}

const family = (item: PracticePlanItem): string => questionById(item.questionId)!.family;

describe('the rubric', () => {
  it('has five criteria, each describing a 1, a 3 and a 5', () => {
    expect(RUBRIC.map((c) => c.id)).toEqual([...RUBRIC_CRITERIA]);
    for (const c of RUBRIC) {
      for (const level of [1, 3, 5] as const) expect(c.levels[level].length).toBeGreaterThan(10);
    }
  });

  it('overallRating is the mean of the criteria scored, rounded half up', () => {
    expect(overallRating({ structure: 5, evidence: 5, result: 5, relevance: 5, delivery: 5 })).toBe(5);
    expect(overallRating({ structure: 4, evidence: 3 })).toBe(4);
    expect(overallRating({ structure: 2, evidence: 2, result: 3 })).toBe(2);
    expect(overallRating({ relevance: 1 })).toBe(1);
  });

  it('overallRating refuses no scores and scores outside 1–5', () => {
    expect(() => overallRating({})).toThrow(/at least one/);
    expect(() => overallRating({ structure: 0 })).toThrow(/1 to 5/);
    expect(() => overallRating({ structure: 6 })).toThrow(/1 to 5/);
    expect(() => overallRating({ structure: 2.5 })).toThrow(/whole number/);
  });
});

describe('reviewPractice (FSRS)', () => {
  const Q = 'beh-mistake';

  it('a weak first answer comes back the next day, a strong one days later', () => {
    const weak = reviewPractice(null, 1, NOW, Q);
    const hard = reviewPractice(null, 3, NOW, Q);
    const good = reviewPractice(null, 4, NOW, Q);
    const easy = reviewPractice(null, 5, NOW, Q);
    expect(weak.due).toBe(daysFrom(NOW, 1));
    expect(reviewPractice(null, 2, NOW, Q).due).toBe(weak.due);
    expect(Date.parse(hard.due)).toBeGreaterThan(Date.parse(weak.due));
    expect(Date.parse(good.due)).toBeGreaterThan(Date.parse(hard.due));
    expect(Date.parse(easy.due)).toBeGreaterThan(Date.parse(good.due));
    expect(easy.due >= daysFrom(NOW, 7)).toBe(true);
  });

  it('is a plain JSON object holding the FSRS fields, the question and the last rating', () => {
    const card = reviewPractice(null, 4, NOW, Q);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(card).toMatchObject({ questionId: Q, lastRating: 4, lastReview: NOW, reps: 1, lapses: 0 });
    expect(card.state).toBe('review');
    expect(newPracticeCard(Q, NOW)).toMatchObject({ state: 'new', due: NOW, reps: 0, lastRating: null });
  });

  it('good answers in a row space out; a weak one after them brings the question back soon', () => {
    let card: PracticeCard | null = null;
    let at = NOW;
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      card = reviewPractice(card, 4, at, Q);
      gaps.push((Date.parse(card.due) - Date.parse(at)) / DAY);
      at = card.due;
    }
    expect(gaps[1]).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]).toBeGreaterThan(gaps[1]!);
    const lapse = reviewPractice(card, 2, at, Q);
    expect(lapse.lapses).toBe(1);
    expect((Date.parse(lapse.due) - Date.parse(at)) / DAY).toBeLessThan(gaps[2]!);
  });

  it('takes now as a Date or an ISO string alike, and is deterministic', () => {
    expect(reviewPractice(null, 3, new Date(NOW), Q)).toEqual(reviewPractice(null, 3, NOW, Q));
  });

  it('refuses a bad rating, a bad time, or a card of another question', () => {
    expect(() => reviewPractice(null, 0, NOW, Q)).toThrow(/1 to 5/);
    expect(() => reviewPractice(null, 3, 'yesterday', Q)).toThrow(/not a valid time/);
    const card = reviewPractice(null, 3, NOW, Q);
    expect(() => reviewPractice(card, 3, NOW, 'beh-failure')).toThrow(/not "beh-failure"/);
  });
});

describe('planPracticeWeek', () => {
  const EVIDENCE_TWICE: PracticeWeekInput['recurringThemes'] = [
    { theme: 'examples_evidence', applications: 2, negative: 3 },
  ];

  it('acceptance: negative feedback on examples_evidence in two applications leads the week with behavioural questions that train it; after several good ratings the plan moves on', () => {
    const plan = planPracticeWeek(input({ recurringThemes: EVIDENCE_TWICE }));
    expect(plan).toHaveLength(7);
    const lead = plan.slice(0, 4);
    for (const item of lead) {
      expect(item.reason.kind).toBe('theme');
      expect(item.reason.theme).toBe('examples_evidence');
      expect(family(item)).toBe('behavioural');
      expect(questionById(item.questionId)!.themes).toContain('examples_evidence');
    }
    expect(lead[0]!.reason.text).toBe('Feedback in two applications asked for more specific examples.');

    // The seeker practises three of them over three days and rates each answer 4 or 5.
    const attempts: PracticeAttemptFact[] = lead.slice(0, 3).map((item, i) => ({
      questionId: item.questionId,
      at: daysFrom(NOW, i),
      rating: i === 1 ? 5 : 4,
    }));
    const nextWeek = daysFrom(NOW, 7);
    expect(isThemeMet('examples_evidence', attempts, PRACTICE_QUESTIONS, nextWeek)).toBe(true);
    const after = planPracticeWeek(input({ now: nextWeek, recurringThemes: EVIDENCE_TWICE, attempts }));
    expect(after).toHaveLength(7);
    expect(after.some((item) => item.reason.kind === 'theme')).toBe(false);
  });

  it('moves on to the next recurring theme once the first is met', () => {
    const themes: PracticeWeekInput['recurringThemes'] = [
      { theme: 'examples_evidence', applications: 3, negative: 3 },
      { theme: 'questions_asked', applications: 2, negative: 2 },
    ];
    const first = planPracticeWeek(input({ recurringThemes: themes }));
    expect(first.filter((i) => i.reason.kind === 'theme').map((i) => i.reason.theme)).toEqual([
      'examples_evidence',
      'examples_evidence',
      'examples_evidence',
      'questions_asked',
      'questions_asked',
    ]);
    const asked = first.filter((i) => i.reason.theme === 'questions_asked');
    for (const item of asked) expect(family(item)).toBe('ask_interviewer');

    const attempts: PracticeAttemptFact[] = ['beh-mistake', 'beh-failure', 'beh-tight-deadline'].map(
      (q, i) => ({
        questionId: q,
        at: daysFrom(NOW, i - 10),
        rating: 4,
      }),
    );
    const later = planPracticeWeek(input({ recurringThemes: themes, attempts }));
    expect(later[0]!.reason.theme).toBe('questions_asked');
    expect(later.some((i) => i.reason.theme === 'examples_evidence')).toBe(false);
  });

  it('a theme is not met by good answers crammed into one sitting, nor by a weak one among them', () => {
    const crammed: PracticeAttemptFact[] = ['beh-mistake', 'beh-failure', 'beh-setback'].map((q, i) => ({
      questionId: q,
      at: new Date(Date.parse(NOW) - (3 - i) * 600_000).toISOString(),
      rating: 5,
    }));
    expect(isThemeMet('examples_evidence', crammed, PRACTICE_QUESTIONS, NOW)).toBe(false);
    const mixed: PracticeAttemptFact[] = [4, 2, 4].map((rating, i) => ({
      questionId: ['beh-mistake', 'beh-failure', 'beh-setback'][i]!,
      at: daysFrom(NOW, i - 5),
      rating,
    }));
    expect(isThemeMet('examples_evidence', mixed, PRACTICE_QUESTIONS, NOW)).toBe(false);
  });

  it('practice before the latest negative feedback does not count towards meeting the theme', () => {
    const attempts: PracticeAttemptFact[] = ['beh-mistake', 'beh-failure', 'beh-setback'].map((q, i) => ({
      questionId: q,
      at: daysFrom(NOW, i - 20),
      rating: 5,
    }));
    const reopened = [
      { theme: 'examples_evidence' as const, applications: 3, negative: 4, latestAt: daysFrom(NOW, -3) },
    ];
    const plan = planPracticeWeek(input({ recurringThemes: reopened, attempts }));
    expect(plan[0]!.reason.theme).toBe('examples_evidence');
  });

  it('a theme from one application is not recurring, and praise or competition never lead', () => {
    const plan = planPracticeWeek(
      input({
        recurringThemes: [
          { theme: 'examples_evidence', applications: 1, negative: 2 },
          { theme: 'competition', applications: 4, negative: 4 },
          { theme: 'positive', applications: 3, negative: 0 },
        ],
      }),
    );
    expect(plan.every((i) => i.reason.kind === 'general')).toBe(true);
    expect(plan.every((i) => family(i) === 'common')).toBe(true);
  });

  it('orders themes by how many applications raised them', () => {
    const plan = planPracticeWeek(
      input({
        size: 4,
        recurringThemes: [
          { theme: 'communication', applications: 2, negative: 5 },
          { theme: 'leadership', applications: 3, negative: 3 },
        ],
      }),
    );
    expect(plan.map((i) => i.reason.theme)).toEqual(['leadership', 'leadership', 'communication', undefined]);
  });

  it('brings back weak answers due this week, and leaves out questions answered well in the last 7 days', () => {
    const weak = reviewPractice(null, 2, daysFrom(NOW, -1), 'beh-said-no');
    const good = reviewPractice(null, 5, daysFrom(NOW, -2), 'common-tell-me-about-yourself');
    const attempts: PracticeAttemptFact[] = [
      { questionId: 'beh-said-no', at: daysFrom(NOW, -1), rating: 2 },
      { questionId: 'common-tell-me-about-yourself', at: daysFrom(NOW, -2), rating: 5 },
    ];
    const plan = planPracticeWeek(input({ cards: [weak, good], attempts }));
    expect(plan[0]).toEqual({
      questionId: 'beh-said-no',
      reason: { kind: 'review', text: 'You rated your last answer 2 of 5; it is due again.' },
    });
    expect(plan.map((i) => i.questionId)).not.toContain('common-tell-me-about-yourself');
  });

  it('prepares for upcoming interviews by role family and by the skills the job asks for', () => {
    const plan = planPracticeWeek(
      input({
        upcomingInterviews: [
          {
            applicationId: 'app-nurse',
            at: daysFrom(NOW, 3),
            role: 'Staff Nurse',
            roleFamily: 'healthcare',
            skills: ['safeguarding', 'infection control'],
          },
          {
            applicationId: 'app-old',
            at: daysFrom(NOW, -2),
            role: 'Barista',
            roleFamily: 'retail_hospitality',
            skills: [],
          },
        ],
      }),
    );
    const forInterview = plan.filter((i) => i.reason.kind === 'interview');
    // Two of seven places, and up to four when nothing else asks for them.
    expect(forInterview).toHaveLength(4);
    for (const item of forInterview) {
      expect(item.reason.applicationId).toBe('app-nurse');
      const q = questionById(item.questionId)!;
      expect(q.family === 'role' ? q.roleFamily : 'any job').toMatch(/healthcare|any job/);
      expect(item.reason.text).toMatch(/^For your Staff Nurse interview in three days/);
    }
    expect(forInterview[0]!.reason.skill).toBeDefined();
    // The past interview is over; role questions of other families are left out.
    for (const item of plan) {
      const q = questionById(item.questionId)!;
      if (q.family === 'role') expect(q.roleFamily).toBe('healthcare');
    }
  });

  it('practises the skills the job descriptions asked for, most asked first', () => {
    const plan = planPracticeWeek(
      input({
        missingSkills: [
          { skill: 'Budgeting', applications: 1 },
          { skill: 'sql', applications: 3 },
        ],
      }),
    );
    const skills = plan.filter((i) => i.reason.kind === 'skill');
    expect(skills.map((i) => i.reason.skill)).toEqual(['sql', 'Budgeting']);
    expect(skills[0]!.reason.text).toBe('Three job descriptions asked for sql.');
    expect(questionById(skills[0]!.questionId)!.skills).toContain('sql');
  });

  it('never repeats a question, keeps to the size, and gives the same plan for the same input', () => {
    const full = input({
      size: 12,
      recurringThemes: EVIDENCE_TWICE,
      upcomingInterviews: [
        {
          applicationId: 'a1',
          at: daysFrom(NOW, 1),
          role: 'Data Analyst',
          roleFamily: 'data',
          skills: ['sql'],
        },
      ],
      missingSkills: [{ skill: 'stakeholder management', applications: 2 }],
      cards: [reviewPractice(null, 1, daysFrom(NOW, -1), 'sit-vague-brief')],
      attempts: [{ questionId: 'sit-vague-brief', at: daysFrom(NOW, -1), rating: 1 }],
    });
    const plan = planPracticeWeek(full);
    expect(plan).toHaveLength(12);
    expect(new Set(plan.map((i) => i.questionId)).size).toBe(12);
    expect(planPracticeWeek(full)).toEqual(plan);
    const shuffled = { ...full, attempts: [...full.attempts].reverse(), cards: [...full.cards].reverse() };
    expect(planPracticeWeek(shuffled)).toEqual(plan);
    // General questions only fill; here every other tier had enough.
    expect(plan.map((i) => i.reason.kind)).toEqual([
      ...Array<string>(6).fill('theme'),
      'review',
      'interview',
      'interview',
      'interview',
      'skill',
      'skill',
    ]);
    expect(planPracticeWeek({ ...full, size: 0 })).toEqual([]);
    expect(() => planPracticeWeek({ ...full, size: -1 })).toThrow(/size/);
  });

  it('fills a small plan in priority order', () => {
    const plan = planPracticeWeek(input({ size: 1, recurringThemes: EVIDENCE_TWICE }));
    expect(plan).toHaveLength(1);
    expect(plan[0]!.reason.kind).toBe('theme');
  });
});

describe('themeProgress', () => {
  it('counts attempts per theme with the average and a trend over ISO weeks', () => {
    const attempts: PracticeAttemptFact[] = [
      { questionId: 'beh-mistake', at: '2026-03-02T10:00:00.000Z', rating: 2 },
      { questionId: 'beh-failure', at: '2026-03-04T10:00:00.000Z', rating: 3 },
      { questionId: 'beh-setback', at: '2026-03-10T10:00:00.000Z', rating: 4 },
      { questionId: 'beh-said-no', at: '2026-03-11T10:00:00.000Z', rating: null },
      { questionId: 'unknown-question', at: '2026-03-11T10:00:00.000Z', rating: 5 },
    ];
    const progress = themeProgress(attempts, PRACTICE_QUESTIONS);
    const evidence = progress.find((p) => p.theme === 'examples_evidence')!;
    expect(evidence).toEqual({
      theme: 'examples_evidence',
      attempts: 4,
      rated: 3,
      averageRating: 3,
      weeks: [
        { week: '2026-W10', attempts: 2, averageRating: 2.5 },
        { week: '2026-W11', attempts: 2, averageRating: 4 },
      ],
      trend: 'improving',
    });
    const communication = progress.find((p) => p.theme === 'communication')!;
    expect(communication.weeks.map((w) => w.week)).toEqual(['2026-W11']);
    expect(communication.trend).toBeNull();
    expect(progress.map((p) => p.theme)).not.toContain('positive');
    expect(themeProgress([], PRACTICE_QUESTIONS)).toEqual([]);
  });

  it('puts an attempt in the week of the seeker’s zone when given one', () => {
    // Sunday 23:30 UTC is already Monday in Auckland.
    const attempts = [{ questionId: 'beh-mistake', at: '2026-03-08T23:30:00.000Z', rating: 3 }];
    expect(themeProgress(attempts, PRACTICE_QUESTIONS)[0]!.weeks[0]!.week).toBe('2026-W10');
    expect(themeProgress(attempts, PRACTICE_QUESTIONS, 'Pacific/Auckland')[0]!.weeks[0]!.week).toBe(
      '2026-W11',
    );
  });
});
