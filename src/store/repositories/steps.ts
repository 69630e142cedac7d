import type { Step, StepKind, StepNeed, StepState } from '../../domain/model.js';
import type { StepsTable } from '../schema.js';
import { UserScoped } from './base.js';

const toStep = (r: StepsTable): Step => ({
  id: r.id,
  applicationId: r.application_id,
  kind: r.kind as StepKind,
  key: r.key,
  due: r.due,
  allDay: r.all_day === 1,
  state: r.state as StepState,
  snoozedUntil: r.snoozed_until,
  why: r.why,
  rule: r.rule,
  needs: JSON.parse(r.needs) as StepNeed[],
  contactId: r.contact_id,
  subject: r.subject ?? null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by as Step['closedBy'],
});

export interface StepFilter {
  states?: readonly StepState[];
  /** Steps wanting attention by this instant (their due time, or the end of their snooze). */
  dueBy?: string;
}

export class StepRepository extends UserScoped {
  async get(id: string): Promise<Step | undefined> {
    const row = await this.db
      .selectFrom('steps')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toStep(row);
  }

  /** Ids that start with a prefix, for short ids typed by hand. */
  async idsStartingWith(prefix: string, limit = 2): Promise<string[]> {
    const rows = await this.db
      .selectFrom('steps')
      .select('id')
      .where('user_id', '=', this.userId)
      .where('id', '>=', prefix)
      .where('id', '<', `${prefix}\uffff`)
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async forApplication(applicationId: string): Promise<Step[]> {
    const rows = await this.db
      .selectFrom('steps')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .orderBy('due')
      .orderBy('key')
      .execute();
    return rows.map(toStep);
  }

  /** Steps about the search as a whole (no application). */
  async forSearch(): Promise<Step[]> {
    const rows = await this.db
      .selectFrom('steps')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', 'is', null)
      .orderBy('due')
      .orderBy('key')
      .execute();
    return rows.map(toStep);
  }

  async list(filter: StepFilter = {}): Promise<Step[]> {
    let q = this.db.selectFrom('steps').selectAll().where('user_id', '=', this.userId);
    if (filter.states) q = q.where('state', 'in', [...filter.states]);
    if (filter.dueBy) {
      const by = filter.dueBy;
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'open'), eb('due', '<=', by)]),
          eb.and([eb('state', '=', 'snoozed'), eb('snoozed_until', '<=', by)]),
        ]),
      );
    }
    const rows = await q.orderBy('due').orderBy('key').execute();
    return rows.map(toStep);
  }

  async all(): Promise<Step[]> {
    const rows = await this.db
      .selectFrom('steps')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('key')
      .execute();
    return rows.map(toStep);
  }

  async save(s: Step): Promise<void> {
    const values = {
      id: s.id,
      user_id: this.userId,
      application_id: s.applicationId,
      kind: s.kind,
      key: s.key,
      due: s.due,
      all_day: s.allDay ? 1 : 0,
      state: s.state,
      snoozed_until: s.snoozedUntil,
      why: s.why,
      rule: s.rule,
      needs: JSON.stringify(s.needs),
      contact_id: s.contactId,
      subject: s.subject,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
      closed_at: s.closedAt,
      closed_by: s.closedBy,
    };
    const { id: _id, user_id: _u, created_at: _c, ...changes } = values;
    await this.db
      .insertInto('steps')
      .values(values)
      .onConflict((oc) => oc.column('id').doUpdateSet(changes).where('steps.user_id', '=', this.userId))
      .execute();
  }
}
