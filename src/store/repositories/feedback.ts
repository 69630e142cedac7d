import type { Feedback } from '../../domain/model.js';
import type { FeedbackTable } from '../schema.js';
import { UserScoped } from './base.js';

const toFeedback = (r: FeedbackTable): Feedback => ({
  id: r.id,
  applicationId: r.application_id,
  text: r.text,
  fromContactId: r.from_contact_id,
  fromName: r.from_name,
  themes: JSON.parse(r.themes) as Feedback['themes'],
  receivedAt: r.received_at,
});

export class FeedbackRepository extends UserScoped {
  async forApplication(applicationId: string): Promise<Feedback[]> {
    const rows = await this.db
      .selectFrom('feedback')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    return rows.map(toFeedback);
  }

  async all(): Promise<Feedback[]> {
    const rows = await this.db
      .selectFrom('feedback')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    return rows.map(toFeedback);
  }

  async save(f: Feedback): Promise<void> {
    const values = {
      id: f.id,
      user_id: this.userId,
      application_id: f.applicationId,
      text: f.text,
      from_contact_id: f.fromContactId,
      from_name: f.fromName,
      themes: JSON.stringify(f.themes),
      received_at: f.receivedAt,
    };
    const { id: _id, user_id: _u, ...changes } = values;
    await this.db
      .insertInto('feedback')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('feedback.user_id', '=', this.userId))
      .execute();
  }
}
