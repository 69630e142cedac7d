/**
 * One answer to a practice question, as stored (DESIGN.md §2, practice 11): when it was given, the
 * rubric scores and the overall rating, the seeker's notes, how long it took, and who rated it — the
 * seeker, or a friend, relative or former supervisor running a mock interview.
 */
import type { Id, Instant } from './model.js';
import type { PracticeRating, RubricScores } from './practice.js';

export const RATERS = ['self', 'friend'] as const;
export type Rater = (typeof RATERS)[number];

export interface PracticeAttemptRecord {
  id: Id;
  questionId: Id;
  at: Instant;
  /** The overall rating (overallRating of the scores, or given directly). */
  rating: PracticeRating;
  /** Rubric criterion → 1..5; empty when only an overall rating was given. */
  scores: RubricScores;
  /** What the seeker typed as their answer or notes. */
  answer: string | null;
  /** How long the spoken answer took. */
  seconds: number | null;
  ratedBy: Rater;
  /** The friend's name, when a friend rated it. */
  raterName: string | null;
  /** Why the question was in the week's plan when it was answered. */
  reason: string | null;
}
