import { describe, expect, it } from 'vitest';
import { planMove, stageOf, type ApplicationEvent } from './events.js';

const event = (
  seq: number,
  at: string,
  toStage: ApplicationEvent['toStage'],
  kind: ApplicationEvent['kind'] = 'stage_changed',
): ApplicationEvent => ({
  id: `e${seq}`,
  applicationId: 'a1',
  seq,
  kind,
  at,
  fromStage: null,
  toStage,
  source: null,
  detail: null,
});

describe('an application history', () => {
  const history = [
    event(1, '2026-11-02T00:00:00.000Z', 'applied', 'created'),
    event(3, '2026-11-06T00:00:00.000Z', null, 'edited'),
    event(2, '2026-11-05T00:00:00.000Z', 'screening'),
  ];

  it('ends at the stage of its latest stage event, whatever order it is stored in', () => {
    expect(stageOf(history)).toBe('screening');
    expect(stageOf([])).toBeNull();
  });

  it('orders events recorded at the same time by their sequence', () => {
    const same = [
      event(2, '2026-11-05T00:00:00.000Z', 'rejected'),
      event(1, '2026-11-05T00:00:00.000Z', 'screening'),
    ];
    expect(stageOf(same)).toBe('rejected');
  });

  it('plans an allowed move, and marks a reopening', () => {
    expect(planMove(history, 'interviewing', '2026-11-09T10:00:00.000Z')).toEqual({
      ok: true,
      kind: 'forward',
      eventKind: 'stage_changed',
      from: 'screening',
      to: 'interviewing',
      at: '2026-11-09T10:00:00.000Z',
    });
    const closed = [...history, event(4, '2026-11-10T00:00:00.000Z', 'rejected')];
    expect(planMove(closed, 'interviewing', '2026-11-12T00:00:00.000Z')).toMatchObject({
      ok: true,
      eventKind: 'reopened',
    });
  });

  it('refuses a move dated before the last stage change, but not before a later edit', () => {
    const early = planMove(history, 'final', '2026-11-04T00:00:00.000Z');
    expect(early.ok).toBe(false);
    expect(!early.ok && early.reason).toContain('moved to "screening" at 2026-11-05T00:00:00.000Z');
    expect(planMove(history, 'final', '2026-11-05T12:00:00.000Z').ok).toBe(true);
  });

  it('passes on the stage machine reason', () => {
    expect(planMove(history, 'saved', '2026-11-09T00:00:00.000Z')).toEqual({
      ok: false,
      reason: 'stages only move forward: "screening" comes after "saved"',
    });
  });
});
