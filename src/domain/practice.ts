/**
 * Interview practice (DESIGN.md §2, practice 11): a rubric for rating an answer, spaced repetition of
 * the questions answered (FSRS, via ts-fsrs), and the week's practice plan aimed at where the evidence
 * says interviewing falls short — recurring feedback themes first, then the next interviews, then the
 * skills the job descriptions asked for.
 *
 * Pure: no I/O and no clock (every function that needs "now" takes it). The question bank is an
 * argument (`questions`), so the core does not depend on one bank: the services pass
 * `PRACTICE_QUESTIONS` from src/text/practice-questions.ts.
 */
import { DateTime } from 'luxon';
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { invalidInput } from './errors.js';
import {
  FEEDBACK_THEMES,
  type FeedbackTheme,
  type Id,
  type Instant,
  type PracticeQuestion,
} from './model.js';
import type { RoleFamily } from './role-family.js';

// ---------------------------------------------------------------------------------------------------
// Questions

export const QUESTION_FAMILIES = [
  'common',
  'behavioural',
  'situational',
  'motivation',
  'role',
  'ask_interviewer',
] as const;
/** common: asked everywhere; behavioural: "tell me about a time"; situational: "what would you do";
 * motivation: why this job; role: the job's own skills; ask_interviewer: for the seeker to ask. */
export type QuestionFamily = (typeof QUESTION_FAMILIES)[number];

/** A question of the practice bank. */
export interface BankQuestion extends PracticeQuestion {
  family: QuestionFamily;
  /** Set for family 'role' (the job family it belongs to), null for questions asked in any job. */
  roleFamily: RoleFamily | null;
  /** What a strong answer shows, in one or two sentences. */
  strong: string;
  /** Lower-case skill words the question exercises, matched against job descriptions. */
  skills?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------
// Rubric

/** A rating of an answer, 1 (weak) to 5 (strong). */
export type PracticeRating = 1 | 2 | 3 | 4 | 5;

export const RUBRIC_CRITERIA = ['structure', 'evidence', 'result', 'relevance', 'delivery'] as const;
export type RubricCriterionId = (typeof RUBRIC_CRITERIA)[number];

export interface RubricCriterion {
  id: RubricCriterionId;
  label: string;
  /** What a 1, a 3 and a 5 look like; 2 and 4 sit between. */
  levels: { 1: string; 3: string; 5: string };
}

export const RUBRIC: readonly RubricCriterion[] = [
  {
    id: 'structure',
    label: 'Structure',
    levels: {
      1: 'Hard to follow: it jumps around and the point never arrives.',
      3: 'A beginning, middle and end, but the point comes late or the order wanders.',
      5: 'Clear from the first sentence: the scene, your part, what you did, how it ended.',
    },
  },
  {
    id: 'evidence',
    label: 'Specific example',
    levels: {
      1: 'General statements ("I always…", "I would…") with no real occasion behind them.',
      3: 'A real occasion, but thin on what you yourself did.',
      5: 'One real occasion, told in the past tense, with your own actions in detail.',
    },
  },
  {
    id: 'result',
    label: 'Result',
    levels: {
      1: 'No outcome: the story stops before anything changed.',
      3: 'An outcome is named, but vaguely ("it went well").',
      5: 'A clear, measurable outcome (a number, time saved, before and after) and what you learned.',
    },
  },
  {
    id: 'relevance',
    label: 'Relevance to the role',
    levels: {
      1: 'Does not answer the question asked or connect to this job.',
      3: 'Answers the question; the link to this job is left for the listener to make.',
      5: 'Answers the question and shows the very skill this job asks for.',
    },
  },
  {
    id: 'delivery',
    label: 'Delivery',
    levels: {
      1: 'Too long or too short to judge, with many fillers or hesitations.',
      3: 'Understandable, with some fillers or a minute too long.',
      5: 'Calm and concise: about two minutes, few fillers, confident close.',
    },
  },
];

export type RubricScores = Partial<Record<RubricCriterionId, number>>;

function checkRating(value: unknown, what: string): PracticeRating {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw invalidInput(`${what} must be a whole number from 1 to 5, not ${String(value)}`);
  }
  return value as PracticeRating;
}

