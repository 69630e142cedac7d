/** Table types as Kysely sees them. Times are ISO strings in both dialects, so they round-trip exactly. */
export interface UsersTable {
  id: string;
  name: string;
  email: string | null;
  time_zone: string;
  created_at: string;
}

export interface SettingsTable {
  user_id: string;
  key: string;
  /** JSON text. */
  value: string;
}

export interface CompaniesTable {
  id: string;
  user_id: string;
  name: string;
  /** Lower-cased, trimmed name: one company per name per user. */
  name_key: string;
  website: string | null;
  notes: string | null;
  created_at: string;
}

export interface ContactsTable {
  id: string;
  user_id: string;
  company_id: string | null;
  name: string;
  email: string | null;
  /** Lower-cased email: one contact per address per user. */
  email_key: string | null;
  role: string;
  phone: string | null;
  linkedin: string | null;
  notes: string | null;
  created_at: string;
}

export interface ApplicationsTable {
  id: string;
  user_id: string;
  company_id: string;
  role: string;
  url: string | null;
  source: string | null;
  location: string | null;
  job_description: string | null;
  fit: number | null;
  stage: string;
  created_at: string;
  updated_at: string;
  workplace: string | null;
  resume_version: string | null;
}

export interface ApplicationEventsTable {
  id: string;
  user_id: string;
  application_id: string;
  seq: number;
  kind: string;
  at: string;
  from_stage: string | null;
  to_stage: string | null;
  source: string | null;
  detail: string | null;
}

export interface ApplicationContactsTable {
  user_id: string;
  application_id: string;
  contact_id: string;
}

export interface InterviewsTable {
  id: string;
  user_id: string;
  application_id: string;
  kind: string;
  at: string;
  notes: string | null;
  self_rating: number | null;
  self_assessment: string | null;
  created_at: string;
  reply_expected_by: string | null;
}

export interface InterviewInterviewersTable {
  user_id: string;
  interview_id: string;
  contact_id: string;
}

export interface NotesTable {
  id: string;
  user_id: string;
  application_id: string;
  text: string;
  at: string;
}

export interface MessagesTable {
  id: string;
  user_id: string;
  application_id: string | null;
  message_id: string;
  direction: string;
  class: string;
  confidence: number;
  subject: string;
  from_address: string | null;
  to_address: string | null;
  company: string | null;
  role: string | null;
  person: string | null;
  in_reply_to: string | null;
  /** JSON array of Message-IDs. */
  refs: string;
  body_text: string;
  received_at: string;
  source: string | null;
  review_state: string;
  /** JSON MessageProposal. */
  proposal: string | null;
  interview_time: string | null;
  /** JSON array. */
  reasons: string;
}

export interface RejectionsTable {
  id: string;
  user_id: string;
  application_id: string;
  at: string;
  stage_reached: string;
  reason_given: string | null;
  message_id: string | null;
}

export interface StepsTable {
  id: string;
  user_id: string;
  application_id: string | null;
  kind: string;
  key: string;
  due: string;
  /** 0 or 1: booleans are integers on both dialects. */
  all_day: number;
  state: string;
  snoozed_until: string | null;
  why: string;
  rule: string;
  /** JSON array. */
  needs: string;
  contact_id: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  subject: string | null;
}

export interface DraftsTable {
  id: string;
  user_id: string;
  application_id: string;
  step_id: string | null;
  kind: string;
  to_address: string | null;
  subject: string;
  body: string;
  variant: number;
  /** JSON array. */
  tone_warnings: string;
  in_reply_to: string | null;
  /** JSON array of Message-IDs. */
  refs: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  sent_via: string | null;
  sent_message_id: string | null;
}

export interface MoodCheckinsTable {
  id: string;
  user_id: string;
  application_id: string | null;
  at: string;
  mood: number;
  note: string | null;
}

export interface ReflectionsTable {
  id: string;
  user_id: string;
  application_id: string;
  /** JSON object: question id → answer. */
  answers: string;
  lessons: string | null;
  at: string;
}

export interface FeedbackTable {
  id: string;
  user_id: string;
  application_id: string;
  text: string;
  from_contact_id: string | null;
  from_name: string | null;
  /** JSON array of {theme, polarity, sentence}. */
  themes: string;
  received_at: string;
}

export interface Database {
  users: UsersTable;
  settings: SettingsTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_contacts: ApplicationContactsTable;
  interviews: InterviewsTable;
  interview_interviewers: InterviewInterviewersTable;
  notes: NotesTable;
  messages: MessagesTable;
  rejections: RejectionsTable;
  steps: StepsTable;
  drafts: DraftsTable;
  mood_checkins: MoodCheckinsTable;
  reflections: ReflectionsTable;
  feedback: FeedbackTable;
  resumes: ResumesTable;
  skill_vocabulary: SkillVocabularyTable;
  learning_goals: LearningGoalsTable;
  practice_attempts: PracticeAttemptsTable;
  practice_cards: PracticeCardsTable;
}

export interface ResumesTable {
  id: string;
  user_id: string;
  version: string;
  file_name: string | null;
  text: string;
  created_at: string;
}

export interface SkillVocabularyTable {
  user_id: string;
  id: string;
  label: string;
  kind: string;
  /** JSON array of alternative labels. */
  aliases: string;
  source: string;
}

export interface LearningGoalsTable {
  id: string;
  user_id: string;
  skill_id: string;
  skill_label: string;
  kind: string;
  plan: string | null;
  target: string | null;
  progress: number;
  created_at: string;
  updated_at: string;
  done_at: string | null;
}

export interface PracticeAttemptsTable {
  id: string;
  user_id: string;
  question_id: string;
  at: string;
  rating: number;
  /** JSON object: rubric criterion → 1..5. */
  scores: string;
  answer: string | null;
  seconds: number | null;
  rated_by: string;
  rater_name: string | null;
  reason: string | null;
}

export interface PracticeCardsTable {
  user_id: string;
  question_id: string;
  /** JSON: the spaced-repetition card. */
  card: string;
  due: string;
  updated_at: string;
}
