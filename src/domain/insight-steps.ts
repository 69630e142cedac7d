/**
 * Steps that come from the whole history rather than one application (practices 8, 9, 11, 14):
 * weekly practice while a recurring theme is open, learning for recurring gaps in skills or
 * experience, and a look at the search when the counts say something. Keyed like the other steps,
 * so running the playbook again finds them instead of adding more.
 */
import { addCalendarDays, localDate, startOfLocalDay } from './calendar.js';
import { THEME_LABELS, type Suggestion } from './insights.js';
import type { FeedbackTheme, Instant } from './model.js';
import { onBusinessDay, weekStart, type PlannedStep } from './playbook.js';
import { businessCalendar, type PlaybookSettings } from './settings.js';

/** Themes practice can train: how an answer is given. */
export const PRACTICE_THEMES: readonly FeedbackTheme[] = [
  'communication',
  'examples_evidence',
  'preparation_research',
  'motivation_enthusiasm',
  'questions_asked',
  'culture_fit',
  'salary_expectations',
  'leadership',
];
/** Themes that call for learning: what there is to show. */
export const LEARN_THEMES: readonly FeedbackTheme[] = ['technical_skills', 'experience', 'leadership'];

export interface InsightStepFacts {
  /** Negative themes seen in 2+ applications, with when they became recurring. */
  recurringThemes: { theme: FeedbackTheme; since: Instant; applications: number }[];
  /** Themes the seeker's practice has met (several good answers in a row); practice moves on. */
  metThemes: readonly FeedbackTheme[];
  /** Skills missing from the résumé in 2+ rejected job descriptions, most asked-for first. */
  skillGaps: { id: string; label: string; applications: number; lastRejectedAt: Instant | null }[];
  /** Skills that already have a learning goal: no step needed. */
  skillsWithGoals: readonly string[];
  suggestions: readonly Suggestion[];
}

/** Learning steps for skills: the few most asked-for, so Today stays short. */
const MAX_SKILL_STEPS = 3;

const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export function planInsightSteps(
  facts: InsightStepFacts,
  settings: PlaybookSettings,
  timeZone: string,
  now: Instant,
): PlannedStep[] {
  const cal = businessCalendar(settings, timeZone);
  const today = onBusinessDay(startOfLocalDay(localDate(now, timeZone), timeZone), cal);
  const within = (from: Instant) =>
    onBusinessDay(addCalendarDays(from, settings.learnWithinDays, timeZone), cal);
  const steps: PlannedStep[] = [];

  const open = facts.recurringThemes.filter(
    (t) => PRACTICE_THEMES.includes(t.theme) && !facts.metThemes.includes(t.theme),
  );
  if (open.length > 0) {
    const week = weekStart(now, timeZone);
    const names = open.map((t) => THEME_LABELS[t.theme].toLowerCase());
    steps.push({
      key: `practice:${week}`,
      kind: 'practice',
      applicationId: null,
      due: today,
      allDay: true,
      why: `Feedback from more than one application pointed at ${list(names)}: a short practice this week works on exactly that.`,
      rule: 'practice: weekly while a recurring feedback theme is open (seen negative in 2+ applications)',
      needs: [],
      contactId: null,
      subject: list(names),
    });
  }

  for (const t of facts.recurringThemes) {
    if (!LEARN_THEMES.includes(t.theme)) continue;
    steps.push({
      key: `learn:theme:${t.theme}`,
      kind: 'learn',
      applicationId: null,
      due: within(t.since),
      allDay: true,
      why: `${t.applications} applications' feedback pointed at ${THEME_LABELS[t.theme].toLowerCase()}: choose one course, project or volunteering that builds it.`,
      rule: `learn: within ${settings.learnWithinDays} days of a theme turning recurring`,
      needs: [],
      contactId: null,
      subject: THEME_LABELS[t.theme].toLowerCase(),
    });
  }

  const gaps = facts.skillGaps
    .filter((g) => g.applications >= 2 && !facts.skillsWithGoals.includes(g.id))
    .slice(0, MAX_SKILL_STEPS);
  for (const g of gaps) {
    steps.push({
      key: `learn:skill:${g.id}`,
      kind: 'learn',
      applicationId: null,
      due: within(g.lastRejectedAt ?? now),
      allDay: true,
      why: `${g.applications} job descriptions you were turned down for asked for ${g.label}, and your résumé does not show it yet: set a learning goal for it.`,
      rule: `learn: within ${settings.learnWithinDays} days, for a skill missing in 2+ rejected applications`,
      needs: [],
      contactId: null,
      subject: g.label,
    });
  }

  for (const s of facts.suggestions) {
    steps.push({
      key: `refine_search:${s.dimension}:${s.value}:${s.better ? 'more' : 'less'}`,
      kind: 'refine_search',
      applicationId: null,
      due: today,
      allDay: true,
      why: `${s.text} ${s.basis}`,
      rule: 'refine_search: when 5+ outcomes exist and one group differs clearly from the rest',
      needs: [],
      contactId: null,
      subject: s.label,
    });
  }
  return steps;
}