/**
 * The overall rating of an answer: the mean of the criteria scored, rounded half up (3.5 → 4).
 * Criteria may be left out when they do not apply (a question for the interviewer has no result);
 * at least one is needed.
 */
export function overallRating(scores: RubricScores): PracticeRating {
  const given = RUBRIC_CRITERIA.filter((id) => scores[id] !== undefined).map((id) =>
    checkRating(scores[id], `the ${id} score`),
  );
  if (given.length === 0) throw invalidInput('score at least one rubric criterion (1 to 5)');
  const mean = given.reduce((a, b) => a + b, 0) / given.length;
  return checkRating(Math.floor(mean + 0.5), 'the overall rating');
}

// ---------------------------------------------------------------------------------------------------
// Spaced repetition

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/**
 * When a question comes back, as plain JSON: the FSRS card fields (camel-cased, dates as ISO
 * instants) plus the question and the last rubric rating.
 */
export interface PracticeCard {
  questionId: Id;
  due: Instant;
  stability: number;
  difficulty: number;
  /** Kept because ts-fsrs 5 still reads it (deprecated there, to go in 6). */
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview: Instant | null;
  /** The rubric rating (1–5) of the latest review. */
  lastRating: PracticeRating | null;
}

/**
 * Days, not minutes: a spoken answer is not a flashcard to see again in ten minutes, so FSRS's
 * short-term (minute) learning steps are off: Again comes back the next day, Hard in two, Good in
 * three, Easy in about eight (for a new card), and later reviews space out from there. No fuzz, so the
 * same history gives the same dates.
 */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

const STATE_OF: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const FSRS_STATE: Record<CardState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/** Rubric 1–2 → Again, 3 → Hard, 4 → Good, 5 → Easy. */
const GRADE: Record<PracticeRating, Grade> = {
  1: Rating.Again,
  2: Rating.Again,
  3: Rating.Hard,
  4: Rating.Good,
  5: Rating.Easy,
};

function toDate(value: Date | Instant, what: string): Date {
  const date = typeof value === 'string' ? new Date(Date.parse(value)) : new Date(value.getTime());
  if (Number.isNaN(date.getTime())) throw invalidInput(`${what} is not a valid time: ${String(value)}`);
  return date;
}

function toFsrs(card: PracticeCard): Card {
  return {
    due: toDate(card.due, 'the card due time'),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: FSRS_STATE[card.state],
    ...(card.lastReview ? { last_review: toDate(card.lastReview, 'the last review time') } : {}),
  };
}

function fromFsrs(questionId: Id, card: Card, lastRating: PracticeRating | null): PracticeCard {
  return {
    questionId,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_OF[card.state],
    lastReview: card.last_review ? card.last_review.toISOString() : null,
    lastRating,
  };
}

/** A question not yet practised: due at once. */
export function newPracticeCard(questionId: Id, now: Date | Instant): PracticeCard {
  return fromFsrs(questionId, createEmptyCard(toDate(now, 'now')), null);
}

/**
 * The card after answering the question and rating the answer: a weak answer (1–2) comes back the
 * next day, a strong one days or weeks later. `card` is null for the first attempt; `questionId`
 * names the question either way (and must match the card's).
 */
export function reviewPractice(
  card: PracticeCard | null,
  rating: number,
  now: Date | Instant,
  questionId: Id,
): PracticeCard {
  const grade = GRADE[checkRating(rating, 'the rating')];
  if (card && card.questionId !== questionId) {
    throw invalidInput(`the card is for question "${card.questionId}", not "${questionId}"`);
  }
  const at = toDate(now, 'now');
  const current = card ? toFsrs(card) : createEmptyCard(at);
  const next = scheduler.next(current, at, grade);
  return fromFsrs(questionId, next.card, rating as PracticeRating);
}

// ---------------------------------------------------------------------------------------------------
// The week's plan

export interface RecurringTheme {
  theme: FeedbackTheme;
  /** Applications whose feedback raised it as something to work on. */
  applications: number;
  /** Negative mentions across those applications. */
  negative: number;
  /** When the latest negative feedback on it arrived: only practice after it counts towards meeting it. */
  latestAt?: Instant;
}

export interface UpcomingInterview {
  applicationId: Id;
  at: Instant;
  role: string;
  roleFamily: RoleFamily | null;
  /** Lower-case skills the job description asks for. */
  skills: readonly string[];
}

