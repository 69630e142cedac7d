/**
 * Feedback from interviewers: stored with its themes (the closed list of DESIGN.md §2), each with
 * its polarity and the sentence that carries it. Recording feedback closes the nudge for it.
 */
import { invalidInput } from '../domain/errors.js';
import type { Feedback, Id } from '../domain/model.js';
import { parseUserTime } from '../domain/time.js';
import { tagFeedback, themesOf } from '../text/feedback.js';
import { inTransaction, reposOf, type Context } from './context.js';
import { resolveApplicationId } from './lookups.js';
import { replanApplication, replanInsightSteps } from './playbook.js';

export interface FeedbackInput {
  text?: unknown;
  from?: unknown;
  at?: unknown;
}

export async function addFeedback(ctx: Context, idOrPrefix: string, input: FeedbackInput): Promise<Feedback> {
  if (typeof input.text !== 'string' || !input.text.trim())
    throw invalidInput('text: give the feedback in their words');
  if (input.text.length > 50_000) throw invalidInput('text: at most 50,000 characters');
  if (input.from != null && typeof input.from !== 'string') throw invalidInput('from: a name');
  const receivedAt =
    typeof input.at === 'string' && input.at
      ? parseUserTime(input.at, ctx.user.timeZone, 'feedback time')
      : ctx.now();
  if (receivedAt > ctx.now()) throw invalidInput('the feedback time is in the future');
  const text = input.text.trim();
  const themes = tagFeedback(text).map((t) => ({
    theme: t.theme,
    polarity: t.polarity,
    sentence: t.sentence,
  }));
  return inTransaction(ctx, async (repos) => {
    const applicationId = await resolveApplicationId(repos, idOrPrefix);
    const name = typeof input.from === 'string' ? input.from.trim() || null : null;
    const contact = name
      ? (await repos.contacts.forApplication(applicationId)).find(
          (c) => c.name.toLowerCase() === name.toLowerCase(),
        )
      : undefined;
    const feedback: Feedback = {
      id: ctx.newId(),
      applicationId,
      text,
      fromContactId: contact?.id ?? null,
      fromName: contact ? null : name,
      themes,
      receivedAt,
    };
    await repos.feedback.save(feedback);
    await replanApplication(repos, ctx, applicationId);
    await replanInsightSteps(repos, ctx);
    return feedback;
  });
}

export async function listFeedback(ctx: Context, idOrPrefix?: string): Promise<Feedback[]> {
  const repos = reposOf(ctx);
  if (!idOrPrefix) return repos.feedback.all();
  return repos.feedback.forApplication(await resolveApplicationId(repos, idOrPrefix));
}

/** Themes only, writing nothing (for evaluation): {id, themes}. */
export function classifyFeedback(items: { id: Id; text: string }[]): { id: Id; themes: string[] }[] {
  return items.map((i) => ({ id: i.id, themes: themesOf(i.text) }));
}
