import type { FastifyInstance } from 'fastify';
import {
  addCheckIn,
  addFeedback,
  listFeedback,
  getReflection,
  listCheckIns,
  loadSample,
  rateInterview,
  reflectionQuestions,
  removeSample,
  sampleLoaded,
  saveReflection,
  type Context,
} from '../../services/index.js';
import { idParams, parseEdge } from '../validation.js';

const objectBody = (raw: unknown): Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

export function registerReflectionRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/api/checkins', async () => ({ checkins: await listCheckIns(ctx) }));
  app.post('/api/checkins', async (request, reply) =>
    reply.status(201).send(await addCheckIn(ctx, objectBody(request.body))),
  );

  app.get('/api/reflection/questions', async () => ({ questions: reflectionQuestions() }));
  app.get('/api/applications/:id/reflection', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return getReflection(ctx, id);
  });
  app.put('/api/applications/:id/reflection', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return saveReflection(ctx, id, objectBody(request.body));
  });

  app.patch('/api/interviews/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'interview');
    return rateInterview(ctx, id, objectBody(request.body));
  });

  app.get('/api/applications/:id/feedback', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return { feedback: await listFeedback(ctx, id) };
  });
  app.post('/api/applications/:id/feedback', async (request, reply) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return reply.status(201).send(await addFeedback(ctx, id, objectBody(request.body)));
  });

  app.get('/api/sample', async () => ({ loaded: await sampleLoaded(ctx) }));
  app.post('/api/sample', async (_request, reply) => reply.status(201).send(await loadSample(ctx)));
  app.delete('/api/sample', async () => removeSample(ctx));
}