export interface PracticeAttemptFact {
  questionId: Id;
  at: Instant;
  rating: number | null;
}

export interface PracticeWeekInput {
  now: Date | Instant;
  /** How many questions; default 7 (one a day). */
  size?: number;
  /** The bank to choose from (PRACTICE_QUESTIONS). */
  questions: readonly BankQuestion[];
  /** Negative theme counts across applications; a theme seen in 2+ applications is recurring. */
  recurringThemes: readonly RecurringTheme[];
  upcomingInterviews: readonly UpcomingInterview[];
  /** Skills the job descriptions asked for and the résumé lacks, with how many applications asked. */
  missingSkills: readonly { skill: string; applications: number }[];
  cards: readonly PracticeCard[];
  attempts: readonly PracticeAttemptFact[];
}

export type PlanReasonKind = 'theme' | 'interview' | 'skill' | 'review' | 'general';

export interface PlanReason {
  kind: PlanReasonKind;
  theme?: FeedbackTheme;
  applicationId?: Id;
  skill?: string;
  /** A short plain sentence for the seeker. */
  text: string;
}

export interface PracticePlanItem {
  questionId: Id;
  reason: PlanReason;
}

const DAY_MS = 86_400_000;
const ms = (instant: Instant): number => Date.parse(instant);

/** A theme is met after this many good ratings in a row on questions that train it… */
export const THEME_MET_STREAK = 3;
/** …rated at least this (Good)… */
export const GOOD_RATING = 4;
/** …spread over at least this long (first to last), so one good evening is not the whole proof. */
export const THEME_MET_SPAN_MS = DAY_MS;
/** A question answered well this recently is left out of the plan. */
const RECENTLY_WELL_MS = 7 * DAY_MS;

/** Themes that practice cannot train: praise, and the strength of the other candidates. */
const UNTRAINABLE: ReadonlySet<FeedbackTheme> = new Set(['positive', 'competition']);

/**
 * Whether the seeker has met a theme: the latest THEME_MET_STREAK rated attempts on questions that
 * train it (made before `now` and after `since`, the latest negative feedback on it) are all rated
 * GOOD_RATING or better, and the first and last of them are at least a day apart.
 */
export function isThemeMet(
  theme: FeedbackTheme,
  attempts: readonly PracticeAttemptFact[],
  questions: readonly BankQuestion[],
  now: Date | Instant,
  since?: Instant,
): boolean {
  const nowMs = toDate(now, 'now').getTime();
  const sinceMs = since === undefined ? -Infinity : ms(since);
  const training = new Set(questions.filter((q) => q.themes.includes(theme)).map((q) => q.id));
  const rated = attempts
    .filter((a) => a.rating !== null && training.has(a.questionId))
    .filter((a) => ms(a.at) <= nowMs && ms(a.at) > sinceMs)
    .sort((a, b) => ms(a.at) - ms(b.at));
  const streak = rated.slice(-THEME_MET_STREAK);
  if (streak.length < THEME_MET_STREAK) return false;
  if (!streak.every((a) => (a.rating ?? 0) >= GOOD_RATING)) return false;
  return ms(streak.at(-1)!.at) - ms(streak[0]!.at) >= THEME_MET_SPAN_MS;
}

/** The recurring themes practice should still work on, most frequent first. */
export function openThemes(
  recurring: readonly RecurringTheme[],
  attempts: readonly PracticeAttemptFact[],
  questions: readonly BankQuestion[],
  now: Date | Instant,
): RecurringTheme[] {
  const order = (t: FeedbackTheme): number => FEEDBACK_THEMES.indexOf(t);
  return recurring
    .filter((r) => r.applications >= 2 && r.negative > 0 && !UNTRAINABLE.has(r.theme))
    .filter((r) => !isThemeMet(r.theme, attempts, questions, now, r.latestAt))
    .sort(
      (a, b) => b.applications - a.applications || b.negative - a.negative || order(a.theme) - order(b.theme),
    );
}

