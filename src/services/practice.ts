/**
 * Interview practice as use-cases (DESIGN.md §2, practice 11): the question bank, the week's plan
 * aimed at what the feedback said, the upcoming interviews and the missing skills; answers stored
 * with their rubric scores, each question's spaced-repetition card moved on, and the practice step
 * replanned; the STAR check of a typed answer; progress per theme, linked back to the feedback that
 * prompted it.
 */
import { invalidInput } from '../domain/errors.js';
import { THEME_LABELS } from '../domain/insights.js';
import { PRACTICE_THEMES } from '../domain/insight-steps.js';
import { FEEDBACK_THEMES, type FeedbackTheme, type Id, type Instant } from '../domain/model.js';
import {
  overallRating,
  planPracticeWeek,
  QUESTION_FAMILIES,
  reviewPractice,
  RUBRIC,
  RUBRIC_CRITERIA,
  openThemes,
  themeProgress,
  type BankQuestion,
  type PlanReason,
  type PracticeCard,
  type PracticeRating,
  type QuestionFamily,
  type RubricCriterion,
  type RubricScores,
  type ThemeProgress,
  type UpcomingInterview,
} from '../domain/practice.js';
import { RATERS, type PracticeAttemptRecord, type Rater } from '../domain/practice-attempt.js';
import { ROLE_FAMILIES, roleFamilyOf, type RoleFamily } from '../domain/role-family.js';
import { isClosingStage } from '../domain/stages.js';
import { PRACTICE_QUESTIONS, questionById, questionsFor } from '../text/practice-questions.js';
import { checkStar, type StarCheck } from '../text/star.js';
import { skillsOf } from '../text/skills.js';
import type { Repositories } from '../store/index.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { insightStepFacts } from './insights.js';
import { replanInsightSteps } from './playbook.js';
import { attemptFacts, feedbackThemeFacts, type FeedbackThemeFacts } from './practice-themes.js';

const DAY_MS = 86_400_000;
/** Interviews this close are prepared for in the week's plan. */
const UPCOMING_DAYS = 7;
const MAX_ANSWER = 20_000;
const MAX_SECONDS = 2 * 60 * 60;

// ---------------------------------------------------------------------------------------------------
// Questions

export interface QuestionView {
  id: Id;
  text: string;
  family: QuestionFamily;
  roleFamily: RoleFamily | null;
  themes: FeedbackTheme[];
  /** What a strong answer shows. */
  strong: string;
  skills: string[];
}

const questionView = (q: BankQuestion): QuestionView => ({
  id: q.id,
  text: q.text,
  family: q.family,
  roleFamily: q.roleFamily,
  themes: [...q.themes],
  strong: q.strong,
  skills: [...(q.skills ?? [])],
});

export interface QuestionQuery {
  theme?: unknown;
  /** A question family (behavioural, situational, …) or a job family (software, healthcare, …). */
  family?: unknown;
}

/** The bank, filtered by a feedback theme and a question or job family. */
export function practiceQuestions(query: QuestionQuery = {}): QuestionView[] {
  const theme = query.theme === undefined || query.theme === '' ? undefined : query.theme;
  const family = query.family === undefined || query.family === '' ? undefined : query.family;
  if (theme !== undefined && !(FEEDBACK_THEMES as readonly unknown[]).includes(theme))
    throw invalidInput(`theme: one of ${FEEDBACK_THEMES.join(', ')}; not "${String(theme)}"`);
  if (
    family !== undefined &&
    !(QUESTION_FAMILIES as readonly unknown[]).includes(family) &&
    !(ROLE_FAMILIES as readonly unknown[]).includes(family)
  )
    throw invalidInput(
      `family: a question family (${QUESTION_FAMILIES.join(', ')}) or a job family (${ROLE_FAMILIES.join(', ')}); not "${String(family)}"`,
    );
  const isQuestionFamily = (QUESTION_FAMILIES as readonly unknown[]).includes(family);
  return questionsFor({
    ...(theme !== undefined ? { theme: theme as FeedbackTheme } : {}),
    ...(family !== undefined && isQuestionFamily ? { family: family as QuestionFamily } : {}),
    ...(family !== undefined && !isQuestionFamily ? { roleFamily: family as RoleFamily } : {}),
  }).map(questionView);
}

function knownQuestion(id: unknown): BankQuestion {
  if (typeof id !== 'string' || !id.trim())
    throw invalidInput('questionId: name the question (onward practice questions lists them)');
  const q = questionById(id.trim());
  if (!q) throw invalidInput(`no practice question "${id.trim()}": onward practice questions lists the ids`);
  return q;
}

// ---------------------------------------------------------------------------------------------------
// The week's plan

