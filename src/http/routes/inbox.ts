import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../domain/errors.js';
import {
  decideReview,
  getImap,
  importInbox,
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

/** Splits an uploaded mbox into messages in memory (the upload is already bounded). */
async function* messagesOf(body: Buffer, name: string) {
  const text = body.toString('latin1');
  if (!text.startsWith('From ')) {
    yield { source: name, bytes: new Uint8Array(body) };
    return;
  }
  const starts: number[] = [];
  const re = /(^|\n)From [^\n]*\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[1]!.length);
  for (let i = 0; i < starts.length; i++) {
    const from = text.indexOf('\n', starts[i]!) + 1;
    const to = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const chunk = text.slice(from, to).replace(/\n(>+)From /g, (_m, q: string) => `\n${q.slice(1)}From `);
    yield { source: `${name}#${i + 1}`, bytes: new Uint8Array(Buffer.from(chunk, 'latin1')) };
  }
}

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
    return importInbox(ctx, messagesOf(request.body, name));
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