/** Which question families train a theme best, best first; the rest follow in bank order. */
const FAMILY_PREFERENCE: Partial<Record<FeedbackTheme, readonly QuestionFamily[]>> = {
  examples_evidence: ['behavioural', 'situational', 'role', 'common'],
  questions_asked: ['ask_interviewer', 'common', 'motivation'],
  motivation_enthusiasm: ['motivation', 'common', 'behavioural'],
  preparation_research: ['motivation', 'common', 'ask_interviewer', 'role'],
  technical_skills: ['role', 'behavioural', 'situational', 'common'],
  experience: ['common', 'behavioural', 'role', 'situational'],
  salary_expectations: ['common', 'motivation', 'ask_interviewer'],
  communication: ['common', 'behavioural', 'situational'],
  leadership: ['behavioural', 'situational', 'role', 'common'],
  culture_fit: ['behavioural', 'motivation', 'situational', 'common', 'ask_interviewer'],
};
const DEFAULT_PREFERENCE: readonly QuestionFamily[] = ['behavioural', 'situational', 'common', 'motivation'];

/** What the feedback asked for, to finish "Feedback in two applications asked for …". */
const THEME_ASK: Record<FeedbackTheme, string> = {
  communication: 'clearer, more concise answers',
  technical_skills: 'more depth in the skills of the job',
  experience: 'more on how your experience fits the role',
  culture_fit: 'a clearer picture of how you work with a team',
  preparation_research: 'more knowledge of the company and the role',
  examples_evidence: 'more specific examples',
  motivation_enthusiasm: 'more on why you want the job',
  questions_asked: 'more questions of your own',
  leadership: 'more evidence of leading people',
  salary_expectations: 'a clearer answer about pay',
  competition: 'a stronger case than the other candidates',
  positive: 'more of the same',
};

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number, word: string): string =>
  `${NUMBER_WORDS[n] ?? String(n)} ${word}${n === 1 ? '' : 's'}`;
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "feedback in two applications asked for more specific examples" as a sentence. */
export function themeReasonText(theme: FeedbackTheme, applications: number): string {
  return `Feedback in ${count(applications, 'application')} asked for ${THEME_ASK[theme]}.`;
}

function whenText(atMs: number, nowMs: number): string {
  const hours = (atMs - nowMs) / 3_600_000;
  if (hours < 24) return 'within a day';
  return `in ${count(Math.floor(hours / 24), 'day')}`;
}

const normaliseSkill = (skill: string): string =>
  skill
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#.]+/gu, ' ')
    .trim();

/** Same skill, or one names the other as whole words ("sql" and "sql queries"). */
function skillsMatch(a: string, b: string): boolean {
  const x = normaliseSkill(a);
  const y = normaliseSkill(b);
  if (x === '' || y === '') return false;
  return x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
}

function matchingSkills(question: BankQuestion, skills: readonly string[]): string[] {
  const own = question.skills ?? [];
  return skills.filter((s) => own.some((o) => skillsMatch(o, s)));
}

interface PlannedPick {
  item: PracticePlanItem;
  tier: number;
  group: number;
  seq: number;
}

/** Hands out a tier's questions one at a time, round-robin over its groups, skipping used ones. */
class TierPicker {
  private cursor = 0;
  private readonly positions: number[];
  constructor(
    readonly tier: number,
    private readonly groups: readonly (readonly PracticePlanItem[])[],
  ) {
    this.positions = groups.map(() => 0);
  }

  next(used: ReadonlySet<Id>): { item: PracticePlanItem; group: number } | null {
    for (let tries = 0; tries < this.groups.length; tries++) {
      const g = (this.cursor + tries) % this.groups.length;
      const list = this.groups[g]!;
      while (this.positions[g]! < list.length && used.has(list[this.positions[g]!]!.questionId)) {
        this.positions[g]! += 1;
      }
      const item = list[this.positions[g]!];
      if (item) {
        this.positions[g]! += 1;
        this.cursor = (g + 1) % this.groups.length;
        return { item, group: g };
      }
    }
    return null;
  }
}

/**
 * The week's practice, in order:
 * 1. theme — the recurring negative themes not yet met (most frequent first; the questions that train
 *    each best, behavioural ones for examples_evidence); 3 of 7 places, up to 5 when others are empty;
 * 2. review — questions whose FSRS card is due before the week ends and whose last rating was below
 *    Good (1–3), soonest due first; 1 of 7, up to 3;
 * 3. interview — for each upcoming interview (soonest first), questions of its role family and
 *    questions that exercise the skills its job description asks for; 2 of 7, up to 4;
 * 4. skill — questions exercising the skills missing from the résumé, most asked-for first; 1 of 7, up to 2;
 * 5. general — common questions (those due on their card first), then other families, to fill.
 * Within the theme and interview tiers places go round the themes / interviews in turn, so the most
 * frequent theme gets the first and the most places. No question appears twice; a
 * question rated Good or better within the last seven days is left out; role questions of another
 * job family appear only when they exercise a missing skill. Ties go to questions never answered,
 * then those answered longest ago, then bank order — the same input always gives the same plan.
 * "The week" is the seven days from `now`.
 */
