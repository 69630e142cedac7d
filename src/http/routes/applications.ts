import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addInterview,
  addNote,
  applicationTimeline,
  createApplication,
  getApplication,
  listApplications,
  moveApplication,
  updateApplication,
  type Context,
} from '../../services/index.js';
import type {
  ApplicationPatch,
  MoveInput,
  NewApplication,
  NewInterview,
  NewNote,
} from '../../services/inputs.js';
import { idParams, parseEdge, queryCount, queryText } from '../validation.js';

const listQuery = z
  .object({
    // `?stage=applied,screening` or `?stage=applied&stage=screening`; the use-case checks the names.
    stage: z.union([z.string(), z.array(z.string())]).optional(),
    company: queryText.optional(),
    source: queryText.optional(),
    q: queryText.optional(),
    sort: queryText.optional(),
    order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
    limit: queryCount.optional(),
    offset: queryCount.optional(),
  })
  .strict();

/** The bodies go to the use-cases as they came: they parse them and word every complaint. */
export function registerApplicationRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/api/applications', async (request) => {
    const query = parseEdge(listQuery, request.query, 'application list');
    return { applications: await listApplications(ctx, query) };
  });

  app.post('/api/applications', async (request, reply) => {
    const view = await createApplication(ctx, request.body as NewApplication);
    return reply.status(201).send(view);
  });

  app.get('/api/applications/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return getApplication(ctx, id);
  });

  app.patch('/api/applications/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return updateApplication(ctx, id, request.body as ApplicationPatch);
  });

  app.post('/api/applications/:id/moves', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return moveApplication(ctx, id, request.body as MoveInput);
  });

  app.post('/api/applications/:id/interviews', async (request, reply) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    const interview = await addInterview(ctx, id, request.body as NewInterview);
    return reply.status(201).send(interview);
  });

  app.post('/api/applications/:id/notes', async (request, reply) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    const note = await addNote(ctx, id, request.body as NewNote);
    return reply.status(201).send(note);
  });

  app.get('/api/applications/:id/timeline', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return { entries: await applicationTimeline(ctx, id) };
  });
}
