/**
 * Insights (practices 8, 9, 14, 15 and 16): what the feedback keeps saying, where the search works,
 * the funnel next to typical rates, and the progress worth noticing. Pure: the service gathers the
 * facts, this turns them into numbers and a few careful sentences.
 *
 * A rule for every sentence here: say something only when the counts carry it, and show the counts.
 */
import { localDate, startOfLocalDay } from './calendar.js';
import type { FeedbackTheme, Id, Instant, MoodCheckIn, Workplace } from './model.js';
import { weekStart } from './playbook.js';
import type { Milestone } from './progress.js';
import { roleFamilyOf, seniorityOf } from './role-family.js';
import type { Stage } from './stages.js';

/** One application, reduced to what the insights need. */
export interface InsightApplication {
  id: Id;
  company: string;
  role: string;
  source: string | null;
  location: string | null;
  workplace: Workplace | null;
  fit: number | null;
  resumeVersion: string | null;
  stage: Stage;
  /** When it was sent: the first move to applied (or its creation at applied or beyond). */
  appliedAt: Instant | null;
  /** The furthest stage of the ladder saved → accepted it ever reached. */
  reached: Stage;
  /** The first sign of life from the employer: a move past applied, a rejection, an interview, a reply. */
  firstResponseAt: Instant | null;
  /** When it closed (rejected, withdrawn, no response); null while open. */
  closedAt: Instant | null;
}

export interface InsightFeedback {
  applicationId: Id;
  receivedAt: Instant;
  themes: { theme: FeedbackTheme; polarity: 'positive' | 'negative'; sentence: string }[];
}

export interface InsightInterview {
  applicationId: Id;
  at: Instant;
  selfRating: number | null;
}

// ---------------------------------------------------------------------------------------------
// Funnel

const LADDER: readonly Stage[] = [
  'saved',
  'applied',
  'screening',
  'interviewing',
  'final',
  'offer',
  'accepted',
];
const rank = (s: Stage): number => LADDER.indexOf(s);
/** The rank of a stage on the ladder; closing stages have none. */
export const ladderRank = rank;