export function planPracticeWeek(input: PracticeWeekInput): PracticePlanItem[] {
  const size = input.size ?? 7;
  if (!Number.isInteger(size) || size < 0) throw invalidInput(`the plan size must be a whole number ≥ 0`);
  if (size === 0) return [];
  const nowMs = toDate(input.now, 'now').getTime();
  const weekEndMs = nowMs + 7 * DAY_MS;
  const questions = input.questions;
  const bankIndex = new Map(questions.map((q, i) => [q.id, i]));
  const byId = new Map(questions.map((q) => [q.id, q]));

  const attempts = input.attempts
    .filter((a) => bankIndex.has(a.questionId) && ms(a.at) <= nowMs)
    .sort((a, b) => ms(a.at) - ms(b.at) || a.questionId.localeCompare(b.questionId));
  const lastAttempt = new Map<Id, PracticeAttemptFact>();
  for (const a of attempts) lastAttempt.set(a.questionId, a);
  const cardOf = new Map(input.cards.map((c) => [c.questionId, c]));

  const recentlyWell = (id: Id): boolean => {
    const last = lastAttempt.get(id);
    return !!last && (last.rating ?? 0) >= GOOD_RATING && nowMs - ms(last.at) < RECENTLY_WELL_MS;
  };
  const interviews = input.upcomingInterviews
    .filter((iv) => ms(iv.at) >= nowMs)
    .sort((a, b) => ms(a.at) - ms(b.at) || a.applicationId.localeCompare(b.applicationId));
  const familiesInPlay = new Set(interviews.map((iv) => iv.roleFamily).filter((f) => f !== null));
  const usable = (q: BankQuestion): boolean => !recentlyWell(q.id);
  const inPlay = (q: BankQuestion): boolean =>
    q.family !== 'role' || (q.roleFamily !== null && familiesInPlay.has(q.roleFamily));

  /** Never answered first, then answered longest ago, then bank order. */
  const freshness = (a: BankQuestion, b: BankQuestion): number => {
    const la = lastAttempt.get(a.id);
    const lb = lastAttempt.get(b.id);
    if (!la !== !lb) return la ? 1 : -1;
    const byTime = la && lb ? ms(la.at) - ms(lb.at) : 0;
    return byTime || bankIndex.get(a.id)! - bankIndex.get(b.id)!;
  };

  // 1. Recurring themes.
  const themes = openThemes(input.recurringThemes, attempts, questions, new Date(nowMs));
  const themeGroups = themes.map((r) => {
    const preference = FAMILY_PREFERENCE[r.theme] ?? DEFAULT_PREFERENCE;
    const rank = (q: BankQuestion): number => {
      const i = preference.indexOf(q.family);
      return (i < 0 ? preference.length : i) * 2 + (q.themes[0] === r.theme ? 0 : 1);
    };
    const text = themeReasonText(r.theme, r.applications);
    return questions
      .filter((q) => q.themes.includes(r.theme) && usable(q) && inPlay(q))
      .sort((a, b) => rank(a) - rank(b) || freshness(a, b))
      .map((q) => ({ questionId: q.id, reason: { kind: 'theme' as const, theme: r.theme, text } }));
  });

  // 2. Reviews of answers not yet good.
  const openThemeSet = new Set(themes.map((t) => t.theme));
  const reviews = input.cards
    .filter((c) => byId.has(c.questionId) && c.lastRating !== null && c.lastRating < GOOD_RATING)
    .filter((c) => ms(c.due) <= weekEndMs)
    .sort((a, b) => ms(a.due) - ms(b.due) || a.questionId.localeCompare(b.questionId))
    .map((c): PracticePlanItem => {
      const theme = byId.get(c.questionId)!.themes.find((t) => openThemeSet.has(t));
      return {
        questionId: c.questionId,
        reason: {
          kind: 'review',
          ...(theme ? { theme } : {}),
          text: `You rated your last answer ${c.lastRating} of 5; it is due again.`,
        },
      };
    });

  // 3. Upcoming interviews.
  const interviewGroups = interviews.map((iv) => {
    const scored = questions
      .filter(usable)
      .map((q) => {
        const skills = matchingSkills(q, iv.skills);
        const sameFamily = q.family === 'role' && iv.roleFamily !== null && q.roleFamily === iv.roleFamily;
        return { q, skills, score: skills.length * 3 + (sameFamily ? 2 : 0) };
      })
      // Another family's role question only when the interview's family is unknown and the skills match.
      .filter(
        (s) =>
          s.score > 0 &&
          (s.q.family !== 'role' ||
            (iv.roleFamily === null ? s.skills.length > 0 : s.q.roleFamily === iv.roleFamily)),
      )
      .sort((a, b) => b.score - a.score || freshness(a.q, b.q));
    const when = whenText(ms(iv.at), nowMs);
    return scored.map(({ q, skills }): PracticePlanItem => {
      const skill = skills[0];
      const text = skill
        ? `For your ${iv.role} interview ${when}: the job asks for ${skill}.`
        : `For your ${iv.role} interview ${when}.`;
      return {
        questionId: q.id,
        reason: { kind: 'interview', applicationId: iv.applicationId, ...(skill ? { skill } : {}), text },
      };
    });
  });

  // 4. Missing skills.
  const seenSkills = new Set<string>();
  const skills = [...input.missingSkills]
    .filter((s) => s.applications > 0 && normaliseSkill(s.skill) !== '')
    .sort((a, b) => b.applications - a.applications || a.skill.localeCompare(b.skill))
    .filter((s) => {
      const key = normaliseSkill(s.skill);
      if (seenSkills.has(key)) return false;
      seenSkills.add(key);
      return true;
    });
  const skillGroups = skills.map((s) => {
    const text = `${capitalise(count(s.applications, 'job description'))} asked for ${s.skill}.`;
    // The question most about this skill first: named exactly, early in its list, with few others.
    const focus = (q: BankQuestion): number[] => {
      const own = (q.skills ?? []).map(normaliseSkill);
      const exact = own.indexOf(normaliseSkill(s.skill));
      return [exact < 0 ? 1 : 0, exact < 0 ? own.length : exact, own.length];
    };
    const byFocus = (a: BankQuestion, b: BankQuestion): number => {
      const fa = focus(a);
      const fb = focus(b);
      return fa[0]! - fb[0]! || fa[1]! - fb[1]! || fa[2]! - fb[2]!;
    };
    return questions
      .filter((q) => usable(q) && matchingSkills(q, [s.skill]).length > 0)
      .sort((a, b) => byFocus(a, b) || freshness(a, b))
      .map((q): PracticePlanItem => ({ questionId: q.id, reason: { kind: 'skill', skill: s.skill, text } }));
  });

  // 5. General questions to fill: common ones, those due on their card first, then the other families.
  const GENERAL_ORDER: readonly QuestionFamily[] = ['common', 'motivation', 'behavioural', 'situational'];
  const dueSoon = (q: BankQuestion): boolean => {
    const card = cardOf.get(q.id);
    return !!card && ms(card.due) <= weekEndMs;
  };
  const general = questions
    .filter((q) => usable(q) && GENERAL_ORDER.includes(q.family))
    .sort(
      (a, b) =>
        GENERAL_ORDER.indexOf(a.family) - GENERAL_ORDER.indexOf(b.family) ||
        Number(dueSoon(b)) - Number(dueSoon(a)) ||
        freshness(a, b),
    )
    .map((q): PracticePlanItem => ({
      questionId: q.id,
      reason: {
        kind: 'general',
        text: dueSoon(q)
          ? 'A question asked in most interviews, due for a refresher.'
          : 'A question asked in most interviews.',
      },
    }));

  // Places per tier, in sevenths of the plan: a first share each, then what is left goes to the
  // tiers in order, each up to its ceiling (so a lone theme does not fill the whole week).
  const share = (sevenths: number): number => Math.round((size * sevenths) / 7);
  const ceiling = (sevenths: number): number => Math.ceil((size * sevenths) / 7);
  const tiers: { picker: TierPicker; first: number; max: number }[] = [
    { picker: new TierPicker(0, themeGroups), first: share(3), max: ceiling(5) },
    { picker: new TierPicker(1, [reviews]), first: share(1), max: ceiling(3) },
    { picker: new TierPicker(2, interviewGroups), first: share(2), max: ceiling(4) },
    { picker: new TierPicker(3, skillGroups), first: share(1), max: ceiling(2) },
    { picker: new TierPicker(4, [general]), first: 0, max: size },
  ];

  const used = new Set<Id>();
  const picks: PlannedPick[] = [];
  const taken = tiers.map(() => 0);
  const take = (t: number, limit: number): void => {
    const tier = tiers[t]!;
    while (taken[t]! < limit && picks.length < size) {
      const next = tier.picker.next(used);
      if (!next) return;
      used.add(next.item.questionId);
      picks.push({ item: next.item, tier: tier.picker.tier, group: next.group, seq: picks.length });
      taken[t]! += 1;
    }
  };
  tiers.forEach((tier, t) => take(t, tier.first));
  tiers.forEach((tier, t) => take(t, tier.max));

  return picks.sort((a, b) => a.tier - b.tier || a.group - b.group || a.seq - b.seq).map((p) => p.item);
}

