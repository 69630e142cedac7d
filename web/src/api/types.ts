/**
 * The shapes the HTTP API answers with (README, "The HTTP API"). The web app talks only to the
 * API, so it keeps its own copy of these rather than importing the server's code.
 */

export const OPEN_STAGES = ['saved', 'applied', 'screening', 'interviewing', 'final', 'offer'] as const;
export const CLOSING_STAGES = ['rejected', 'withdrawn', 'no_response'] as const;
export const STAGES = [...OPEN_STAGES, 'accepted', ...CLOSING_STAGES] as const;
export type OpenStage = (typeof OPEN_STAGES)[number];
export type Stage = (typeof STAGES)[number];

export const INTERVIEW_KINDS = [
  'phone',
  'video',
  'onsite',
  'technical',
  'behavioural',
  'panel',
  'assessment',
  'other',
] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

export const CONTACT_ROLES = [
  'recruiter',
  'hiring_manager',
  'interviewer',
  'hr',
  'referrer',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export type StepKind =
  | 'interview_thanks'
  | 'follow_up'
  | 'rejection_reply'
  | 'feedback_nudge'
  | 'mood_checkin'
  | 'reflect'
  | 'practice'
  | 'learn'
  | 'polish_resume'
  | 'connect'
  | 'stay_in_touch'
  | 'apply_more'
  | 'offer_feedback'
  | 'log_feedback'
  | 'refine_search';

export const DRAFT_KINDS = [
  'interview_thanks',
  'follow_up',
  'rejection_reply',
  'feedback_nudge',
  'stay_in_touch',
  'connect',
  'offer_feedback',
] as const;

export type StepStatus = 'open' | 'done' | 'skipped' | 'snoozed';

export interface Application {
  id: string;
  companyId: string;
  companyName: string;
  role: string;
  url: string | null;
  source: string | null;
  location: string | null;
  jobDescription: string | null;
  fit: number | null;
  workplace: 'remote' | 'hybrid' | 'on_site' | null;
  resumeVersion: string | null;
  stage: Stage;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationEvent {
  id: string;
  kind: string;
  at: string;
  fromStage: Stage | null;
  toStage: Stage | null;
  detail: string | null;
}

export interface Contact {
  id: string;
  name: string;
  email: string | null;
  role: ContactRole;
  companyId: string | null;
  companyName?: string | null;
  phone: string | null;
  linkedin: string | null;
  notes: string | null;
  createdAt: string;
}

export interface Interview {
  id: string;
  applicationId: string;
  kind: InterviewKind;
  at: string;
  interviewerIds: string[];
  interviewers?: Contact[];
  notes: string | null;
  replyExpectedBy: string | null;
  selfRating: number | null;
  selfAssessment: string | null;
}

export interface Note {
  id: string;
  applicationId: string;
  text: string;
  at: string;
}

export interface ApplicationDetail extends Application {
  events: ApplicationEvent[];
  interviews: Interview[];
  notes: Note[];
  contacts: Contact[];
}

export interface TimelineEntry {
  at: string;
  kind: string;
  title: string;
  detail: string | null;
  refId: string;
}

export interface Step {
  id: string;
  kind: StepKind;
  /** The step in the seeker's words, naming the company and person: "Thank Dana Lee at Acme". */
  title?: string;
  applicationId: string | null;
  due: string;
  allDay: boolean;
  status: StepStatus;
  snoozedUntil: string | null;
  why: string;
  rule: string;
  needs: string[];
  contactId: string | null;
  contactName?: string | null;
  closedAt: string | null;
}

export interface TodayStep extends Step {
  company: string | null;
  role: string | null;
  urgency: 'overdue' | 'due';
}

export interface GhostedFlag {
  since: string;
  suggestedStage: 'no_response';
  reason: string;
}

export interface Plan {
  applicationId: string;
  company: string;
  role: string;
  stage: Stage;
  steps: Step[];
  ghosted: GhostedFlag | null;
}

export interface PipelineHealth {
  active: number;
  activeTarget: number;
  appliedThisWeek: number;
  weeklyGoal: number;
  lateStage: { id: string; companyName: string; role: string; stage: Stage }[];
  concentration: string | null;
  summary: string;
}

export interface Milestone {
  kind: string;
  at: string;
  applicationId: string | null;
  label: string;
}

export interface NextMilestone {
  label: string;
  detail: string;
  at: string | null;
  applicationId: string | null;
}

export interface Today {
  now: string;
  timeZone: string;
  date: string;
  steps: TodayStep[];
  upcoming: TodayStep[];
  pipeline: PipelineHealth;
  ghosted: (GhostedFlag & { applicationId: string; company: string; role: string })[];
  nextMilestone: NextMilestone | null;
  recentMilestones: Milestone[];
  reframe: string | null;
}

export interface ToneIssue {
  kind: string;
  start: number;
  end: number;
  text: string;
  suggestion: string;
}

export interface ToneResult {
  ok: boolean;
  issues: ToneIssue[];
  words: number;
}

export interface Draft {
  id: string;
  applicationId: string;
  stepId: string | null;
  kind: StepKind;
  to: string | null;
  subject: string;
  body: string;
  toneWarnings: ToneIssue[];
  note: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  sentVia: string | null;
  company: string;
  role: string;
  mailto: string | null;
}

export interface Settings {
  timeZone: string;
  /** Signs the drafts; older servers do not return these. */
  name?: string | null;
  email?: string | null;
  thanksWithinHours: number;
  followUpBusinessDays: number;
  followUpAfterPromiseBusinessDays: number;
  ghostedAfterDays: number;
  rejectionReplyBusinessDays: number;
  feedbackNudgeBusinessDays: number;
  reflectWithinDays: number;
  polishResumeWithinDays: number;
  learnWithinDays: number;
  connectWithinDays: number;
  offerFeedbackBusinessDays: number;
  stayInTouchMonths: number[];
  stayInTouchBeforeWindowEndMonths: number;
  cvRetentionPreset: string;
  cvRetentionMonths: number;
  weeklyApplicationGoal: number;
  activePipelineTarget: number;
  holidays: string[];
  weekend: number[];
}

export interface Smtp {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  from: string;
  hasPassword: boolean;
}

export interface CheckIn {
  id: string;
  at: string;
  mood: number;
  note: string | null;
  applicationId: string | null;
}

export interface ReflectionQuestion {
  id: string;
  text: string;
}

export interface Reflection {
  answers: Record<string, string>;
  lessons: string | null;
  at: string | null;
}

export interface ImportSummary {
  mode: 'fresh' | 'merge';
  added: Record<string, number>;
  updated: Record<string, number>;
}

/** What an email is about (DESIGN.md §2): the inbox import sorts every email into one of these. */
export const EMAIL_CLASSES = ['application_received', 'interview', 'rejection', 'offer', 'other'] as const;
export type EmailClass = (typeof EMAIL_CLASSES)[number];

export interface InboxError {
  source: string;
  message: string;
}

/** The answer to an inbox import or sync. */
export interface InboxSummary {
  seen: number;
  imported: number;
  duplicates: number;
  /** Emails that moved an application or logged an interview on their own. */
  applied: number;
  /** Emails now waiting in the review list. */
  review: number;
  byClass: Record<EmailClass, number>;
  errors: InboxError[];
  /** Sync only: the folders read. */
  folders?: string[];
}

export interface ReviewProposal {
  label: EmailClass;
  applicationId: string | null;
  newApplication: { company: string; role: string } | null;
}

export interface ReviewItem {
  id: string;
  subject: string;
  from: string | null;
  receivedAt: string;
  label: EmailClass;
  confidence: number;
  reasons: string[];
  company: string | null;
  role: string | null;
  proposal: ReviewProposal | null;
  application: { id: string; company: string; role: string; stage: Stage } | null;
  excerpt: string;
}

export interface ReviewDecision {
  action: 'confirm' | 'dismiss';
  label?: EmailClass;
  applicationId?: string | null;
  newApplication?: { company: string; role: string } | null;
}

export interface Imap {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  folders: string[];
  hasPassword: boolean;
  lastSync: string | null;
}

/** Feedback themes (DESIGN.md §2): a closed list, the same ids everywhere. */
export const FEEDBACK_THEMES = [
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
  'competition',
  'positive',
] as const;
export type FeedbackTheme = (typeof FEEDBACK_THEMES)[number];

export interface FeedbackThemeMention {
  theme: FeedbackTheme;
  polarity: 'positive' | 'negative';
  /** The sentence of the feedback that carries the theme. */
  sentence: string;
}

export interface Feedback {
  id: string;
  applicationId: string;
  text: string;
  fromContactId: string | null;
  fromName: string | null;
  themes: FeedbackThemeMention[];
  receivedAt: string;
}

export const WORKPLACES = ['remote', 'hybrid', 'on_site'] as const;
export type Workplace = (typeof WORKPLACES)[number];

export interface SkillRef {
  id: string;
  label: string;
  kind?: string;
}

/** GET /api/applications/:id/skills: the job description held against the résumé. */
export interface SkillMatch {
  applicationId: string;
  company: string;
  role: string;
  resumeVersion: string | null;
  hasJobDescription: boolean;
  required: SkillRef[];
  matched: SkillRef[];
  missing: SkillRef[];
  /** 0–1; null without a résumé, or when the job description names no skill Onward knows. */
  coverage: number | null;
}

export interface ResumeView {
  id: string;
  version: string;
  fileName: string | null;
  createdAt: string;
  words: number;
  skills: SkillRef[];
  text?: string;
}

export const LEARNING_KINDS = ['course', 'volunteering', 'project'] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];

export interface LearningGoal {
  id: string;
  skillId: string;
  skillLabel: string;
  kind: LearningKind;
  plan: string | null;
  /** YYYY-MM-DD */
  target: string | null;
  /** 0–100 */
  progress: number;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

export type FunnelStep = 'applied' | 'response' | 'interview' | 'final' | 'offer';

export interface FunnelRow {
  step: FunnelStep;
  label: string;
  count: number;
  fromPrevious: number | null;
  fromApplied: number | null;
}

export interface TypicalRate {
  from: FunnelStep;
  to: FunnelStep;
  label: string;
  low: number;
  high: number;
  yours: number | null;
  basedOn: number;
  source: string;
}

export interface WeekCount {
  /** The Monday of the week (local date). */
  week: string;
  applied: number;
  goal: number;
}

export interface ThemeInsight {
  theme: FeedbackTheme;
  label: string;
  negative: number;
  negativeApplications: number;
  positive: number;
  positiveApplications: number;
  recurring: boolean;
  examples: { applicationId: string; company: string; sentence: string; at: string }[];
  praise: { applicationId: string; company: string; sentence: string; at: string }[];
  recurringSince: string | null;
  selfRating: { average: number; count: number } | null;
  comparison: string | null;
}

export interface SkillGap {
  id: string;
  label: string;
  applications: number;
  applicationIds: string[];
  lastRejectedAt: string | null;
}

export interface ApplicationSkills {
  applicationId: string;
  company: string;
  role: string;
  rejected: boolean;
  rejectedAt: string | null;
  required: SkillRef[];
  matched: SkillRef[];
  missing: SkillRef[];
  coverage: number | null;
  resumeVersion: string | null;
}

export interface SkillInsights {
  resumes: number;
  vocabulary: { builtIn: number; imported: number };
  perApplication: ApplicationSkills[];
  gaps: SkillGap[];
  goals: LearningGoal[];
}

export interface RefinementRow {
  value: string;
  label: string;
  outcomes: number;
  progressed: number;
  rate: number | null;
}

export interface RefinementTable {
  dimension: string;
  label: string;
  rows: RefinementRow[];
}

export interface Suggestion {
  dimension: string;
  value: string;
  better: boolean;
  text: string;
  basis: string;
}

export interface Refinement {
  outcomes: number;
  minimumOutcomes: number;
  tables: RefinementTable[];
  titleWords: { word: string; progressed: number; rejectedEarly: number }[];
  suggestions: Suggestion[];
}

export interface MoodWeek {
  week: string;
  average: number;
  count: number;
}

/** GET /api/insights */
export interface InsightsReport {
  now: string;
  timeZone: string;
  totals: {
    applications: number;
    sent: number;
    open: number;
    rejected: number;
    feedback: number;
    outcomes: number;
  };
  headlines: string[];
  funnel: { rows: FunnelRow[]; typical: TypicalRate[] };
  weekly: WeekCount[];
  weeklyGoal: number;
  streak: number;
  responseTime: { medianDays: number | null; count: number };
  ghosting: { of: number; silent: number; rate: number | null; afterInterview: number };
  themes: ThemeInsight[];
  skills: SkillInsights;
  refinement: Refinement;
  milestones: Milestone[];
  mood: { weeks: MoodWeek[]; recent: CheckIn[] };
}
