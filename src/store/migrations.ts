import type { Kysely, Migration, MigrationProvider } from 'kysely';

/**
 * Migrations live in code (not scanned from a folder) so they ship inside the build and run the
 * same on SQLite and PostgreSQL. Only portable column types: text, integer. Never edit a migration
 * that has shipped; add the next one.
 */
const foundation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('settings')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('settings_pk', ['user_id', 'key'])
      .execute();

    await db.schema
      .createTable('companies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('website', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('companies_user_name_unique', ['user_id', 'name_key'])
      .execute();

    await db.schema
      .createTable('contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('company_id', 'text', (c) => c.references('companies.id').onDelete('set null'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('email_key', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('linkedin', 'text')
      .addColumn('notes', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('contacts_user_email_unique')
      .on('contacts')
      .columns(['user_id', 'email_key'])
      .unique()
      .execute();

    await db.schema
      .createTable('applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('company_id', 'text', (c) => c.notNull().references('companies.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('source', 'text')
      .addColumn('location', 'text')
      .addColumn('job_description', 'text')
      .addColumn('fit', 'integer')
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('applications_user_updated')
      .on('applications')
      .columns(['user_id', 'updated_at'])
      .execute();
    await db.schema
      .createIndex('applications_user_stage')
      .on('applications')
      .columns(['user_id', 'stage'])
      .execute();
    await db.schema.createIndex('applications_company').on('applications').column('company_id').execute();

    await db.schema
      .createTable('application_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('from_stage', 'text')
      .addColumn('to_stage', 'text')
      .addColumn('source', 'text')
      .addColumn('detail', 'text')
      .addUniqueConstraint('application_events_seq_unique', ['application_id', 'seq'])
      .execute();

    await db.schema
      .createTable('application_contacts')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('application_contacts_pk', ['application_id', 'contact_id'])
      .execute();
    await db.schema
      .createIndex('application_contacts_contact')
      .on('application_contacts')
      .column('contact_id')
      .execute();

    await db.schema
      .createTable('interviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('self_rating', 'integer')
      .addColumn('self_assessment', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('interviews_application').on('interviews').column('application_id').execute();

    await db.schema
      .createTable('interview_interviewers')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
      .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('interview_interviewers_pk', ['interview_id', 'contact_id'])
      .execute();

    await db.schema
      .createTable('notes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('notes_application').on('notes').column('application_id').execute();
  },
};

/** The playbook: rejections, steps, drafts, messages; interviews learn when a reply was promised. */
const playbook: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('interviews').addColumn('reply_expected_by', 'text').execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('set null'))
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('class', 'text', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('from_address', 'text')
      .addColumn('to_address', 'text')
      .addColumn('company', 'text')
      .addColumn('role', 'text')
      .addColumn('person', 'text')
      .addColumn('in_reply_to', 'text')
      .addColumn('refs', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('review_state', 'text', (c) => c.notNull())
      .addColumn('proposal', 'text')
      .addColumn('interview_time', 'text')
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addUniqueConstraint('messages_user_message_id_unique', ['user_id', 'message_id'])
      .execute();
    await db.schema.createIndex('messages_application').on('messages').column('application_id').execute();
    await db.schema
      .createIndex('messages_review')
      .on('messages')
      .columns(['user_id', 'review_state'])
      .execute();

    await db.schema
      .createTable('rejections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('stage_reached', 'text', (c) => c.notNull())
      .addColumn('reason_given', 'text')
      .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex('rejections_application').on('rejections').column('application_id').execute();

    await db.schema
      .createTable('steps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('due', 'text', (c) => c.notNull())
      .addColumn('all_day', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('snoozed_until', 'text')
      .addColumn('why', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('needs', 'text', (c) => c.notNull())
      .addColumn('contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addUniqueConstraint('steps_user_key_unique', ['user_id', 'key'])
      .execute();
    await db.schema
      .createIndex('steps_user_state_due')
      .on('steps')
      .columns(['user_id', 'state', 'due'])
      .execute();
    await db.schema.createIndex('steps_application').on('steps').column('application_id').execute();

    await db.schema
      .createTable('drafts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('step_id', 'text', (c) => c.references('steps.id').onDelete('set null'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('variant', 'integer', (c) => c.notNull())
      .addColumn('tone_warnings', 'text', (c) => c.notNull())
      .addColumn('in_reply_to', 'text')
      .addColumn('refs', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('sent_via', 'text')
      .addColumn('sent_message_id', 'text')
      .execute();
    await db.schema.createIndex('drafts_application').on('drafts').column('application_id').execute();

    await db.schema
      .createTable('mood_checkins')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) => c.references('applications.id').onDelete('set null'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('mood', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('mood_checkins_user_at')
      .on('mood_checkins')
      .columns(['user_id', 'at'])
      .execute();

    await db.schema
      .createTable('feedback')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('from_contact_id', 'text', (c) => c.references('contacts.id').onDelete('set null'))
      .addColumn('from_name', 'text')
      .addColumn('themes', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feedback_application').on('feedback').column('application_id').execute();

    await db.schema
      .createTable('reflections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) =>
        c.notNull().references('applications.id').onDelete('cascade'),
      )
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('lessons', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addUniqueConstraint('reflections_application_unique', ['application_id'])
      .execute();
  },
};

/**
 * Insights and practice: what an application says about the search (workplace, résumé version),
 * the seeker's résumés, an imported skills vocabulary (ESCO), learning goals, practice attempts and
 * the spaced-repetition card of each practised question.
 */
const insights: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('applications').addColumn('workplace', 'text').execute();
    await db.schema.alterTable('applications').addColumn('resume_version', 'text').execute();
    // What a search-wide step is about (a skill, a theme), so its title can name it.
    await db.schema.alterTable('steps').addColumn('subject', 'text').execute();

    await db.schema
      .createTable('resumes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('resumes_user_version_unique', ['user_id', 'version'])
      .execute();

    await db.schema
      .createTable('skill_vocabulary')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('aliases', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('skill_vocabulary_pk', ['user_id', 'id'])
      .execute();

    await db.schema
      .createTable('learning_goals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('skill_id', 'text', (c) => c.notNull())
      .addColumn('skill_label', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('plan', 'text')
      .addColumn('target', 'text')
      .addColumn('progress', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .execute();
    await db.schema.createIndex('learning_goals_user').on('learning_goals').column('user_id').execute();

    await db.schema
      .createTable('practice_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('scores', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('seconds', 'integer')
      .addColumn('rated_by', 'text', (c) => c.notNull())
      .addColumn('rater_name', 'text')
      .addColumn('reason', 'text')
      .execute();
    await db.schema
      .createIndex('practice_attempts_user_at')
      .on('practice_attempts')
      .columns(['user_id', 'at'])
      .execute();

    await db.schema
      .createTable('practice_cards')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('card', 'text', (c) => c.notNull())
      .addColumn('due', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('practice_cards_pk', ['user_id', 'question_id'])
      .execute();
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_playbook': playbook,
  '0003_insights': insights,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
