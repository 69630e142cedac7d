import { buildTimeline, type TimelineEntry } from '../domain/timeline.js';
import { getApplication } from './applications.js';
import type { Context } from './context.js';

export async function applicationTimeline(ctx: Context, idOrPrefix: string): Promise<TimelineEntry[]> {
  const view = await getApplication(ctx, idOrPrefix);
  return buildTimeline(
    view.events,
    view.interviews,
    view.notes,
    new Map(view.contacts.map((c) => [c.id, c])),
  );
}
