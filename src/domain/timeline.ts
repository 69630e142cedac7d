import { compareEvents, type ApplicationEvent } from './events.js';
import type { Contact, Id, Instant, Interview, Note } from './model.js';
import { STAGE_LABELS } from './stages.js';

export type TimelineEntryKind = ApplicationEvent['kind'] | 'interview' | 'note';

export interface TimelineEntry {
  at: Instant;
  kind: TimelineEntryKind;
  /** One line in the seeker's words: "Moved to Screening", "Video interview with Dana Lee". */
  title: string;
  detail: string | null;
  /** The event, interview or note behind the entry. */
  refId: Id;
}

function describeEvent(e: ApplicationEvent): string {
  const to = e.toStage ? STAGE_LABELS[e.toStage] : '';
  switch (e.kind) {
    case 'created':
      return e.toStage === 'saved' ? 'Saved the opening' : `Added at ${to}`;
    case 'stage_changed':
      return `Moved to ${to}`;
    case 'reopened':
      return `Reopened at ${to}`;
    case 'edited':
      return 'Edited the details';
  }
}

const KIND_WORDS: Record<Interview['kind'], string> = {
  phone: 'Phone interview',
  video: 'Video interview',
  onsite: 'On-site interview',
  technical: 'Technical interview',
  behavioural: 'Behavioural interview',
  panel: 'Panel interview',
  assessment: 'Assessment',
  other: 'Interview',
};

/** The application's story in time order: its events, interviews and notes woven together. */
export function buildTimeline(
  events: readonly ApplicationEvent[],
  interviews: readonly Interview[],
  notes: readonly Note[],
  contacts: ReadonlyMap<Id, Contact>,
): TimelineEntry[] {
  const entries: (TimelineEntry & { order: number })[] = [];
  [...events].sort(compareEvents).forEach((e, i) =>
    entries.push({
      at: e.at,
      kind: e.kind,
      title: describeEvent(e),
      detail: [e.detail, e.source ? `from ${e.source}` : null].filter(Boolean).join(' · ') || null,
      refId: e.id,
      order: i,
    }),
  );
  for (const iv of interviews) {
    const names = iv.interviewerIds.map((id) => contacts.get(id)?.name).filter(Boolean);
    entries.push({
      at: iv.at,
      kind: 'interview',
      title: names.length > 0 ? `${KIND_WORDS[iv.kind]} with ${names.join(', ')}` : KIND_WORDS[iv.kind],
      detail: iv.notes,
      refId: iv.id,
      order: Number.MAX_SAFE_INTEGER,
    });
  }
  for (const n of notes) {
    entries.push({
      at: n.at,
      kind: 'note',
      title: 'Note',
      detail: n.text,
      refId: n.id,
      order: Number.MAX_SAFE_INTEGER,
    });
  }
  entries.sort((a, b) =>
    a.at === b.at ? a.order - b.order || a.refId.localeCompare(b.refId) : a.at < b.at ? -1 : 1,
  );
  return entries.map(({ order: _order, ...entry }) => entry);
}
