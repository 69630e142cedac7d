import { describe, expect, it } from 'vitest';
import { checkMove, CLOSING_STAGES, nextStages, OPEN_STAGES, STAGES } from './stages.js';

describe('the stage machine', () => {
  it('moves forward along the open path, skipping stages when the process did', () => {
    expect(checkMove('applied', 'screening')).toEqual({ ok: true, kind: 'forward' });
    expect(checkMove('applied', 'interviewing')).toEqual({ ok: true, kind: 'forward' });
    expect(checkMove('saved', 'offer')).toEqual({ ok: true, kind: 'forward' });
  });

  it('never moves back along the open path', () => {
    const back = checkMove('final', 'screening');
    expect(back.ok).toBe(false);
    expect(!back.ok && back.reason).toBe('stages only move forward: "final" comes after "screening"');
  });

  it('reaches every closing stage from every open stage', () => {
    for (const from of OPEN_STAGES) {
      for (const to of CLOSING_STAGES)
        expect(checkMove(from, to), `${from} → ${to}`).toEqual({ ok: true, kind: 'close' });
    }
  });

  it('accepts only an offer', () => {
    expect(checkMove('offer', 'accepted')).toEqual({ ok: true, kind: 'accept' });
    for (const from of STAGES.filter((s) => s !== 'offer' && s !== 'accepted')) {
      expect(checkMove(from, 'accepted').ok, from).toBe(false);
    }
  });

  it('reopens a closed application at any open stage, and nowhere else', () => {
    for (const from of CLOSING_STAGES) {
      for (const to of OPEN_STAGES)
        expect(checkMove(from, to), `${from} → ${to}`).toEqual({ ok: true, kind: 'reopen' });
      expect(checkMove(from, 'accepted').ok).toBe(false);
    }
    expect(checkMove('rejected', 'withdrawn').ok).toBe(false);
  });

  it('lets an accepted offer only be withdrawn', () => {
    expect(checkMove('accepted', 'withdrawn')).toEqual({ ok: true, kind: 'close' });
    expect(checkMove('accepted', 'rejected').ok).toBe(false);
    expect(checkMove('accepted', 'offer').ok).toBe(false);
  });

  it('refuses standing still', () => {
    expect(checkMove('screening', 'screening')).toEqual({
      ok: false,
      reason: 'the application is already at "screening"',
    });
  });

  it('lists the moves available from a stage', () => {
    expect(nextStages('final')).toEqual(['offer', 'rejected', 'withdrawn', 'no_response']);
    expect(nextStages('offer')).toEqual(['accepted', 'rejected', 'withdrawn', 'no_response']);
    expect(nextStages('no_response')).toEqual([...OPEN_STAGES]);
  });
});
