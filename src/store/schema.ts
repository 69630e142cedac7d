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
}
