/**
 * The stage machine of an application. A stage change is an event with a time (see events.ts);
 * this file only says which moves make sense.
 */

export const OPEN_STAGES = ['saved', 'applied', 'screening', 'interviewing', 'final', 'offer'] as const;
export const CLOSING_STAGES = ['rejected', 'withdrawn', 'no_response'] as const;
export const STAGES = [...OPEN_STAGES, 'accepted', ...CLOSING_STAGES] as const;

export type OpenStage = (typeof OPEN_STAGES)[number];
export type ClosingStage = (typeof CLOSING_STAGES)[number];
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  saved: 'Saved',
  applied: 'Applied',
  screening: 'Screening',
  interviewing: 'Interviewing',
  final: 'Final round',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  no_response: 'No response',
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export function isOpenStage(stage: Stage): stage is OpenStage {
  return (OPEN_STAGES as readonly string[]).includes(stage);
}

export function isClosingStage(stage: Stage): stage is ClosingStage {
  return (CLOSING_STAGES as readonly string[]).includes(stage);
}

/** How far along the open path a stage is; closing stages and `accepted` have no rank of their own. */
function rank(stage: OpenStage): number {
  return OPEN_STAGES.indexOf(stage);
}

export type MoveKind = 'forward' | 'close' | 'accept' | 'reopen';

export type MoveCheck = { ok: true; kind: MoveKind } | { ok: false; reason: string };

/**
 * Which moves are allowed:
 * - forward along the open path, skipping stages if the process did (applied → interviewing);
 * - to `rejected`, `withdrawn` or `no_response` from any open stage;
 * - to `accepted` only from `offer`; from `accepted` only to `withdrawn` (the seeker backed out);
 * - from a closing stage back to any open stage: a reopening, recorded as such
 *   (a "no response" that finally answered, a rejection that turned into a new opening).
 * Moving back along the open path is refused: it would rewrite what happened.
 */
export function checkMove(from: Stage, to: Stage): MoveCheck {
  if (from === to) return { ok: false, reason: `the application is already at "${to}"` };
  if (from === 'accepted') {
    return to === 'withdrawn'
      ? { ok: true, kind: 'close' }
      : { ok: false, reason: `an accepted offer can only be withdrawn, not moved to "${to}"` };
  }
  if (isClosingStage(from)) {
    if (isOpenStage(to)) return { ok: true, kind: 'reopen' };
    return {
      ok: false,
      reason: `"${from}" is closed; reopen it at an open stage (${OPEN_STAGES.join(', ')}) first`,
    };
  }
  // from is open
  if (to === 'accepted') {
    return from === 'offer'
      ? { ok: true, kind: 'accept' }
      : { ok: false, reason: `only an offer can be accepted; this application is at "${from}"` };
  }
  if (isClosingStage(to)) return { ok: true, kind: 'close' };
  if (rank(to) > rank(from)) return { ok: true, kind: 'forward' };
  return {
    ok: false,
    reason: `stages only move forward: "${from}" comes after "${to}"`,
  };
}

/** The stages a seeker can move to from here, in display order. */
export function nextStages(from: Stage): Stage[] {
  return STAGES.filter((to) => checkMove(from, to).ok);
}