export interface ThemeView {
  theme: FeedbackTheme;
  label: string;
  /** Applications whose feedback raised it as something to work on. */
  applications: number;
  negative: number;
  /** Recurring (2+ applications) and not yet met by practice: the plan works on it. */
  open: boolean;
  /** Recurring and met by practice (the latest three good answers, a day or more apart). */
  met: boolean;
  raisedBy: { applicationId: Id; company: string; role: string; sentence: string; at: Instant }[];
}

export interface InterviewView {
  applicationId: Id;
  company: string;
  role: string;
  at: Instant;
  roleFamily: RoleFamily | null;
  skills: string[];
}

export interface PlanItemView {
  question: QuestionView;
  reason: PlanReason;
  attempts: number;
  lastRating: PracticeRating | null;
  lastAt: Instant | null;
  /** When its card brings it back; null for a question never answered. */
  due: Instant | null;
}

export interface PracticePlanView {
  now: Instant;
  items: PlanItemView[];
  /** The feedback themes practice can train, recurring ones first. */
  themes: ThemeView[];
  interviews: InterviewView[];
  missingSkills: { skill: string; applications: number }[];
  rubric: readonly RubricCriterion[];
}

interface PracticeFacts {
  now: Instant;
  themes: FeedbackThemeFacts[];
  interviews: InterviewView[];
  missingSkills: { skill: string; applications: number }[];
  cards: PracticeCard[];
  attempts: PracticeAttemptRecord[];
  apps: Map<Id, { company: string; role: string }>;
}

async function gatherFacts(repos: Repositories, userId: string, now: Instant): Promise<PracticeFacts> {
  const [feedback, interviews, rows, cards, attempts, steps] = await Promise.all([
    repos.feedback.all(),
    repos.interviews.all(),
    repos.applications.list({}),
    repos.practiceCards.all(),
    repos.practiceAttempts.all(),
    insightStepFacts(repos, userId),
  ]);
  const apps = new Map(rows.map((a) => [a.id, a]));
  const nowMs = Date.parse(now);
  const upcoming: InterviewView[] = [];
  for (const iv of interviews) {
    const at = Date.parse(iv.at);
    if (at < nowMs || at >= nowMs + UPCOMING_DAYS * DAY_MS) continue;
    const app = apps.get(iv.applicationId);
    if (!app || isClosingStage(app.stage)) continue;
    upcoming.push({
      applicationId: app.id,
      company: app.companyName,
      role: app.role,
      at: iv.at,
      roleFamily: roleFamilyOf(app.role),
      skills: app.jobDescription ? skillsOf(app.jobDescription).map((s) => s.label.toLowerCase()) : [],
    });
  }
  upcoming.sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.applicationId.localeCompare(b.applicationId),
  );
  return {
    now,
    themes: feedbackThemeFacts(feedback),
    interviews: upcoming,
    missingSkills: steps.skillGaps.map((g) => ({ skill: g.label, applications: g.applications })),
    cards: cards.map((c) => c.card),
    attempts,
    apps: new Map(rows.map((a) => [a.id, { company: a.companyName, role: a.role }])),
  };
}

function themeViews(facts: PracticeFacts): ThemeView[] {
  const attempts = attemptFacts(facts.attempts);
  const open = new Set(openThemes(facts.themes, attempts, PRACTICE_QUESTIONS, facts.now).map((t) => t.theme));
  const trainable = (t: FeedbackTheme) => t !== 'competition' && t !== 'positive';
  return facts.themes
    .filter((t) => trainable(t.theme))
    .map((t): ThemeView => {
      const recurring = t.applications >= 2;
      return {
        theme: t.theme,
        label: THEME_LABELS[t.theme],
        applications: t.applications,
        negative: t.negative,
        open: open.has(t.theme),
        met: recurring && !open.has(t.theme),
        raisedBy: t.raisedBy.map((r) => ({
          ...r,
          company: facts.apps.get(r.applicationId)?.company ?? '—',
          role: facts.apps.get(r.applicationId)?.role ?? '—',
        })),
      };
    })
    .sort(
      (a, b) =>
        Number(b.open) - Number(a.open) ||
        b.applications - a.applications ||
        b.negative - a.negative ||
        FEEDBACK_THEMES.indexOf(a.theme) - FEEDBACK_THEMES.indexOf(b.theme),
    );
}

