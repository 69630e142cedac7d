/** A step in the seeker's words, for lists, reminders and calendars. */
import type { StepKind } from './model.js';

const TITLES: Record<StepKind, (company: string, person: string | null, subject: string | null) => string> = {
  interview_thanks: (c, p) => `Thank ${p ?? 'the interviewers'} at ${c}`,
  follow_up: (c) => `Follow up with ${c} on the timeline`,
  rejection_reply: (c) => `Reply to ${c} and ask for feedback`,
  feedback_nudge: (c) => `Gently nudge ${c} about feedback`,
  mood_checkin: () => 'Check in with yourself',
  reflect: (c) => `Reflect on the ${c} process`,
  practice: (_c, _p, s) => (s ? `Practise interview answers: ${s}` : 'Practise interview answers'),
  learn: (_c, _p, s) => (s ? `Plan how to build up ${s}` : 'Work on a skill gap'),
  polish_resume: (c) => `Polish your CV against the ${c} job description`,
  connect: (c, p) => `Connect with ${p ?? 'them'} (${c})`,
  stay_in_touch: (c, p) => `Stay in touch with ${p ?? c}`,
  apply_more: () => 'Apply to a few more roles this week',
  offer_feedback: (c) => `Ask ${c} what went well`,
  log_feedback: (c) => `Record the feedback from ${c}`,
  refine_search: (_c, _p, s) =>
    s ? `Look at what your search says about ${s}` : 'Look at what your search is telling you',
};

export function stepTitle(
  kind: StepKind,
  company: string | null,
  person: string | null = null,
  subject: string | null = null,
): string {
  return TITLES[kind](company ?? 'them', person, subject);
}
