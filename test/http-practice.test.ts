/** Interview practice over HTTP, against a real server on loopback and every database that is here. */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../src/http/server.js';
import { DIALECTS, openTestWorld, PG_SKIP_REASON, PG_URL, type TestWorld } from './dialects.js';

if (!PG_URL) console.log(PG_SKIP_REASON);

const NOW = '2026-11-23T10:00:00.000Z';
const TOKEN = randomBytes(32).toString('hex');

for (const dialect of DIALECTS) {
  describe(`the practice API on ${dialect}`, () => {
    let world: TestWorld;
    let server: { url: string; close(): Promise<void> };
    beforeEach(async () => {
      world = await openTestWorld(dialect, NOW);
      server = await startServer({ store: world.store, token: TOKEN, port: 0, now: NOW });
    });
    afterEach(async () => {
      await server.close();
      await world.close();
    });

    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(server.url + path, {
        method,
        headers:
          body === undefined
            ? { 'x-onward-token': TOKEN }
            : { 'content-type': 'application/json', 'x-onward-token': TOKEN },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    };

    it('serves the bank, the plan, answers, the STAR check and progress', async () => {
      expect((await call('PATCH', '/api/settings', { timeZone: 'UTC' })).status).toBe(200);
      for (const [company, text, at] of [
        [
          'Acme',
          'The panel felt your answers needed more specific examples of what you had delivered.',
          '2026-11-20T09:00:00Z',
        ],
        ['Beta', 'We were looking for concrete examples with measurable results.', '2026-11-21T09:00:00Z'],
      ]) {
        const app = (
          await call('POST', '/api/applications', { company, role: 'Data Analyst', applied: '2026-10-01' })
        ).json;
        expect((await call('POST', `/api/applications/${app.id}/rejection`, {})).status).toBe(201);
        expect((await call('POST', `/api/applications/${app.id}/feedback`, { text, at })).status).toBe(201);
      }

      const bank = await call('GET', '/api/practice/questions?theme=examples_evidence&family=behavioural');
      expect(bank.status).toBe(200);
      expect(bank.json.questions.length).toBeGreaterThan(5);
      expect((await call('GET', '/api/practice/questions?theme=charm')).status).toBe(400);
      expect((await call('GET', '/api/practice/questions?colour=blue')).status).toBe(400);

      const plan = await call('GET', '/api/practice/plan');
      expect(plan.status).toBe(200);
      expect(plan.json.items[0].reason).toMatchObject({ kind: 'theme', theme: 'examples_evidence' });
      expect(plan.json.rubric.map((c: { id: string }) => c.id)).toEqual([
        'structure',
        'evidence',
        'result',
        'relevance',
        'delivery',
      ]);
      const questionId = plan.json.items[0].question.id;

      const star = await call('POST', '/api/practice/star', { answer: 'Um, I would always help.' });
      expect(star.status).toBe(200);
      expect(star.json).toMatchObject({ specificExample: false, fillerCount: 1 });
      expect((await call('POST', '/api/practice/star', {})).status).toBe(400);

      const saved = await call('POST', '/api/practice/attempts', {
        questionId,
        scores: { structure: 3, evidence: 2, result: 2, relevance: 3, delivery: 3 },
        answer: 'I would always help.',
        seconds: 30,
      });
      expect(saved.status).toBe(201);
      expect(saved.json.attempt).toMatchObject({ questionId, rating: 3, ratedBy: 'self', seconds: 30 });
      expect(saved.json.card.questionId).toBe(questionId);

      const friend = await call('POST', '/api/practice/attempts', {
        questionId,
        rating: 4,
        ratedBy: 'friend',
        raterName: 'Sam',
      });
      expect(friend.status).toBe(201);

      for (const bad of [
        { questionId: 'no-such-question', rating: 3 },
        { questionId, rating: 7 },
        { questionId, scores: { charm: 4 } },
        { questionId },
      ]) {
        const r = await call('POST', '/api/practice/attempts', bad);
        expect(r.status, JSON.stringify(bad)).toBe(400);
        expect(r.json.error.code).toBe('invalid_input');
        expect(r.json.error.message).not.toContain('\n');
      }

      const progress = await call('GET', '/api/practice/progress');
      expect(progress.status).toBe(200);
      expect(progress.json.totals).toMatchObject({ attempts: 2, byFriend: 1 });
      expect(progress.json.themes[0]).toMatchObject({ theme: 'examples_evidence', applications: 2 });
      expect(progress.json.themes[0].raisedBy.map((r: { company: string }) => r.company)).toEqual([
        'Acme',
        'Beta',
      ]);
    });
  });
}
