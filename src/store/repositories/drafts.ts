import type { Draft, SentVia, StepKind, ToneWarning } from '../../domain/model.js';
import type { DraftsTable } from '../schema.js';
import { UserScoped } from './base.js';

const toDraft = (r: DraftsTable): Draft => ({
  id: r.id,
  applicationId: r.application_id,
  stepId: r.step_id,
  kind: r.kind as StepKind,
  to: r.to_address,
  subject: r.subject,
  body: r.body,
  variant: r.variant,
  toneWarnings: JSON.parse(r.tone_warnings) as ToneWarning[],
  inReplyTo: r.in_reply_to,
  references: JSON.parse(r.refs) as string[],
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
  sentVia: r.sent_via as SentVia | null,
  sentMessageId: r.sent_message_id,
});

export class DraftRepository extends UserScoped {
  async get(id: string): Promise<Draft | undefined> {
    const row = await this.db
      .selectFrom('drafts')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toDraft(row);
  }

  async idsStartingWith(prefix: string, limit = 2): Promise<string[]> {
    const rows = await this.db
      .selectFrom('drafts')
      .select('id')
      .where('user_id', '=', this.userId)
      .where('id', '>=', prefix)
      .where('id', '<', `${prefix}\uffff`)
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async forApplication(applicationId: string): Promise<Draft[]> {
    const rows = await this.db
      .selectFrom('drafts')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toDraft);
  }

  /** How many drafts of a kind were ever made, across applications: the next phrasing to use. */
  async countOfKind(kind: StepKind): Promise<number> {
    const row = await this.db
      .selectFrom('drafts')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('user_id', '=', this.userId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async all(): Promise<Draft[]> {
    const rows = await this.db
      .selectFrom('drafts')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('application_id')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toDraft);
  }

  async save(d: Draft): Promise<void> {
    const values = {
      id: d.id,
      user_id: this.userId,
      application_id: d.applicationId,
      step_id: d.stepId,
      kind: d.kind,
      to_address: d.to,
      subject: d.subject,
      body: d.body,
      variant: d.variant,
      tone_warnings: JSON.stringify(d.toneWarnings),
      in_reply_to: d.inReplyTo,
      refs: JSON.stringify(d.references),
      note: d.note,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
      sent_at: d.sentAt,
      sent_via: d.sentVia,
      sent_message_id: d.sentMessageId,
    };
    const { id: _id, user_id: _u, created_at: _c, ...changes } = values;
    await this.db
      .insertInto('drafts')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('drafts.user_id', '=', this.userId))
      .execute();
  }
}
