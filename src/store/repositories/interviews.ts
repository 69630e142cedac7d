import type { Interview, InterviewKind } from '../../domain/model.js';
import type { InterviewsTable } from '../schema.js';
import { UserScoped } from './base.js';

export class InterviewRepository extends UserScoped {
  private async withInterviewers(rows: InterviewsTable[]): Promise<Interview[]> {
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('interview_interviewers')
      .select(['interview_id', 'contact_id'])
      .where('user_id', '=', this.userId)
      .where(
        'interview_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('contact_id')
      .execute();
    const byInterview = new Map<string, string[]>();
    for (const l of links)
      byInterview.set(l.interview_id, [...(byInterview.get(l.interview_id) ?? []), l.contact_id]);
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      kind: r.kind as InterviewKind,
      at: r.at,
      interviewerIds: byInterview.get(r.id) ?? [],
      notes: r.notes,
      replyExpectedBy: r.reply_expected_by,
      selfRating: r.self_rating,
      selfAssessment: r.self_assessment,
      createdAt: r.created_at,
    }));
  }

  async get(id: string): Promise<Interview | undefined> {
    const rows = await this.db
      .selectFrom('interviews')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .execute();
    return (await this.withInterviewers(rows))[0];
  }

  async forApplication(applicationId: string): Promise<Interview[]> {
    const rows = await this.db
      .selectFrom('interviews')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return this.withInterviewers(rows);
  }

  async all(): Promise<Interview[]> {
    const rows = await this.db
      .selectFrom('interviews')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('application_id')
      .orderBy('at')
      .orderBy('id')
      .execute();
    // In chunks: a long history would exceed the bound-parameter limits.
    const out: Interview[] = [];
    for (let i = 0; i < rows.length; i += 500)
      out.push(...(await this.withInterviewers(rows.slice(i, i + 500))));
    return out;
  }

  async save(i: Interview): Promise<void> {
    const values = {
      id: i.id,
      user_id: this.userId,
      application_id: i.applicationId,
      kind: i.kind,
      at: i.at,
      notes: i.notes,
      reply_expected_by: i.replyExpectedBy,
      self_rating: i.selfRating,
      self_assessment: i.selfAssessment,
      created_at: i.createdAt,
    };
    const { id: _id, user_id: _u, created_at: _c, ...changes } = values;
    await this.db
      .insertInto('interviews')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('interviews.user_id', '=', this.userId))
      .execute();
    await this.db
      .deleteFrom('interview_interviewers')
      .where('interview_id', '=', i.id)
      .where('user_id', '=', this.userId)
      .execute();
    if (i.interviewerIds.length > 0) {
      await this.db
        .insertInto('interview_interviewers')
        .values(
          [...new Set(i.interviewerIds)].map((contactId) => ({
            user_id: this.userId,
            interview_id: i.id,
            contact_id: contactId,
          })),
        )
        .execute();
    }
  }
}
