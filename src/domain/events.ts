/**
 * An application's history: events with times, never overwritten. The current stage is the
 * stage of the latest stage event; a stage move is checked against it.
 */
import type { Id, Instant } from './model.js';
import { checkMove, type MoveKind, type Stage } from './stages.js';

export const EVENT_KINDS = ['created', 'stage_changed', 'reopened', 'edited'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface ApplicationEvent {
  id: Id;
  applicationId: Id;
  /** Order within the application, for events recorded at the same time. */
  seq: number;
  kind: EventKind;
  at: Instant;
  fromStage: Stage | null;
  toStage: Stage | null;
  /** Which email, rule or person made the change, when known. */
  source: string | null;
  detail: string | null;
}

export function compareEvents(a: ApplicationEvent, b: ApplicationEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.seq - b.seq;
}

/** The stage the history ends at. */
export function stageOf(events: readonly ApplicationEvent[]): Stage | null {
  let stage: Stage | null = null;
  for (const e of [...events].sort(compareEvents)) if (e.toStage) stage = e.toStage;
  return stage;
}

export type PlannedMove =
  | { ok: true; kind: MoveKind; eventKind: EventKind; from: Stage; to: Stage; at: Instant }
  | { ok: false; reason: string };

/**
 * Decides whether a move to `to` at time `at` can be recorded after `history`. A move may not be
 * dated before the latest stage event: that would silently rewrite what the history says.
 */
export function planMove(history: readonly ApplicationEvent[], to: Stage, at: Instant): PlannedMove {
  const sorted = [...history].sort(compareEvents);
  const from = stageOf(sorted);
  if (!from) return { ok: false, reason: 'the application has no stage yet' };
  const lastStageEvent = [...sorted].reverse().find((e) => e.toStage);
  if (lastStageEvent && at < lastStageEvent.at) {
    return {
      ok: false,
      reason: `the application moved to "${from}" at ${lastStageEvent.at}; a later move cannot be dated before that`,
    };
  }
  const check = checkMove(from, to);
  if (!check.ok) return check;
  return {
    ok: true,
    kind: check.kind,
    eventKind: check.kind === 'reopen' ? 'reopened' : 'stage_changed',
    from,
    to,
    at,
  };
}
