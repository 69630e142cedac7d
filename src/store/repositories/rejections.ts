import type { Rejection } from '../../domain/model.js';
import type { Stage } from '../../domain/stages.js';
import type { RejectionsTable } from '../schema.js';
import { UserScoped } from './base.js';

const toRejection = (r: RejectionsTable): Rejection => ({
  id: r.id,
  applicationId: r.application_id,
  at: r.at,
  stageReached: r.stage_reached as Stage,
  reasonGiven: r.reason_given,
  messageId: r.message_id,
});

export class RejectionRepository extends UserScoped {
  async forApplication(applicationId: string): Promise<Rejection[]> {
    const rows = await this.db
      .selectFrom('rejections')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toRejection);
  }

  async all(): Promise<Rejection[]> {
    const rows = await this.db
      .selectFrom('rejections')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('application_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toRejection);
  }

  async save(r: Rejection): Promise<void> {
    const values = {
      id: r.id,
      user_id: this.userId,
      application_id: r.applicationId,
      at: r.at,
      stage_reached: r.stageReached,
      reason_given: r.reasonGiven,
      message_id: r.messageId,
    };
    const { id: _id, user_id: _u, ...changes } = values;
    await this.db
      .insertInto('rejections')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('rejections.user_id', '=', this.userId))
      .execute();
  }
}
