import { sql, type Kysely } from 'kysely';
import { connect, type Connection, type DialectName } from './connect.js';
import type { Executor } from './repositories/base.js';
import { ApplicationRepository } from './repositories/applications.js';
import { CompanyRepository } from './repositories/companies.js';
import { ContactRepository } from './repositories/contacts.js';
import { EventRepository } from './repositories/events.js';
import { InterviewRepository } from './repositories/interviews.js';
import { DraftRepository } from './repositories/drafts.js';
import { FeedbackRepository } from './repositories/feedback.js';
import { MessageRepository } from './repositories/messages.js';
import { NoteRepository } from './repositories/notes.js';
import { RejectionRepository } from './repositories/rejections.js';
import { CheckInRepository, ReflectionRepository } from './repositories/reflections.js';
import { StepRepository } from './repositories/steps.js';
import {
  LearningGoalRepository,
  ResumeRepository,
  SkillVocabularyRepository,
} from './repositories/skills.js';
import { PracticeAttemptRepository, PracticeCardRepository } from './repositories/practice.js';
import { SettingsRepository } from './repositories/settings.js';
import { UserRepository } from './repositories/users.js';
import type { Database } from './schema.js';

export { isPostgresUrl, redactUrl, type DialectName } from './connect.js';
export type {
  ApplicationFilter,
  ApplicationRow,
  ApplicationSort,
  ApplicationSummary,
} from './repositories/applications.js';
export { APPLICATION_SORTS } from './repositories/applications.js';
export type { ContactFilter } from './repositories/contacts.js';
export type { StepFilter } from './repositories/steps.js';
export type { StoredPracticeCard } from './repositories/practice.js';

/** The repositories of one user, all on the same connection or transaction. */
export interface Repositories {
  users: UserRepository;
  settings: SettingsRepository;
  companies: CompanyRepository;
  contacts: ContactRepository;
  applications: ApplicationRepository;
  events: EventRepository;
  interviews: InterviewRepository;
  notes: NoteRepository;
  rejections: RejectionRepository;
  steps: StepRepository;
  drafts: DraftRepository;
  messages: MessageRepository;
  checkIns: CheckInRepository;
  reflections: ReflectionRepository;
  feedback: FeedbackRepository;
  resumes: ResumeRepository;
  vocabulary: SkillVocabularyRepository;
  learningGoals: LearningGoalRepository;
  practiceAttempts: PracticeAttemptRepository;
  practiceCards: PracticeCardRepository;
  /**
   * Runs `work` inside a savepoint of the current transaction: if it throws, only its writes are
   * undone and the transaction carries on (an import loses one bad email, not the batch).
   */
  withinSavepoint<T>(work: () => Promise<T>): Promise<T>;
  /** Of these ids in `table`, the ones that belong to somebody else. */
  ownedByOthers(table: OwnedTable, ids: readonly string[]): Promise<string[]>;
}

export type OwnedTable =
  | 'companies'
  | 'contacts'
  | 'applications'
  | 'application_events'
  | 'interviews'
  | 'notes'
  | 'messages'
  | 'rejections'
  | 'steps'
  | 'drafts'
  | 'mood_checkins'
  | 'reflections'
  | 'feedback'
  | 'resumes'
  | 'learning_goals'
  | 'practice_attempts';

function repositories(db: Executor, userId: string): Repositories {
  return {
    users: new UserRepository(db),
    settings: new SettingsRepository(db, userId),
    companies: new CompanyRepository(db, userId),
    contacts: new ContactRepository(db, userId),
    applications: new ApplicationRepository(db, userId),
    events: new EventRepository(db, userId),
    interviews: new InterviewRepository(db, userId),
    notes: new NoteRepository(db, userId),
    rejections: new RejectionRepository(db, userId),
    steps: new StepRepository(db, userId),
    drafts: new DraftRepository(db, userId),
    messages: new MessageRepository(db, userId),
    checkIns: new CheckInRepository(db, userId),
    reflections: new ReflectionRepository(db, userId),
    feedback: new FeedbackRepository(db, userId),
    resumes: new ResumeRepository(db, userId),
    vocabulary: new SkillVocabularyRepository(db, userId),
    learningGoals: new LearningGoalRepository(db, userId),
    practiceAttempts: new PracticeAttemptRepository(db, userId),
    practiceCards: new PracticeCardRepository(db, userId),
    async withinSavepoint(work) {
      await sql`savepoint onward_step`.execute(db);
      try {
        const result = await work();
        await sql`release savepoint onward_step`.execute(db);
        return result;
      } catch (error) {
        await sql`rollback to savepoint onward_step`.execute(db);
        await sql`release savepoint onward_step`.execute(db);
        throw error;
      }
    },
    async ownedByOthers(table, ids) {
      const out: string[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom(table)
          .select('id')
          .where('id', 'in', ids.slice(i, i + 500))
          .where('user_id', '<>', userId)
          .execute();
        out.push(...rows.map((r) => r.id));
      }
      return out;
    },
  };
}

export class Store {
  private constructor(private readonly conn: Connection) {}

  static async open(target: string): Promise<Store> {
    return new Store(await connect(target));
  }

  get dialect(): DialectName {
    return this.conn.dialect;
  }

  get location(): string {
    return this.conn.location;
  }

  /** For tests and benchmarks that need to look under the repositories. */
  get db(): Kysely<Database> {
    return this.conn.db;
  }

  get users(): UserRepository {
    return new UserRepository(this.conn.db);
  }

  forUser(userId: string): Repositories {
    return repositories(this.conn.db, userId);
  }

  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(userId: string, work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.conn.db.transaction().execute((trx) => work(repositories(trx, userId)));
  }

  close(): Promise<void> {
    return this.conn.db.destroy();
  }
}
