import type { ApplicationEvent, EventKind } from '../../domain/events.js';
import type { Stage } from '../../domain/stages.js';
import type { ApplicationEventsTable } from '../schema.js';
import { UserScoped } from './base.js';

const toEvent = (r: ApplicationEventsTable): ApplicationEvent => ({
  id: r.id,
  applicationId: r.application_id,
  seq: r.seq,
  kind: r.kind as EventKind,
  at: r.at,
  fromStage: r.from_stage as Stage | null,
  toStage: r.to_stage as Stage | null,
  source: r.source,
  detail: r.detail,
});

/** Events are appended, never updated. */
export class EventRepository extends UserScoped {
  async forApplication(applicationId: string): Promise<ApplicationEvent[]> {
    const rows = await this.db
      .selectFrom('application_events')
      .selectAll()
      .where('user_id', '=', this.userId)
      .where('application_id', '=', applicationId)
      .orderBy('at')
      .orderBy('seq')
      .execute();
    return rows.map(toEvent);
  }

  async all(): Promise<ApplicationEvent[]> {
    const rows = await this.db
      .selectFrom('application_events')
      .selectAll()
      .where('user_id', '=', this.userId)
      .orderBy('application_id')
      .orderBy('seq')
      .execute();
    return rows.map(toEvent);
  }

  /** When each application was sent: its first move to applied, or its creation past `saved`. */
  async firstAppliedAt(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('application_events')
      .select(['application_id', (eb) => eb.fn.min('at').as('at')])
      .where('user_id', '=', this.userId)
      .where((eb) =>
        eb.or([
          eb('to_stage', '=', 'applied'),
          eb.and([eb('kind', '=', 'created'), eb('to_stage', '<>', 'saved')]),
        ]),
      )
      .groupBy('application_id')
      .execute();
    return new Map(rows.map((r) => [r.application_id, String(r.at)]));
  }

  async nextSeq(applicationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('application_events')
      .select((eb) => eb.fn.max('seq').as('max'))
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    return (row?.max ?? 0) + 1;
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('application_events').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  async append(e: ApplicationEvent): Promise<void> {
    await this.db
      .insertInto('application_events')
      .values({
        id: e.id,
        user_id: this.userId,
        application_id: e.applicationId,
        seq: e.seq,
        kind: e.kind,
        at: e.at,
        from_stage: e.fromStage,
        to_stage: e.toStage,
        source: e.source,
        detail: e.detail,
      })
      .execute();
  }
}
