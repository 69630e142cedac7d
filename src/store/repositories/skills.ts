import type { LearningGoal, LearningKind, Resume, Skill, SkillKind } from '../../domain/model.js';
import type { LearningGoalsTable, ResumesTable } from '../schema.js';
import { UserScoped } from './base.js';

const toResume = (r: ResumesTable): Resume => ({
  id: r.id,
  version: r.version,
  fileName: r.file_name,
  text: r.text,
  createdAt: r.created_at,
});

export class ResumeRepository extends UserScoped {
  async all(): Promise<Resume[]> {
    const rows = await this.db
      .selectFrom('resumes')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toResume);
  }

  async byVersion(version: string): Promise<Resume | undefined> {
    const row = await this.db
      .selectFrom('resumes')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && toResume(row);
  }

  async save(r: Resume): Promise<void> {
    const values = {
      id: r.id,
      user_id: this.userId,
      version: r.version,
      file_name: r.fileName,
      text: r.text,
      created_at: r.createdAt,
    };
    const { id: _id, user_id: _u, ...changes } = values;
    await this.db
      .insertInto('resumes')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('resumes.user_id', '=', this.userId))
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('resumes').where('user_id', '=', this.userId).where('id', '=', id).execute();
  }
}

/** The imported part of the skills vocabulary (ESCO); the built-in part lives in the code. */
export class SkillVocabularyRepository extends UserScoped {
  async all(): Promise<Skill[]> {
    const rows = await this.db
      .selectFrom('skill_vocabulary')
      .select(['id', 'label', 'kind', 'aliases'])
      .where('user_id', '=', this.userId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      label: r.label,
      kind: r.kind as SkillKind,
      aliases: JSON.parse(r.aliases) as string[],
    }));
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('skill_vocabulary')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', this.userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Replaces every entry from `source` with these, in chunks small enough for either database. */
  async replaceSource(source: string, skills: readonly Skill[]): Promise<void> {
    await this.db
      .deleteFrom('skill_vocabulary')
      .where('user_id', '=', this.userId)
      .where('source', '=', source)
      .execute();
    for (let i = 0; i < skills.length; i += 500) {
      await this.db
        .insertInto('skill_vocabulary')
        .values(
          skills.slice(i, i + 500).map((s) => ({
            user_id: this.userId,
            id: s.id,
            label: s.label,
            kind: s.kind,
            aliases: JSON.stringify(s.aliases),
            source,
          })),
        )
        .execute();
    }
  }
}

const toGoal = (r: LearningGoalsTable): LearningGoal => ({
  id: r.id,
  skillId: r.skill_id,
  skillLabel: r.skill_label,
  kind: r.kind as LearningKind,
  plan: r.plan,
  target: r.target,
  progress: r.progress,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  doneAt: r.done_at,
});

export class LearningGoalRepository extends UserScoped {
  async all(): Promise<LearningGoal[]> {
    const rows = await this.db
      .selectFrom('learning_goals')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toGoal);
  }

  async get(id: string): Promise<LearningGoal | undefined> {
    const row = await this.db
      .selectFrom('learning_goals')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toGoal(row);
  }

  async idsStartingWith(prefix: string, limit = 2): Promise<string[]> {
    const rows = await this.db
      .selectFrom('learning_goals')
      .select('id')
      .where('user_id', '=', this.userId)
      .where('id', '>=', prefix)
      .where('id', '<', `${prefix}\uffff`)
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async save(g: LearningGoal): Promise<void> {
    const values = {
      id: g.id,
      user_id: this.userId,
      skill_id: g.skillId,
      skill_label: g.skillLabel,
      kind: g.kind,
      plan: g.plan,
      target: g.target,
      progress: g.progress,
      created_at: g.createdAt,
      updated_at: g.updatedAt,
      done_at: g.doneAt,
    };
    const { id: _id, user_id: _u, created_at: _c, ...changes } = values;
    await this.db
      .insertInto('learning_goals')
      .values(values)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet(changes).where('learning_goals.user_id', '=', this.userId),
      )
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db
      .deleteFrom('learning_goals')
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .execute();
  }
}
