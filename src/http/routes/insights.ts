import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../domain/errors.js';
import {
  addLearningGoal,
  applicationSkills,
  deleteLearningGoal,
  deleteResume,
  extractFromText,
  getResume,
  insights,
  listLearningGoals,
  listResumes,
  saveResume,
  saveResumeFile,
  updateLearningGoal,
  vocabularySize,
  type Context,
} from '../../services/index.js';
import { idParams, parseEdge } from '../validation.js';

const objectBody = (raw: unknown): Record<string, unknown> =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};

const versionParams = z.object({ version: z.string().trim().min(1).max(100) });

/** A résumé file travels as base64 inside JSON (the API reads JSON only): 20 MB of file at most. */
const RESUME_BODY_LIMIT = 28 * 1024 * 1024;

export function registerInsightRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/api/insights', async () => insights(ctx));

  app.get('/api/applications/:id/skills', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return applicationSkills(ctx, id);
  });

  app.get('/api/skills/vocabulary', async () => vocabularySize(ctx));
  app.post('/api/skills/extract', async (request) => {
    const body = objectBody(request.body);
    if (typeof body.text !== 'string') throw invalidInput('text: the text to look for skills in');
    return { skills: await extractFromText(ctx, body.text) };
  });

  app.get('/api/resumes', async () => ({ resumes: await listResumes(ctx) }));
  app.post('/api/resumes', { bodyLimit: RESUME_BODY_LIMIT }, async (request, reply) => {
    const body = objectBody(request.body);
    if (typeof body.data === 'string') {
      if (typeof body.fileName !== 'string' || !body.fileName)
        throw invalidInput('fileName: the file name tells what kind of file it is (.txt, .md, .pdf, .docx)');
      const bytes = Buffer.from(body.data, 'base64');
      return reply
        .status(201)
        .send(await saveResumeFile(ctx, { fileName: body.fileName, data: bytes, version: body.version }));
    }
    return reply.status(201).send(await saveResume(ctx, body));
  });
  app.get('/api/resumes/:version', async (request) => {
    const { version } = parseEdge(versionParams, request.params, 'résumé');
    return getResume(ctx, version);
  });
  app.delete('/api/resumes/:version', async (request, reply) => {
    const { version } = parseEdge(versionParams, request.params, 'résumé');
    await deleteResume(ctx, version);
    return reply.status(204).send();
  });

  app.get('/api/learning-goals', async () => ({ goals: await listLearningGoals(ctx) }));
  app.post('/api/learning-goals', async (request, reply) =>
    reply.status(201).send(await addLearningGoal(ctx, objectBody(request.body))),
  );
  app.patch('/api/learning-goals/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'learning goal');
    return updateLearningGoal(ctx, id, objectBody(request.body));
  });
  app.delete('/api/learning-goals/:id', async (request, reply) => {
    const { id } = parseEdge(idParams, request.params, 'learning goal');
    await deleteLearningGoal(ctx, id);
    return reply.status(204).send();
  });
}
