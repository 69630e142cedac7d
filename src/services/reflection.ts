/**
 * The seeker's side of a "no": how they feel (check-ins), what they make of it (the reflection
 * checklist), and how they think each interview went (self-ratings). Each closes its step.
 */
import { invalidInput, notFound } from '../domain/errors.js';
import type { Id, Interview, MoodCheckIn, Reflection } from '../domain/model.js';
import { isReflectionQuestion, REFLECTION_QUESTIONS } from '../domain/reflection.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { resolveApplicationId } from './lookups.js';
import { markStepsDone, replanApplication } from './playbook.js';

export interface CheckInInput {
  mood?: unknown;
  note?: unknown;
  applicationId?: unknown;
}

export async function addCheckIn(ctx: Context, input: CheckInInput): Promise<MoodCheckIn> {
  const mood = input.mood;
  if (typeof mood !== 'number' || !Number.isInteger(mood) || mood < 1 || mood > 5) {
    throw invalidInput('mood: give a whole number from 1 (very low) to 5 (good)');
  }
  if (input.note != null && typeof input.note !== 'string') throw invalidInput('note: must be text');
  const note = typeof input.note === 'string' ? input.note.trim().slice(0, 5000) || null : null;
  return inTransaction(ctx, async (repos) => {
    let applicationId: Id | null = null;
    if (typeof input.applicationId === 'string' && input.applicationId) {
      applicationId = await resolveApplicationId(repos, input.applicationId);
    }
    const checkIn: MoodCheckIn = { id: ctx.newId(), applicationId, at: ctx.now(), mood, note };
    await repos.checkIns.save(checkIn);
    if (applicationId) await markStepsDone(repos, ctx, applicationId, 'mood_checkin');
    return checkIn;
  });
}

export function listCheckIns(ctx: Context): Promise<MoodCheckIn[]> {
  return reposOf(ctx).checkIns.all();
}

export function reflectionQuestions() {
  return REFLECTION_QUESTIONS.map((q) => ({ ...q }));
}

export interface ReflectionView {
  applicationId: Id;
  answers: Record<string, string>;
  lessons: string | null;
  at: string | null;
}

export async function getReflection(ctx: Context, idOrPrefix: string): Promise<ReflectionView> {
  const repos = reposOf(ctx);
  const id = await resolveApplicationId(repos, idOrPrefix);
  const r = await repos.reflections.forApplication(id);
  return { applicationId: id, answers: r?.answers ?? {}, lessons: r?.lessons ?? null, at: r?.at ?? null };
}

/** Saves the answers (replacing earlier ones); once any is given, the reflect step is done. */
export async function saveReflection(
  ctx: Context,
  idOrPrefix: string,
  input: { answers?: unknown; lessons?: unknown },
): Promise<ReflectionView> {
  if (typeof input.answers !== 'object' || input.answers === null || Array.isArray(input.answers)) {
    throw invalidInput('answers: give an object of question id → answer');
  }
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.answers)) {
    if (!isReflectionQuestion(key)) {
      throw invalidInput(
        `unknown question "${key}"; the questions are: ${REFLECTION_QUESTIONS.map((q) => q.id).join(', ')}`,
      );
    }
    if (typeof value !== 'string') throw invalidInput(`answer to ${key}: must be text`);
    if (value.length > 5000) throw invalidInput(`answer to ${key}: at most 5,000 characters`);
    if (value.trim()) answers[key] = value.trim();
  }
  if (input.lessons != null && typeof input.lessons !== 'string') throw invalidInput('lessons: must be text');
  const lessons = typeof input.lessons === 'string' ? input.lessons.trim().slice(0, 20_000) || null : null;
  return inTransaction(ctx, async (repos) => {
    const id = await resolveApplicationId(repos, idOrPrefix);
    const existing = await repos.reflections.forApplication(id);
    const reflection: Reflection = {
      id: existing?.id ?? ctx.newId(),
      applicationId: id,
      answers,
      lessons,
      at: ctx.now(),
    };
    await repos.reflections.save(reflection);
    if (Object.keys(answers).length > 0 || lessons) await markStepsDone(repos, ctx, id, 'reflect');
    return { applicationId: id, answers, lessons, at: reflection.at };
  });
}

/** The seeker's own view of an interview: a 1–5 rating and their words. */
export async function rateInterview(
  ctx: Context,
  interviewId: string,
  input: { selfRating?: unknown; selfAssessment?: unknown },
): Promise<Interview> {
  const rating = input.selfRating;
  if (
    rating !== undefined &&
    rating !== null &&
    (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5)
  ) {
    throw invalidInput('selfRating: give a whole number from 1 to 5, or null');
  }
  if (input.selfAssessment != null && typeof input.selfAssessment !== 'string') {
    throw invalidInput('selfAssessment: must be text');
  }
  return inTransaction(ctx, async (repos) => {
    const found = await repos.interviews.get(interviewId.trim().toLowerCase());
    if (!found) throw notFound('interview', interviewId);
    const next: Interview = {
      ...found,
      selfRating: rating === undefined ? found.selfRating : (rating as number | null),
      selfAssessment:
        input.selfAssessment === undefined
          ? found.selfAssessment
          : typeof input.selfAssessment === 'string'
            ? input.selfAssessment.trim().slice(0, 20_000) || null
            : null,
    };
    await repos.interviews.save(next);
    // A rating can change the plan: nobody is asked to connect with someone from a poor interview.
    await replanApplication(repos, ctx, next.applicationId);
    return next;
  });
}