function planOf(facts: PracticeFacts, size?: number): PlanItemView[] {
  const upcoming: UpcomingInterview[] = facts.interviews.map((iv) => ({
    applicationId: iv.applicationId,
    at: iv.at,
    role: iv.role,
    roleFamily: iv.roleFamily,
    skills: iv.skills,
  }));
  const plan = planPracticeWeek({
    now: facts.now,
    ...(size !== undefined ? { size } : {}),
    questions: PRACTICE_QUESTIONS,
    recurringThemes: facts.themes,
    upcomingInterviews: upcoming,
    missingSkills: facts.missingSkills,
    cards: facts.cards,
    attempts: attemptFacts(facts.attempts),
  });
  const cardOf = new Map(facts.cards.map((c) => [c.questionId, c]));
  return plan.map((item) => {
    const mine = facts.attempts.filter((a) => a.questionId === item.questionId);
    const last = mine.at(-1);
    return {
      question: questionView(questionById(item.questionId)!),
      reason: item.reason,
      attempts: mine.length,
      lastRating: last?.rating ?? null,
      lastAt: last?.at ?? null,
      due: cardOf.get(item.questionId)?.due ?? null,
    };
  });
}

/** This week's practice: what to answer, and why each question is there. */
export async function practicePlan(
  ctx: Context,
  options: { size?: unknown } = {},
): Promise<PracticePlanView> {
  let size: number | undefined;
  if (options.size !== undefined && options.size !== '') {
    const n = typeof options.size === 'string' ? Number(options.size) : options.size;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 30)
      throw invalidInput('size: how many questions, a whole number from 1 to 30');
    size = n;
  }
  const facts = await gatherFacts(reposOf(ctx), ctx.user.id, ctx.now());
  return {
    now: facts.now,
    items: planOf(facts, size),
    themes: themeViews(facts),
    interviews: facts.interviews,
    missingSkills: facts.missingSkills,
    rubric: RUBRIC,
  };
}

// ---------------------------------------------------------------------------------------------------
// Answers

export interface AttemptInput {
  questionId?: unknown;
  /** Rubric criterion → 1..5; the overall rating is their mean. */
  scores?: unknown;
  /** An overall rating 1..5, when the criteria are not scored one by one. */
  rating?: unknown;
  answer?: unknown;
  seconds?: unknown;
  ratedBy?: unknown;
  raterName?: unknown;
}

export interface AttemptResult {
  attempt: PracticeAttemptRecord;
  /** When the question comes back. */
  card: PracticeCard;
  /** Recurring themes met by practice so far (the practice step stops asking for them). */
  metThemes: FeedbackTheme[];
}

function checkScores(raw: unknown): RubricScores {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw invalidInput(`scores: an object of criterion → 1..5 (${RUBRIC_CRITERIA.join(', ')})`);
  const scores: RubricScores = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(RUBRIC_CRITERIA as readonly string[]).includes(key))
      throw invalidInput(`scores: no rubric criterion "${key}"; use ${RUBRIC_CRITERIA.join(', ')}`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
      throw invalidInput(`scores: ${key} must be a whole number from 1 to 5, not ${JSON.stringify(value)}`);
    scores[key as keyof RubricScores] = value;
  }
  return scores;
}

function checkRating(raw: unknown): PracticeRating {
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 5)
    throw invalidInput(`rating: a whole number from 1 (weak) to 5 (strong), not ${JSON.stringify(raw)}`);
  return n as PracticeRating;
}

function checkOptionalText(raw: unknown, what: string, max: number): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw invalidInput(`${what}: text`);
  if (raw.length > max) throw invalidInput(`${what}: at most ${max.toLocaleString('en')} characters`);
  return raw.trim() || null;
}

function checkSeconds(raw: unknown): number | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const n = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_SECONDS)
    throw invalidInput('seconds: how long the answer took, a whole number from 0 to 7200');
  return n;
}

/** Validates an answer in full before anything is written. */
function readAttempt(input: AttemptInput) {
  const question = knownQuestion(input.questionId);
  const scores = checkScores(input.scores);
  const given = Object.keys(scores).length > 0;
  let rating: PracticeRating;
  if (input.rating !== undefined && input.rating !== null && input.rating !== '') {
    rating = checkRating(input.rating);
  } else if (given) {
    rating = overallRating(scores);
  } else {
    throw invalidInput('give a rating from 1 to 5, or scores for the rubric criteria');
  }
  const ratedBy = input.ratedBy === undefined || input.ratedBy === null ? 'self' : input.ratedBy;
  if (!(RATERS as readonly unknown[]).includes(ratedBy))
    throw invalidInput(`ratedBy: ${RATERS.join(' or ')}, not ${JSON.stringify(ratedBy)}`);
  const raterName = checkOptionalText(input.raterName, 'raterName', 100);
  if (raterName && ratedBy !== 'friend') throw invalidInput('raterName: only for a rating by a friend');
  return {
    question,
    scores,
    rating,
    answer: checkOptionalText(input.answer, 'answer', MAX_ANSWER),
    seconds: checkSeconds(input.seconds),
    ratedBy: ratedBy as Rater,
    raterName,
  };
}

