import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../domain/errors.js';
import {
  decideReview,
  getImap,
  importUpload,
  reviewList,
  setImap,
  syncInbox,
  type Context,
} from '../../services/index.js';
import { idParams, parseEdge } from '../validation.js';

/** An uploaded mailbox: up to 200 MB as the request body (an .eml, or an mbox). */
export const INBOX_UPLOAD_LIMIT = 200 * 1024 * 1024;

const decision = z
  .object({
    action: z.enum(['confirm', 'dismiss'], { error: 'action must be confirm or dismiss' }),
    label: z.enum(['application_received', 'interview', 'rejection', 'offer', 'other']).optional(),
    applicationId: z.string().nullish(),
    newApplication: z
      .object({ company: z.string().min(1), role: z.string().min(1) })
      .strict()
      .nullish(),
  })
  .strict();

export function registerInboxRoutes(app: FastifyInstance, ctx: Context): void {
  app.addContentTypeParser(
    ['message/rfc822', 'application/mbox'],
    { parseAs: 'buffer', bodyLimit: INBOX_UPLOAD_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post('/api/inbox/import', { bodyLimit: INBOX_UPLOAD_LIMIT }, async (request) => {
    if (!Buffer.isBuffer(request.body)) {
      throw invalidInput(
        'send the .eml or .mbox file as the body, with Content-Type message/rfc822 or application/mbox',
      );
    }
    const name =
      typeof request.headers['x-file-name'] === 'string' ? request.headers['x-file-name'] : 'upload';
    return importUpload(ctx, request.body, name);
  });

  app.post('/api/inbox/sync', async () => syncInbox(ctx));
  app.get('/api/inbox/review', async () => ({ items: await reviewList(ctx) }));
  app.post('/api/inbox/review/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'email');
    const d = parseEdge(decision, request.body ?? {}, 'review');
    return decideReview(ctx, id, {
      action: d.action,
      ...(d.label ? { label: d.label } : {}),
      ...(d.applicationId !== undefined ? { applicationId: d.applicationId } : {}),
      ...(d.newApplication ? { newApplication: d.newApplication } : {}),
    });
  });
  app.get('/api/imap', async () => ({ imap: await getImap(ctx) }));
  app.put('/api/imap', async (request) => {
    const input = request.body;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw invalidInput('imap: send an object with host, port, secure, user, password and folders');
    }
    return { imap: await setImap(ctx, input as Record<string, unknown>) };
  });
}
