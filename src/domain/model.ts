/**
 * The domain model of DESIGN.md §3, as plain types. Times are ISO 8601 strings (UTC);
 * ids are opaque strings. Every stored row belongs to a user (`userId` lives in storage, not here:
 * the services are always asked on behalf of one user).
 */
import type { Stage } from './stages.js';

export type Id = string;
/** An ISO 8601 instant in UTC, e.g. "2026-11-10T14:00:00.000Z". */
export type Instant = string;

export interface User {
  id: Id;
  name: string;
  email: string | null;
  timeZone: string;
  createdAt: Instant;
}

export interface Company {
  id: Id;
  name: string;
  website: string | null;
  notes: string | null;
  createdAt: Instant;
}

export const CONTACT_ROLES = [
  'recruiter',
  'hiring_manager',
  'interviewer',
  'hr',
  'referrer',
  'other',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export interface Contact {
  id: Id;
  name: string;
  email: string | null;
  role: ContactRole;
  companyId: Id | null;
  phone: string | null;
  linkedin: string | null;
  notes: string | null;
  createdAt: Instant;
}

export const APPLICATION_SOURCES = [
  'referral',
  'job_board',
  'direct',
  'recruiter',
  'network',
  'other',
] as const;

export const WORKPLACES = ['remote', 'hybrid', 'on_site'] as const;
export type Workplace = (typeof WORKPLACES)[number];

export interface Application {
  id: Id;
  companyId: Id;
  role: string;
  url: string | null;
  /** Where the opening was found: free text, with APPLICATION_SOURCES as the usual values. */
  source: string | null;
  location: string | null;
  jobDescription: string | null;
  /** "Could you see yourself doing this job?" 1–5. */
  fit: number | null;
  /** Remote, hybrid or on site, when known (search refinement compares them). */
  workplace: Workplace | null;
  /** Which résumé was sent: the version name of a stored résumé, or any label the seeker uses. */
  resumeVersion: string | null;
  /** The latest stage in the history; derived from events and kept alongside for fast filtering. */
  stage: Stage;
  createdAt: Instant;
  updatedAt: Instant;
}

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

export interface Interview {
  id: Id;
  applicationId: Id;
  kind: InterviewKind;
  at: Instant;
  /** Contact ids of the people met. */
  interviewerIds: Id[];
  notes: string | null;
  /** A date they said they would reply by; the follow-up waits for it. */
  replyExpectedBy: Instant | null;
  /** The seeker's own rating of how it went, 1–5, and their words. */
  selfRating: number | null;
  selfAssessment: string | null;
  createdAt: Instant;
}

export interface Note {
  id: Id;
  applicationId: Id;
  text: string;
  at: Instant;
}

export const REJECTION_STAGES = ['application', 'screening', 'interview', 'final', 'offer'] as const;

export interface Rejection {
  id: Id;
  applicationId: Id;
  at: Instant;
  stageReached: Stage;
  reasonGiven: string | null;
  messageId: Id | null;
}

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

export interface Feedback {
  id: Id;
  applicationId: Id;
  text: string;
  fromContactId: Id | null;
  /** Who gave it, in the seeker's words, when they are not a stored contact. */
  fromName: string | null;
  themes: { theme: FeedbackTheme; polarity: 'positive' | 'negative'; sentence: string }[];
  receivedAt: Instant;
}

export interface Reflection {
  id: Id;
  applicationId: Id;
  answers: Record<string, string>;
  lessons: string | null;
  at: Instant;
}

export const STEP_KINDS = [
  'interview_thanks',
  'follow_up',
  'rejection_reply',
  'feedback_nudge',
  'mood_checkin',
  'reflect',
  'practice',
  'learn',
  'polish_resume',
  'connect',
  'stay_in_touch',
  'apply_more',
  'offer_feedback',
  'log_feedback',
  'refine_search',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_STATES = ['open', 'done', 'skipped', 'snoozed'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** What a step asks of the seeker, so a shell can offer the right tool. */
export const STEP_NEEDS = ['draft', 'checklist', 'rating', 'checkin', 'job_description', 'contact'] as const;
export type StepNeed = (typeof STEP_NEEDS)[number];

export interface Step {
  id: Id;
  /** null for steps about the whole search (apply_more). */
  applicationId: Id | null;
  kind: StepKind;
  /** The playbook's name for this step, unique per user: running the playbook again finds it by this. */
  key: string;
  due: Instant;
  /** True when only the date matters (shown as a day); false for a time (a thank-you within 24 h). */
  allDay: boolean;
  state: StepState;
  snoozedUntil: Instant | null;
  /** One sentence naming the practice. */
  why: string;
  /** The rule that made it, with its timing. */
  rule: string;
  needs: StepNeed[];
  /** The person the step is about (the interviewer to thank, the recruiter to stay in touch with). */
  contactId: Id | null;
  /** What a step about the whole search is about (a skill, a feedback theme), named in its title. */
  subject: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  closedAt: Instant | null;
  /** Who closed it: the seeker, a sent draft, or the playbook when it no longer applies. */
  closedBy: 'seeker' | 'draft' | 'playbook' | null;
}

export interface ToneWarning {
  start: number;
  end: number;
  kind: string;
  text: string;
  suggestion: string;
}

export const SENT_VIA = ['smtp', 'mail_app', 'copied', 'elsewhere'] as const;
export type SentVia = (typeof SENT_VIA)[number];

export interface Draft {
  id: Id;
  applicationId: Id;
  /** The step this draft serves, when there is one; sending the draft closes it. */
  stepId: Id | null;
  kind: StepKind;
  to: string | null;
  subject: string;
  body: string;
  /** Which phrasing it started from, so the next draft of this kind reads differently. */
  variant: number;
  toneWarnings: ToneWarning[];
  /** Message-ID of the email this answers, and the thread's ids, oldest first. */
  inReplyTo: string | null;
  references: string[];
  /** Something the seeker should know, e.g. that there is no address to send it to yet. */
  note: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  sentAt: Instant | null;
  sentVia: SentVia | null;
  sentMessageId: string | null;
}

export const EMAIL_CLASSES = ['application_received', 'interview', 'rejection', 'offer', 'other'] as const;
export type EmailClass = (typeof EMAIL_CLASSES)[number];

export interface Message {
  id: Id;
  /** The Message-ID header, with angle brackets. */
  messageId: string;
  direction: 'in' | 'out';
  class: EmailClass;
  confidence: number;
  subject: string;
  from: string | null;
  to: string | null;
  company: string | null;
  role: string | null;
  person: string | null;
  applicationId: Id | null;
  inReplyTo: string | null;
  references: string[];
  text: string;
  receivedAt: Instant;
  /** Where it was read from: a file, an mbox position, an IMAP folder and UID. */
  source: string | null;
  /** none: nothing to decide; pending: waits in the review list; confirmed/dismissed: decided. */
  reviewState: 'none' | 'pending' | 'confirmed' | 'dismissed';
  /** What the import proposes when it is not sure: the class and the application (or a new one). */
  proposal: MessageProposal | null;
  /** For an interview invitation: the proposed time, when the email states one. */
  interviewTime: Instant | null;
  /** The phrases that decided the class. */
  reasons: string[];
}

export interface MessageProposal {
  label: EmailClass;
  applicationId: Id | null;
  /** When no application matches: the one to create. */
  newApplication: { company: string; role: string } | null;
}

/** A version of the seeker's résumé, as text (read from a file or pasted). */
export interface Resume {
  id: Id;
  /** The name the seeker gives it ("general", "data-2026"): applications name the version they sent. */
  version: string;
  fileName: string | null;
  text: string;
  createdAt: Instant;
}

export const SKILL_KINDS = [
  'skill',
  'tool',
  'knowledge',
  'qualification',
  'licence',
  'certification',
] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

/** A vocabulary entry: a skill with its other names (built in, or imported from ESCO). */
export interface Skill {
  id: string;
  label: string;
  kind: SkillKind;
  aliases: string[];
}

export const LEARNING_KINDS = ['course', 'volunteering', 'project'] as const;
export type LearningKind = (typeof LEARNING_KINDS)[number];

/** A plan to close a skill gap (practice 9). */
export interface LearningGoal {
  id: Id;
  skillId: string;
  skillLabel: string;
  kind: LearningKind;
  /** What exactly: the course, the volunteering, the project. */
  plan: string | null;
  /** Local date 'YYYY-MM-DD' to finish by. */
  target: string | null;
  /** 0–100. */
  progress: number;
  createdAt: Instant;
  updatedAt: Instant;
  doneAt: Instant | null;
}
export interface PracticeQuestion {
  id: Id;
  text: string;
  themes: FeedbackTheme[];
}
export interface PracticeAttempt {
  id: Id;
  questionId: Id;
  at: Instant;
  rating: number | null;
  notes: string | null;
}
export interface MoodCheckIn {
  id: Id;
  /** The application that prompted it, if any. */
  applicationId: Id | null;
  at: Instant;
  /** 1 (very low) to 5 (good). */
  mood: number;
  note: string | null;
}
/** Derived, never stored: a first interview, a stage reached, feedback received, a streak. */
export interface Milestone {
  kind: string;
  at: Instant;
  applicationId: Id | null;
  label: string;
}