/**
 * Stores an answer and its rating, moves the question's card on (a weak answer comes back the next
 * day, a strong one days or weeks later) and replans the practice step — all in one transaction.
 */
export async function recordPracticeAttempt(ctx: Context, input: AttemptInput): Promise<AttemptResult> {
  const checked = readAttempt(input);
  const now = ctx.now();
  return inTransaction(ctx, async (repos) => {
    const facts = await gatherFacts(repos, ctx.user.id, now);
    const inPlan = planOf(facts).find((i) => i.question.id === checked.question.id);
    const attempt: PracticeAttemptRecord = {
      id: ctx.newId(),
      questionId: checked.question.id,
      at: now,
      rating: checked.rating,
      scores: checked.scores,
      answer: checked.answer,
      seconds: checked.seconds,
      ratedBy: checked.ratedBy,
      raterName: checked.raterName,
      reason: inPlan?.reason.text ?? null,
    };
    await repos.practiceAttempts.save(attempt);
    const card = reviewPractice(
      (await repos.practiceCards.get(checked.question.id)) ?? null,
      checked.rating,
      now,
      checked.question.id,
    );
    await repos.practiceCards.save(card, now);
    await replanInsightSteps(repos, ctx);
    const after = themeViews({ ...facts, attempts: [...facts.attempts, attempt] });
    return { attempt, card, metThemes: after.filter((t) => t.met).map((t) => t.theme) };
  });
}

export async function listPracticeAttempts(ctx: Context): Promise<PracticeAttemptRecord[]> {
  return reposOf(ctx).practiceAttempts.all();
}

/** The STAR check of a typed answer, for the live check while practising. */
export function practiceStarCheck(answer: unknown): StarCheck {
  if (typeof answer !== 'string') throw invalidInput('answer: the text of the answer');
  if (answer.length > MAX_ANSWER) throw invalidInput('answer: at most 20,000 characters');
  return checkStar(answer);
}

// ---------------------------------------------------------------------------------------------------
// Progress

export interface ThemeProgressView extends ThemeProgress {
  label: string;
  /** Whether feedback raised it (and in how many applications). */
  applications: number;
  open: boolean;
  met: boolean;
  raisedBy: ThemeView['raisedBy'];
}

export interface PracticeProgressView {
  now: Instant;
  totals: { attempts: number; questions: number; byFriend: number; lastSevenDays: number };
  /** Themes raised by feedback first, then the others practised. */
  themes: ThemeProgressView[];
  /** The latest answers, newest first. */
  recent: (PracticeAttemptRecord & { questionText: string })[];
}

export async function practiceProgress(ctx: Context): Promise<PracticeProgressView> {
  const repos = reposOf(ctx);
  const now = ctx.now();
  const facts = await gatherFacts(repos, ctx.user.id, now);
  const views = new Map(themeViews(facts).map((t) => [t.theme, t]));
  const progress = themeProgress(attemptFacts(facts.attempts), PRACTICE_QUESTIONS, ctx.user.timeZone);
  // A theme the feedback raised but not practised yet is shown too, at zero.
  for (const v of views.values())
    if (!progress.some((p) => p.theme === v.theme))
      progress.push({ theme: v.theme, attempts: 0, rated: 0, averageRating: null, weeks: [], trend: null });
  const themes = progress
    .map((p): ThemeProgressView => {
      const v = views.get(p.theme);
      return {
        ...p,
        label: THEME_LABELS[p.theme],
        applications: v?.applications ?? 0,
        open: v?.open ?? false,
        met: v?.met ?? false,
        raisedBy: v?.raisedBy ?? [],
      };
    })
    // Themes raised in feedback come first (the reason the practice is there), then the rest.
    .sort(
      (a, b) =>
        b.applications - a.applications ||
        Number(PRACTICE_THEMES.includes(b.theme)) - Number(PRACTICE_THEMES.includes(a.theme)) ||
        FEEDBACK_THEMES.indexOf(a.theme) - FEEDBACK_THEMES.indexOf(b.theme),
    );
  const nowMs = Date.parse(now);
  return {
    now,
    totals: {
      attempts: facts.attempts.length,
      questions: new Set(facts.attempts.map((a) => a.questionId)).size,
      byFriend: facts.attempts.filter((a) => a.ratedBy === 'friend').length,
      lastSevenDays: facts.attempts.filter((a) => nowMs - Date.parse(a.at) < 7 * DAY_MS).length,
    },
    themes,
    recent: [...facts.attempts]
      .reverse()
      .slice(0, 20)
      .map((a) => ({ ...a, questionText: questionById(a.questionId)?.text ?? a.questionId })),
  };
}
