/**
 * Which recurring themes the seeker's practice has already met, so the weekly practice step moves
 * on. Until interview practice is recorded (issue 7) nothing is met.
 */
import type { FeedbackTheme } from '../domain/model.js';
import type { Repositories } from '../store/index.js';

export async function metPracticeThemes(_repos: Repositories): Promise<FeedbackTheme[]> {
  return [];
}