// ---------------------------------------------------------------------------------------------------
// Progress

export interface ThemeWeek {
  /** ISO week, e.g. "2026-W10". */
  week: string;
  attempts: number;
  averageRating: number | null;
}

export interface ThemeProgress {
  theme: FeedbackTheme;
  /** Attempts on questions that train the theme, rated or not. */
  attempts: number;
  rated: number;
  /** Mean rating, one decimal; null when nothing is rated. */
  averageRating: number | null;
  /** Weeks with attempts, oldest first. */
  weeks: ThemeWeek[];
  /** First rated week against the last: a change of half a point or more counts. */
  trend: 'improving' | 'steady' | 'declining' | null;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : round1(values.reduce((a, b) => a + b, 0) / values.length);

/**
 * Practice per theme for a progress view: each theme with attempts on questions that train it, in the
 * order of the theme list, with its ISO weeks (in `timeZone`, UTC by default).
 */
export function themeProgress(
  attempts: readonly PracticeAttemptFact[],
  questions: readonly BankQuestion[],
  timeZone = 'UTC',
): ThemeProgress[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const perTheme = new Map<FeedbackTheme, Map<string, PracticeAttemptFact[]>>();
  for (const a of [...attempts].sort((x, y) => ms(x.at) - ms(y.at))) {
    const q = byId.get(a.questionId);
    if (!q) continue;
    const dt = DateTime.fromISO(a.at, { zone: 'utc' }).setZone(timeZone);
    if (!dt.isValid) throw invalidInput(`"${a.at}" is not a valid time, or "${timeZone}" not a time zone`);
    const week = `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
    for (const theme of new Set(q.themes)) {
      const weeks = perTheme.get(theme) ?? new Map<string, PracticeAttemptFact[]>();
      perTheme.set(theme, weeks);
      weeks.set(week, [...(weeks.get(week) ?? []), a]);
    }
  }
  const out: ThemeProgress[] = [];
  for (const theme of FEEDBACK_THEMES) {
    const weeksMap = perTheme.get(theme);
    if (!weeksMap) continue;
    const weeks = [...weeksMap.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, list]) => ({
        week,
        attempts: list.length,
        averageRating: mean(list.flatMap((a) => (a.rating === null ? [] : [a.rating]))),
      }));
    const all = [...weeksMap.values()].flat();
    const ratings = all.flatMap((a) => (a.rating === null ? [] : [a.rating]));
    const ratedWeeks = weeks.filter((w) => w.averageRating !== null);
    let trend: ThemeProgress['trend'] = null;
    if (ratedWeeks.length >= 2) {
      const change = ratedWeeks.at(-1)!.averageRating! - ratedWeeks[0]!.averageRating!;
      trend = change >= 0.5 ? 'improving' : change <= -0.5 ? 'declining' : 'steady';
    }
    out.push({
      theme,
      attempts: all.length,
      rated: ratings.length,
      averageRating: mean(ratings),
      weeks,
      trend,
    });
  }
  return out;
}
