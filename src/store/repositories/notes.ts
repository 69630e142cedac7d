import type { Note } from '../../domain/model.js';
import type { NotesTable } from '../schema.js';
import { UserScoped } from './base.js';

const toNote = (r: NotesTable): Note => ({
  id: r.id,
  applicationId: r.application_id,
  text: r.text,
  at: r.at,
});

export class NoteRepository extends UserScoped {
  async forApplication(applicationId: string): Promise<Note[]> {
    const rows = await this.db
      .selectFrom('notes')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toNote);
  }

  async all(): Promise<Note[]> {
    const rows = await this.db
      .selectFrom('notes')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('application_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toNote);
  }

  async save(n: Note): Promise<void> {
    await this.db
      .insertInto('notes')
      .values({ id: n.id, user_id: this.userId, application_id: n.applicationId, text: n.text, at: n.at })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ text: n.text, at: n.at }).where('notes.user_id', '=', this.userId),
      )
      .execute();
  }
}
