import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  practicePlan,
  practiceProgress,
  practiceQuestions,
  practiceStarCheck,
  recordPracticeAttempt,
  type Context,
} from '../../services/index.js';
import { parseEdge, queryText } from '../validation.js';

const objectBody = (raw: unknown): Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

const questionQuery = z.object({ theme: queryText.optional(), family: queryText.optional() }).strict();
const planQuery = z.object({ size: queryText.optional() }).strict();

/** Interview practice: the bank, the week's plan, answers and their ratings, the STAR check, progress. */
export function registerPracticeRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/api/practice/questions', async (request) => {
    const query = parseEdge(questionQuery, request.query, 'practice questions');
    return { questions: practiceQuestions(query) };
  });

  app.get('/api/practice/plan', async (request) => {
    const query = parseEdge(planQuery, request.query, 'practice plan');
    return practicePlan(ctx, query);
  });

  app.post('/api/practice/attempts', async (request, reply) =>
    reply.status(201).send(await recordPracticeAttempt(ctx, objectBody(request.body))),
  );

  app.post('/api/practice/star', async (request) => practiceStarCheck(objectBody(request.body).answer));

  app.get('/api/practice/progress', async () => practiceProgress(ctx));
}
