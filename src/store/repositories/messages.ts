import type { EmailClass, Message, MessageProposal } from '../../domain/model.js';
import type { MessagesTable } from '../schema.js';
import { UserScoped } from './base.js';

const toMessage = (r: MessagesTable): Message => ({
  id: r.id,
  messageId: r.message_id,
  direction: r.direction as Message['direction'],
  class: r.class as EmailClass,
  confidence: Number(r.confidence),
  subject: r.subject,
  from: r.from_address,
  to: r.to_address,
  company: r.company,
  role: r.role,
  person: r.person,
  applicationId: r.application_id,
  inReplyTo: r.in_reply_to,
  references: JSON.parse(r.refs) as string[],
  text: r.body_text,
  receivedAt: r.received_at,
  source: r.source,
  reviewState: r.review_state as Message['reviewState'],
  proposal: r.proposal ? (JSON.parse(r.proposal) as MessageProposal) : null,
  interviewTime: r.interview_time,
  reasons: JSON.parse(r.reasons) as string[],
});

export class MessageRepository extends UserScoped {
  async get(id: string): Promise<Message | undefined> {
    const row = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toMessage(row);
  }

  async findByMessageId(messageId: string): Promise<Message | undefined> {
    const row = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('message_id', '=', messageId)
      .executeTakeFirst();
    return row && toMessage(row);
  }

  async forApplication(applicationId: string): Promise<Message[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    return rows.map(toMessage);
  }

  async all(): Promise<Message[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    return rows.map(toMessage);
  }

  async save(m: Message): Promise<void> {
    const values = {
      id: m.id,
      user_id: this.userId,
      application_id: m.applicationId,
      message_id: m.messageId,
      direction: m.direction,
      class: m.class,
      confidence: m.confidence,
      subject: m.subject,
      from_address: m.from,
      to_address: m.to,
      company: m.company,
      role: m.role,
      person: m.person,
      in_reply_to: m.inReplyTo,
      refs: JSON.stringify(m.references),
      body_text: m.text,
      received_at: m.receivedAt,
      source: m.source,
      review_state: m.reviewState,
      proposal: m.proposal ? JSON.stringify(m.proposal) : null,
      interview_time: m.interviewTime,
      reasons: JSON.stringify(m.reasons),
    };
    const { id: _id, user_id: _u, ...changes } = values;
    await this.db
      .insertInto('messages')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('messages.user_id', '=', this.userId))
      .execute();
  }

  async byMessageIds(messageIds: readonly string[]): Promise<Message[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('message_id', 'in', [...messageIds].slice(0, 500))
      .orderBy('received_at')
      .execute();
    return rows.map(toMessage);
  }

  /** Per application, the first email from the employer that was an answer (not an acknowledgement). */
  async firstAnswers(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('messages')
      .select(['application_id', (eb) => eb.fn.min('received_at').as('first')])
      .where('user_id', '=', this.userId)
      .where('direction', '=', 'in')
      .where('class', 'in', ['interview', 'rejection', 'offer'])
      .where('application_id', 'is not', null)
      .groupBy('application_id')
      .execute();
    return new Map(rows.map((r) => [r.application_id!, String(r.first)]));
  }

  async pendingReview(): Promise<Message[]> {
    const rows = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('review_state', '=', 'pending')
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    return rows.map(toMessage);
  }

  /** Of these Message-IDs, the ones already stored: an import skips them. */
  async knownMessageIds(messageIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('messages')
        .select('message_id')
        .where('user_id', '=', this.userId)
        .where('message_id', 'in', messageIds.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.message_id);
    }
    return out;
  }
}
