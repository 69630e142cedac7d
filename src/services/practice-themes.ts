/**
 * Which recurring themes the seeker's practice has already met, so the weekly practice step moves
 * on (DESIGN.md §2, practices 8 and 11). A theme is recurring when feedback in 2+ applications
 * raised it as something to work on; it is met when the latest practice on it, after the latest such
 * feedback, is good enough by the core's rule (isThemeMet).
 */
import { PRACTICE_THEMES } from '../domain/insight-steps.js';
import type { Feedback, FeedbackTheme, Id, Instant } from '../domain/model.js';
import { isThemeMet, type PracticeAttemptFact, type RecurringTheme } from '../domain/practice.js';
import { PRACTICE_QUESTIONS } from '../text/practice-questions.js';
import type { Repositories } from '../store/index.js';

export interface ThemeRaised {
  applicationId: Id;
  sentence: string;
  at: Instant;
}

export interface FeedbackThemeFacts extends RecurringTheme {
  /** Where the feedback raised it, oldest first. */
  raisedBy: ThemeRaised[];
}

/** Negative themes across the stored feedback: applications, mentions, the latest, and where. */
export function feedbackThemeFacts(feedback: readonly Feedback[]): FeedbackThemeFacts[] {
  const byTheme = new Map<FeedbackTheme, FeedbackThemeFacts & { apps: Set<Id> }>();
  const sorted = [...feedback].sort((a, b) =>
    a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id.localeCompare(b.id),
  );
  for (const f of sorted) {
    for (const t of f.themes) {
      if (t.polarity !== 'negative' || t.theme === 'positive') continue;
      const entry = byTheme.get(t.theme) ?? {
        theme: t.theme,
        applications: 0,
        negative: 0,
        raisedBy: [],
        apps: new Set<Id>(),
      };
      entry.negative += 1;
      entry.apps.add(f.applicationId);
      entry.applications = entry.apps.size;
      entry.latestAt = f.receivedAt;
      entry.raisedBy.push({ applicationId: f.applicationId, sentence: t.sentence, at: f.receivedAt });
      byTheme.set(t.theme, entry);
    }
  }
  return [...byTheme.values()].map(({ apps: _apps, ...rest }) => rest);
}

export const attemptFacts = (
  attempts: readonly { questionId: Id; at: Instant; rating: number | null }[],
): PracticeAttemptFact[] => attempts.map((a) => ({ questionId: a.questionId, at: a.at, rating: a.rating }));

/** The recurring practice themes whose practice is done, at `now`. */
export async function metPracticeThemes(repos: Repositories, now: Instant): Promise<FeedbackTheme[]> {
  const recurring = feedbackThemeFacts(await repos.feedback.all()).filter(
    (t) => t.applications >= 2 && PRACTICE_THEMES.includes(t.theme),
  );
  if (recurring.length === 0) return [];
  const attempts = attemptFacts(await repos.practiceAttempts.all());
  return recurring
    .filter((t) => isThemeMet(t.theme, attempts, PRACTICE_QUESTIONS, now, t.latestAt))
    .map((t) => t.theme);
}
