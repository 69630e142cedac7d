import type { MoodCheckIn, Reflection } from '../../domain/model.js';
import type { MoodCheckinsTable, ReflectionsTable } from '../schema.js';
import { UserScoped } from './base.js';

const toCheckIn = (r: MoodCheckinsTable): MoodCheckIn => ({
  id: r.id,
  applicationId: r.application_id,
  at: r.at,
  mood: r.mood,
  note: r.note,
});

const toReflection = (r: ReflectionsTable): Reflection => ({
  id: r.id,
  applicationId: r.application_id,
  answers: JSON.parse(r.answers) as Record<string, string>,
  lessons: r.lessons,
  at: r.at,
});

export class CheckInRepository extends UserScoped {
  async all(): Promise<MoodCheckIn[]> {
    const rows = await this.db
      .selectFrom('mood_checkins')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toCheckIn);
  }

  async save(c: MoodCheckIn): Promise<void> {
    const values = {
      id: c.id,
      user_id: this.userId,
      application_id: c.applicationId,
      at: c.at,
      mood: c.mood,
      note: c.note,
    };
    const { id: _id, user_id: _u, ...changes } = values;
    await this.db
      .insertInto('mood_checkins')
      .values(values)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet(changes).where('mood_checkins.user_id', '=', this.userId),
      )
      .execute();
  }
}

export class ReflectionRepository extends UserScoped {
  async forApplication(applicationId: string): Promise<Reflection | undefined> {
    const row = await this.db
      .selectFrom('reflections')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    return row && toReflection(row);
  }

  async all(): Promise<Reflection[]> {
    const rows = await this.db
      .selectFrom('reflections')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('id')
      .execute();
    return rows.map(toReflection);
  }

  async save(r: Reflection): Promise<void> {
    const values = {
      id: r.id,
      user_id: this.userId,
      application_id: r.applicationId,
      answers: JSON.stringify(r.answers),
      lessons: r.lessons,
      at: r.at,
    };
    const { id: _id, user_id: _u, application_id: _a, ...changes } = values;
    await this.db
      .insertInto('reflections')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('reflections.user_id', '=', this.userId))
      .execute();
  }
}