export const FUNNEL_STEPS = ['applied', 'response', 'interview', 'final', 'offer'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

const FUNNEL_LABELS: Record<FunnelStep, string> = {
  applied: 'Applied',
  response: 'Heard back',
  interview: 'Screening or interview',
  final: 'Final round',
  offer: 'Offer',
};

export interface FunnelRow {
  step: FunnelStep;
  label: string;
  count: number;
  /** Share of the step before (null for the first, or when the step before is empty). */
  fromPrevious: number | null;
  /** Share of all applications sent. */
  fromApplied: number | null;
}

export interface TypicalRate {
  from: FunnelStep;
  to: FunnelStep;
  label: string;
  low: number;
  high: number;
  /** The seeker's own rate over the same two steps, or null without data. */
  yours: number | null;
  /** How many applications the seeker's rate is built on. */
  basedOn: number;
  source: string;
}

/**
 * Published figures for the two conversions DESIGN.md §2 names. They describe employers' funnels and
 * vary a lot by field and year; they are shown for perspective, never as a target.
 */
export const TYPICAL_RATES: readonly Omit<TypicalRate, 'yours' | 'basedOn'>[] = [
  {
    from: 'applied',
    to: 'interview',
    label: 'Application → interview',
    low: 0.02,
    high: 0.08,
    source:
      'About 2% of applicants reach an interview (Glassdoor, as reported by Workopolis, 2016); 8.4% across Jobvite customers (Jobvite Recruiting Benchmark Report, 2018).',
  },
  {
    from: 'interview',
    to: 'offer',
    label: 'Interview → offer',
    low: 0.17,
    high: 0.17,
    source:
      'About 17% of interviews led to an offer in 2015, rising to 28% by 2017 (Jobvite Recruiting Benchmark Report, 2018, as reported by Hunt Scanlon).',
  },
];

function reachedStep(a: InsightApplication, step: FunnelStep): boolean {
  if (!a.appliedAt) return false;
  switch (step) {
    case 'applied':
      return true;
    case 'response':
      return a.firstResponseAt !== null || rank(a.reached) >= rank('screening');
    case 'interview':
      return rank(a.reached) >= rank('screening');
    case 'final':
      return rank(a.reached) >= rank('final');
    case 'offer':
      return rank(a.reached) >= rank('offer');
  }
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export function funnel(apps: readonly InsightApplication[]): { rows: FunnelRow[]; typical: TypicalRate[] } {
  const counts = new Map<FunnelStep, number>();
  for (const step of FUNNEL_STEPS) counts.set(step, apps.filter((a) => reachedStep(a, step)).length);
  const applied = counts.get('applied')!;
  const rows = FUNNEL_STEPS.map((step, i): FunnelRow => {
    const count = counts.get(step)!;
    const before = i === 0 ? null : counts.get(FUNNEL_STEPS[i - 1]!)!;
    return {
      step,
      label: FUNNEL_LABELS[step],
      count,
      fromPrevious: before === null ? null : share(count, before),
      fromApplied: share(count, applied),
    };
  });
  const typical = TYPICAL_RATES.map((t) => {
    const base = counts.get(t.from)!;
    return { ...t, yours: share(counts.get(t.to)!, base), basedOn: base };
  });
  return { rows, typical };
}

// ---------------------------------------------------------------------------------------------
// Pace, response time, silence

export interface WeekCount {
  /** The Monday of the week (local date). */
  week: string;
  applied: number;
  goal: number;
}

/** Applications sent per week over the last `weeks` weeks (oldest first), with the goal beside them. */
export function weeklyApplications(
  apps: readonly InsightApplication[],
  goal: number,
  now: Instant,
  timeZone: string,
  weeks = 12,
): WeekCount[] {
  const thisWeek = weekStart(now, timeZone);
  const mondays: string[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const d = new Date(`${thisWeek}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 7 * i);
    mondays.push(d.toISOString().slice(0, 10));
  }
  const counts = new Map(mondays.map((m) => [m, 0]));
  // Most applications are older than the window: a string comparison skips them without a zone lookup.
  const from = startOfLocalDay(mondays[0]!, timeZone);
  for (const a of apps) {
    if (!a.appliedAt || a.appliedAt > now || a.appliedAt < from) continue;
    const w = weekStart(a.appliedAt, timeZone);
    if (counts.has(w)) counts.set(w, counts.get(w)! + 1);
  }
  return mondays.map((week) => ({ week, applied: counts.get(week)!, goal }));
}

/** Whole weeks in a row, ending with the last complete week, at or above the goal. */
export function goalStreak(weeks: readonly WeekCount[]): number {
  let streak = 0;
  // The current week is still running: it extends a streak but never breaks one.
  const last = weeks.at(-1);
  const done = weeks.slice(0, -1);
  for (let i = done.length - 1; i >= 0; i--) {
    const w = done[i]!;
    if (w.goal > 0 && w.applied >= w.goal) streak++;
    else break;
  }
  if (last && last.goal > 0 && last.applied >= last.goal) streak++;
  return streak;
}

const DAY = 86_400_000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface ResponseTime {
  /** Median days from sending to the first sign of life, over applications that heard back. */
  medianDays: number | null;
  count: number;
}

export function responseTime(apps: readonly InsightApplication[]): ResponseTime {
  const days = apps
    .filter((a) => a.appliedAt && a.firstResponseAt && a.firstResponseAt >= a.appliedAt)
    .map((a) => (Date.parse(a.firstResponseAt!) - Date.parse(a.appliedAt!)) / DAY);
  const m = median(days);
  return { medianDays: m === null ? null : Math.round(m * 10) / 10, count: days.length };
}

/** How long without any word before an application counts as unanswered. */
export const SILENCE_DAYS = 30;

export interface Ghosting {
  /** Sent at least SILENCE_DAYS ago (or closed as no response). */
  of: number;
  /** Of those, never a word back. */
  silent: number;
  rate: number | null;
  /** Closed as "no response" after at least a screening: silence after meeting them. */
  afterInterview: number;
}

export function ghosting(apps: readonly InsightApplication[], now: Instant): Ghosting {
  const cutoff = Date.parse(now) - SILENCE_DAYS * DAY;
  let of = 0;
  let silent = 0;
  let afterInterview = 0;
  for (const a of apps) {
    if (!a.appliedAt) continue;
    const old = Date.parse(a.appliedAt) <= cutoff || a.stage === 'no_response';
    if (!old) continue;
    of++;
    if (!reachedStep(a, 'response')) silent++;
    if (a.stage === 'no_response' && rank(a.reached) >= rank('screening')) afterInterview++;
  }
  return { of, silent, rate: share(silent, of), afterInterview };
}

// ---------------------------------------------------------------------------------------------
// Feedback themes across applications

export const THEME_LABELS: Record<FeedbackTheme, string> = {
  communication: 'Communication',
  technical_skills: 'Job-specific skills',
  experience: 'Experience',
  culture_fit: 'Team and culture fit',
  preparation_research: 'Preparation and research',
  examples_evidence: 'Specific examples',
  motivation_enthusiasm: 'Motivation',
  questions_asked: 'Your questions',
  leadership: 'Leadership',
  salary_expectations: 'Salary expectations',
  competition: 'A stronger candidate',
  positive: 'Strengths',
};

/** What the feedback asked for, to finish "in two applications the feedback …". */
const THEME_ASKS: Record<FeedbackTheme, string> = {
  communication: 'mentioned how clearly and concisely you came across',
  technical_skills: 'pointed at job-specific skills or knowledge',
  experience: 'pointed at the amount or relevance of your experience',
  culture_fit: 'raised fit with the team or way of working',
  preparation_research: 'suggested more preparation or research on the company',
  examples_evidence: 'asked for more specific examples',
  motivation_enthusiasm: 'questioned how much you wanted this role',
  questions_asked: 'mentioned the questions you asked (or did not)',
  leadership: 'asked for more evidence of leading people or work',
  salary_expectations: 'raised your salary expectations',
  competition: 'said another candidate was stronger',
  positive: 'praised a strength',
};

/** Themes that say something the seeker can work on (competition and praise are not shortcomings). */
export const WORKABLE_THEMES: readonly FeedbackTheme[] = [
  'communication',
  'technical_skills',
  'experience',
  'culture_fit',
  'preparation_research',
  'examples_evidence',
  'motivation_enthusiasm',
  'questions_asked',
  'leadership',
  'salary_expectations',
];

/** "Recurring": a theme that came back negative in this many different applications. */
export const RECURRING_APPLICATIONS = 2;

export interface ThemeInsight {
  theme: FeedbackTheme;
  label: string;
  /** Negative mentions, and the distinct applications they came from. */
  negative: number;
  negativeApplications: number;
  positive: number;
  positiveApplications: number;
  recurring: boolean;
  /** The sentences that carried the negative mentions, newest first (at most three). */
  examples: { applicationId: Id; company: string; sentence: string; at: Instant }[];
  /** The sentences that praised it, newest first (at most two): worth keeping as much as the rest. */
  praise: { applicationId: Id; company: string; sentence: string; at: Instant }[];
  /** When the theme became recurring (the feedback that made it two applications), if it did. */
  recurringSince: Instant | null;
  /** The seeker's own ratings of the interviews of those applications. */
  selfRating: { average: number; count: number } | null;
  /** The self-rating held against the feedback, in one sentence; null when there is nothing to hold. */
  comparison: string | null;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const say = (n: number): string => NUMBER_WORDS[n] ?? String(n);
const applicationsWord = (n: number): string => `${say(n)} application${n === 1 ? '' : 's'}`;

export function themeInsights(
  feedback: readonly InsightFeedback[],
  interviews: readonly InsightInterview[],
  companyOf: (applicationId: Id) => string,
): ThemeInsight[] {
  const ratings = new Map<Id, number[]>();
  for (const iv of interviews) {
    if (iv.selfRating == null) continue;
    const list = ratings.get(iv.applicationId) ?? [];
    list.push(iv.selfRating);
    ratings.set(iv.applicationId, list);
  }
  const sorted = [...feedback].sort((a, b) =>
    a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0,
  );
  const out: ThemeInsight[] = [];
  for (const theme of Object.keys(THEME_LABELS) as FeedbackTheme[]) {
    const negApps: Id[] = [];
    const posApps = new Set<Id>();
    let negative = 0;
    let positive = 0;
    let recurringSince: Instant | null = null;
    const examples: ThemeInsight['examples'] = [];
    const praise: ThemeInsight['praise'] = [];
    for (const f of sorted) {
      for (const t of f.themes) {
        if (t.theme !== theme) continue;
        const said = {
          applicationId: f.applicationId,
          company: companyOf(f.applicationId),
          sentence: t.sentence,
          at: f.receivedAt,
        };
        if (t.polarity === 'positive') {
          positive++;
          posApps.add(f.applicationId);
          praise.push(said);
          continue;
        }
        negative++;
        if (!negApps.includes(f.applicationId)) {
          negApps.push(f.applicationId);
          if (negApps.length === RECURRING_APPLICATIONS) recurringSince = f.receivedAt;
        }
        examples.push(said);
      }
    }
    if (negative === 0 && positive === 0) continue;
    const own = negApps.flatMap((id) => ratings.get(id) ?? []);
    const selfRating = own.length
      ? { average: Math.round((own.reduce((s, r) => s + r, 0) / own.length) * 10) / 10, count: own.length }
      : null;
    const recurring = theme !== 'positive' && negApps.length >= RECURRING_APPLICATIONS;
    let comparison: string | null = null;
    if (selfRating && negApps.length > 0 && theme !== 'positive') {
      const ask = `in ${applicationsWord(negApps.length)} the feedback ${THEME_ASKS[theme]}`;
      comparison =
        selfRating.average >= 3.5
          ? `You rated those interviews ${selfRating.average}/5; ${ask}. The gap between how it felt and how it landed is worth a look.`
          : `You rated those interviews ${selfRating.average}/5, and ${ask}: your own sense and theirs agree, which makes this a clear thing to work on.`;
    }
    out.push({
      theme,
      label: THEME_LABELS[theme],
      negative,
      negativeApplications: negApps.length,
      positive,
      positiveApplications: posApps.size,
      recurring,
      examples: examples.reverse().slice(0, 3),
      praise: praise.reverse().slice(0, 2),
      recurringSince: recurring ? recurringSince : null,
      selfRating,
      comparison,
    });
  }
  return out.sort(
    (a, b) =>
      b.negativeApplications - a.negativeApplications ||
      b.negative - a.negative ||
      b.positive - a.positive ||
      a.theme.localeCompare(b.theme),
  );
}

// ---------------------------------------------------------------------------------------------
// Skill gaps across rejected applications

export interface ApplicationSkills {
  applicationId: Id;
  company: string;
  role: string;
  rejected: boolean;
  rejectedAt: Instant | null;
  required: { id: string; label: string }[];
  matched: { id: string; label: string }[];
  missing: { id: string; label: string }[];
  coverage: number | null;
}

export interface SkillGap {
  id: string;
  label: string;
  /** Rejected applications whose job description asked for it and the résumé lacked it. */
  applications: number;
  applicationIds: Id[];
  lastRejectedAt: Instant | null;
}

/** Missing skills summed over rejected applications, most asked-for first. */
export function skillGaps(perApplication: readonly ApplicationSkills[]): SkillGap[] {
  const gaps = new Map<string, SkillGap>();
  for (const a of perApplication) {
    if (!a.rejected) continue;
    for (const s of a.missing) {
      const g = gaps.get(s.id) ?? {
        id: s.id,
        label: s.label,
        applications: 0,
        applicationIds: [],
        lastRejectedAt: null,
      };
      g.applications++;
      g.applicationIds.push(a.applicationId);
      if (a.rejectedAt && (!g.lastRejectedAt || a.rejectedAt > g.lastRejectedAt))
        g.lastRejectedAt = a.rejectedAt;
      gaps.set(s.id, g);
    }
  }
  return [...gaps.values()].sort((a, b) => b.applications - a.applications || a.label.localeCompare(b.label));
}

// ---------------------------------------------------------------------------------------------
// Search refinement

export const REFINEMENT_DIMENSIONS = [
  'role_family',
  'seniority',
  'source',
  'workplace',
  'fit',
  'resume_version',
] as const;
export type RefinementDimension = (typeof REFINEMENT_DIMENSIONS)[number];

const DIMENSION_LABELS: Record<RefinementDimension, string> = {
  role_family: 'Kind of role',
  seniority: 'Seniority',
  source: 'Where you found it',
  workplace: 'Remote or on site',
  fit: 'Your fit rating',
  resume_version: 'Résumé version',
};

export interface RefinementRow {
  value: string;
  label: string;
  /** Applications with an outcome: they moved past applied, or closed without doing so. */
  outcomes: number;
  progressed: number;
  rate: number | null;
}

export interface RefinementTable {
  dimension: RefinementDimension;
  label: string;
  rows: RefinementRow[];
}

export interface Suggestion {
  dimension: RefinementDimension;
  /** The group it is about, and whether it does better than the rest. */
  value: string;
  /** The group in words ("referrals", "senior roles"), for a step's title. */
  label: string;
  better: boolean;
  text: string;
  /** The counts behind it, in words. */
  basis: string;
}

export interface Refinement {
  outcomes: number;
  /** DESIGN.md §2 row 14: nothing is said before this many outcomes exist. */
  minimumOutcomes: number;
  tables: RefinementTable[];
  titleWords: { word: string; progressed: number; rejectedEarly: number }[];
  suggestions: Suggestion[];
}

export const MINIMUM_OUTCOMES = 5;
/** A group needs at least this many outcomes before it is compared with the rest. */
const MINIMUM_GROUP = 5;

const SOURCE_LABELS: Record<string, string> = {
  referral: 'Referral',
  job_board: 'Job board',
  direct: 'Company website',
  recruiter: 'Recruiter',
  network: 'Your network',
  other: 'Other',
};

const FAMILY_LABELS: Record<string, string> = {
  software: 'Software',
  data: 'Data',
  sales: 'Sales',
  healthcare: 'Healthcare',
  teaching: 'Teaching',
  retail_hospitality: 'Retail and hospitality',
  finance: 'Finance',
  marketing: 'Marketing',
  operations: 'Operations and logistics',
};

const SENIORITY_LABELS: Record<string, string> = {
  entry: 'Entry level',
  mid: 'Mid level',
  senior: 'Senior',
  lead: 'Lead or manager',
};

function normaliseSource(source: string | null): string {
  if (!source) return 'unknown';
  const s = source
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (s in SOURCE_LABELS) return s;
  if (/refer/.test(s)) return 'referral';
  if (/linkedin|indeed|board|glassdoor|monster|reed|totaljobs|seek/.test(s)) return 'job_board';
  if (/recruit|agency|headhunt/.test(s)) return 'recruiter';
  if (/career|website|direct|company/.test(s)) return 'direct';
  return 'other';
}

/** Remote/hybrid/on site as recorded, or read from the location when it says so. */
export function workplaceOf(a: Pick<InsightApplication, 'workplace' | 'location'>): Workplace | null {
  if (a.workplace) return a.workplace;
  const l = (a.location ?? '').toLowerCase();
  if (/\bhybrid\b/.test(l)) return 'hybrid';
  if (/\bremote\b|\bwork from home\b|\bwfh\b/.test(l)) return 'remote';
  return null;
}

/** Titles repeat: thousands of applications, a few dozen distinct titles. */
const familyCache = new Map<string, ReturnType<typeof roleFamilyOf>>();
const seniorityCache = new Map<string, ReturnType<typeof seniorityOf>>();
function cached<T>(cache: Map<string, T>, key: string, make: (k: string) => T): T {
  if (cache.has(key)) return cache.get(key)!;
  if (cache.size > 10_000) cache.clear();
  const v = make(key);
  cache.set(key, v);
  return v;
}

function valueOf(a: InsightApplication, d: RefinementDimension): { value: string; label: string } {
  switch (d) {
    case 'role_family': {
      const f = cached(familyCache, a.role, roleFamilyOf);
      return f ? { value: f, label: FAMILY_LABELS[f] ?? f } : { value: 'other', label: 'Other roles' };
    }
    case 'seniority': {
      const s = cached(seniorityCache, a.role, seniorityOf);
      return s
        ? { value: s, label: SENIORITY_LABELS[s] ?? s }
        : { value: 'unknown', label: 'Not clear from the title' };
    }
    case 'source': {
      const s = normaliseSource(a.source);
      return { value: s, label: SOURCE_LABELS[s] ?? 'Not recorded' };
    }
    case 'workplace': {
      const w = workplaceOf(a);
      return w
        ? { value: w, label: w === 'on_site' ? 'On site' : w === 'remote' ? 'Remote' : 'Hybrid' }
        : { value: 'unknown', label: 'Not recorded' };
    }
    case 'fit':
      return a.fit
        ? { value: String(a.fit), label: `Fit ${a.fit}/5` }
        : { value: 'unknown', label: 'Not rated' };
    case 'resume_version':
      return a.resumeVersion
        ? { value: a.resumeVersion, label: a.resumeVersion }
        : { value: 'unknown', label: 'Not recorded' };
  }
}

const CLOSED: readonly Stage[] = ['rejected', 'withdrawn', 'no_response'];

/** progressed: moved past applied; rejectedEarly: closed without doing so; null: no outcome yet. */
function outcomeOf(a: InsightApplication): 'progressed' | 'rejected_early' | null {
  if (!a.appliedAt) return null;
  if (rank(a.reached) >= rank('screening')) return 'progressed';
  if (CLOSED.includes(a.stage)) return 'rejected_early';
  return null;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/**
 * Two-sided Fisher exact test for a 2×2 table [[a, b], [c, d]]: how likely a split at least this
 * lopsided is by chance alone. Small samples are the norm here, so no normal approximation.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const row1 = a + b;
  const col1 = a + c;
  const lf = (k: number) => logFactorial(k);
  const base = lf(row1) + lf(n - row1) + lf(col1) + lf(n - col1) - lf(n);
  const p = (x: number) => Math.exp(base - lf(x) - lf(row1 - x) - lf(col1 - x) - lf(n - row1 - col1 + x));
  const observed = p(a);
  let total = 0;
  for (let x = Math.max(0, row1 + col1 - n); x <= Math.min(row1, col1); x++) {
    const px = p(x);
    if (px <= observed * (1 + 1e-7)) total += px;
  }
  return Math.min(1, total);
}

const pct = (r: number): string => `${Math.round(r * 100)}%`;

const ADVICE: Record<RefinementDimension, (label: string, better: boolean) => string> = {
  role_family: (l, better) =>
    better
      ? `${l} roles are where your applications land best; they deserve a bigger share of your week.`
      : `${l} roles have rarely moved past the application; check whether those job descriptions ask for something your CV does not show.`,
  seniority: (l, better) =>
    better
      ? `${l} roles are going better than the others; aim more applications there.`
      : `${l} roles have rarely moved forward; it may be worth applying one level down or tailoring the CV to that level.`,
  source: (l, better) =>
    better
      ? `${l} is working for you; put more of your time into it.`
      : `${l} has rarely led anywhere; shift some of that time to other routes in.`,
  workplace: (l, better) =>
    better
      ? `${l} roles have gone better for you; keep them in the mix.`
      : `${l} roles have rarely moved forward; competition for them may be wider.`,
  fit: (l, better) =>
    better
      ? `Roles you rated ${l.replace('Fit ', '')} go further: trust that rating when choosing where to apply.`
      : `Roles you rated ${l.replace('Fit ', '')} rarely go further: fewer of those, more of the ones you want.`,
  resume_version: (l, better) =>
    better
      ? `The "${l}" résumé gets more replies than the others; make it your starting point.`
      : `The "${l}" résumé gets fewer replies than the others; consider retiring it.`,
};

export function refineSearch(apps: readonly InsightApplication[]): Refinement {
  const withOutcome = apps
    .map((a) => ({ a, outcome: outcomeOf(a) }))
    .filter(
      (x): x is { a: InsightApplication; outcome: 'progressed' | 'rejected_early' } => x.outcome !== null,
    );
  const tables: RefinementTable[] = REFINEMENT_DIMENSIONS.map((dimension) => {
    const rows = new Map<string, RefinementRow>();
    for (const { a, outcome } of withOutcome) {
      const v = valueOf(a, dimension);
      const row = rows.get(v.value) ?? {
        value: v.value,
        label: v.label,
        outcomes: 0,
        progressed: 0,
        rate: null,
      };
      row.outcomes++;
      if (outcome === 'progressed') row.progressed++;
      rows.set(v.value, row);
    }
    const list = [...rows.values()].map((r) => ({ ...r, rate: share(r.progressed, r.outcomes) }));
    list.sort((x, y) => y.outcomes - x.outcomes || x.label.localeCompare(y.label));
    return { dimension, label: DIMENSION_LABELS[dimension], rows: list };
  });

  const suggestions: Suggestion[] = [];
  if (withOutcome.length >= MINIMUM_OUTCOMES) {
    for (const t of tables) {
      const total = t.rows.reduce((s, r) => s + r.outcomes, 0);
      const totalProgressed = t.rows.reduce((s, r) => s + r.progressed, 0);
      let best: { row: RefinementRow; p: number; better: boolean } | null = null;
      for (const r of t.rows) {
        if (r.value === 'unknown' || r.value === 'other') continue;
        const restN = total - r.outcomes;
        const restP = totalProgressed - r.progressed;
        if (r.outcomes < MINIMUM_GROUP || restN < MINIMUM_GROUP) continue;
        const rate = r.progressed / r.outcomes;
        const restRate = restP / restN;
        if (Math.abs(rate - restRate) < 0.2) continue;
        const p = fisherExact(r.progressed, r.outcomes - r.progressed, restP, restN - restP);
        if (p >= 0.1) continue;
        const better = rate > restRate;
        // With two groups both sides have the same p: say it the encouraging way round.
        const tie = best !== null && Math.abs(p - best.p) < 1e-12;
        if (!best || (p < best.p && !tie) || (tie && better && !best.better)) best = { row: r, p, better };
      }
      if (!best) continue;
      const r = best.row;
      const restN = total - r.outcomes;
      const restP = totalProgressed - r.progressed;
      suggestions.push({
        dimension: t.dimension,
        value: r.value,
        label: `${r.label.toLowerCase()} (${DIMENSION_LABELS[t.dimension].toLowerCase()})`,
        better: best.better,
        text: ADVICE[t.dimension](r.label, best.better),
        basis: `${r.label}: ${r.progressed} of ${r.outcomes} moved past the application (${pct(r.progressed / r.outcomes)}); the rest: ${restP} of ${restN} (${pct(restP / restN)}).`,
      });
    }
  }

  return {
    outcomes: withOutcome.length,
    minimumOutcomes: MINIMUM_OUTCOMES,
    tables,
    titleWords: titleWords(withOutcome),
    suggestions,
  };
}

const TITLE_STOPWORDS = new Set([
  'and',
  'or',
  'of',
  'the',
  'a',
  'an',
  'in',
  'for',
  'to',
  'with',
  'at',
  'ii',
  'iii',
  'i',
]);

function titleWords(
  withOutcome: readonly { a: InsightApplication; outcome: 'progressed' | 'rejected_early' }[],
): Refinement['titleWords'] {
  const counts = new Map<string, { progressed: number; rejectedEarly: number }>();
  for (const { a, outcome } of withOutcome) {
    const words = new Set(
      a.role
        .toLowerCase()
        .split(/[^\p{L}\p{N}+#]+/u)
        .filter((w) => w.length > 1 && !TITLE_STOPWORDS.has(w)),
    );
    for (const w of words) {
      const c = counts.get(w) ?? { progressed: 0, rejectedEarly: 0 };
      if (outcome === 'progressed') c.progressed++;
      else c.rejectedEarly++;
      counts.set(w, c);
    }
  }
  return [...counts.entries()]
    .map(([word, c]) => ({ word, ...c }))
    .filter((w) => w.progressed + w.rejectedEarly >= 2)
    .sort(
      (x, y) =>
        Math.abs(y.progressed - y.rejectedEarly) - Math.abs(x.progressed - x.rejectedEarly) ||
        y.progressed + y.rejectedEarly - (x.progressed + x.rejectedEarly) ||
        x.word.localeCompare(y.word),
    )
    .slice(0, 12);
}

// ---------------------------------------------------------------------------------------------
// Mood over time

export interface MoodWeek {
  week: string;
  average: number;
  count: number;
}

export function moodByWeek(checkIns: readonly MoodCheckIn[], timeZone: string): MoodWeek[] {
  const weeks = new Map<string, number[]>();
  for (const c of checkIns) {
    const w = weekStart(c.at, timeZone);
    const list = weeks.get(w) ?? [];
    list.push(c.mood);
    weeks.set(w, list);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, moods]) => ({
      week,
      average: Math.round((moods.reduce((s, m) => s + m, 0) / moods.length) * 10) / 10,
      count: moods.length,
    }));
}

/** Milestones the insights add to those of progress.ts: the first feedback, a streak at the goal. */
export function insightMilestones(
  feedback: readonly InsightFeedback[],
  streak: number,
  weeks: readonly WeekCount[],
  now: Instant,
  timeZone: string,
): Milestone[] {
  const out: Milestone[] = [];
  const first = [...feedback].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1))[0];
  if (first)
    out.push({
      kind: 'first_feedback',
      at: first.receivedAt,
      applicationId: first.applicationId,
      label: 'First feedback received',
    });
  if (streak >= 2) {
    const last = weeks.at(-1);
    out.push({
      kind: `goal_streak_${streak}`,
      at: now,
      applicationId: null,
      label: `${streak} weeks in a row at your weekly goal${last ? ` (to the week of ${localDate(`${last.week}T12:00:00Z`, timeZone)})` : ''}`,
    });
  }
  return out;
}

/** The furthest ladder stage among a list of stages (the closing stages do not count). */
export function furthestStage(stages: Iterable<Stage>): Stage {
  let best: Stage = 'saved';
  for (const s of stages) if (rank(s) > rank(best)) best = s;
  return best;
}
