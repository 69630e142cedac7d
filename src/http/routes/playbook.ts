import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../../domain/errors.js';
import {
  actOnStep,
  calendarFeed,
  calendarToken,
  checkDraftTone,
  createDraft,
  getDraft,
  getPlan,
  getSettings,
  getSmtp,
  isCalendarToken,
  listDrafts,
  recordRejection,
  sendDraft,
  setSmtp,
  today,
  updateDraft,
  updateSettings,
  type Context,
  type DraftEdit,
} from '../../services/index.js';
import { HttpError } from '../errors.js';
import { idParams, parseEdge } from '../validation.js';

const rejectionBody = z
  .object({
    at: z.string().nullish(),
    stageReached: z.string().nullish(),
    reason: z.string().nullish(),
    /** The rejection email as raw RFC 822 text (the contents of a .eml file). */
    email: z
      .string()
      .max(50 * 1024 * 1024, 'the email is too large')
      .nullish(),
  })
  .strict();

const stepAction = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('done') }).strict(),
    z.object({ action: z.literal('skip') }).strict(),
    z.object({ action: z.literal('reopen') }).strict(),
    z.object({ action: z.literal('snooze'), until: z.string().min(1, 'say until when') }).strict(),
  ],
  { error: 'action must be done, skip, reopen or snooze' },
);

const draftBody = z.object({ kind: z.string().min(1, 'say which kind of draft') }).strict();
const draftEdit = z
  .object({ to: z.string().nullish(), subject: z.string().optional(), body: z.string().optional() })
  .strict();
const sendBody = z.object({ via: z.string().optional() }).strict();
const toneBody = z.object({ text: z.string().max(200_000, 'the text is too long') }).strict();
const tokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,100}\.ics$/, 'not a calendar address'),
});

const body = (raw: unknown): unknown => raw ?? {};

export function registerPlaybookRoutes(app: FastifyInstance, ctx: Context): void {
  app.post('/api/applications/:id/rejection', async (request, reply) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    const input = parseEdge(rejectionBody, body(request.body), 'rejection');
    const plan = await recordRejection(ctx, id, {
      at: input.at ?? null,
      stageReached: input.stageReached ?? null,
      reason: input.reason ?? null,
      email: input.email ? Buffer.from(input.email, 'utf8') : null,
    });
    return reply.status(201).send(plan);
  });

  app.get('/api/applications/:id/plan', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return getPlan(ctx, id);
  });

  app.post('/api/steps/:id/actions', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'step');
    return actOnStep(ctx, id, parseEdge(stepAction, body(request.body), 'step action'));
  });

  app.get('/api/today', async () => today(ctx));

  app.get('/api/applications/:id/drafts', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    return { drafts: await listDrafts(ctx, id) };
  });

  app.post('/api/applications/:id/drafts', async (request, reply) => {
    const { id } = parseEdge(idParams, request.params, 'application');
    const { kind } = parseEdge(draftBody, body(request.body), 'draft');
    return reply.status(201).send(await createDraft(ctx, id, kind));
  });

  app.get('/api/drafts/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'draft');
    return getDraft(ctx, id);
  });

  app.patch('/api/drafts/:id', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'draft');
    const edit = parseEdge(draftEdit, body(request.body), 'draft');
    return updateDraft(ctx, id, edit as DraftEdit);
  });

  app.post('/api/drafts/:id/send', async (request) => {
    const { id } = parseEdge(idParams, request.params, 'draft');
    const { via } = parseEdge(sendBody, body(request.body), 'send');
    return sendDraft(ctx, id, via ? { via: via as never } : {});
  });

  app.post('/api/tone', async (request) => {
    const { text } = parseEdge(toneBody, body(request.body), 'tone check');
    return checkDraftTone(text);
  });

  app.get('/api/settings', async () => ({
    ...(await getSettings(ctx)),
    name: ctx.user.name,
    email: ctx.user.email,
    timeZone: ctx.user.timeZone,
  }));

  app.patch('/api/settings', async (request) => {
    const changes = body(request.body);
    if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
      throw invalidInput('settings: send an object of the settings to change');
    }
    const settings = await updateSettings(ctx, changes as Record<string, unknown>);
    return { ...settings, name: ctx.user.name, email: ctx.user.email, timeZone: ctx.user.timeZone };
  });

  app.get('/api/smtp', async () => ({ smtp: await getSmtp(ctx) }));
  app.put('/api/smtp', async (request) => {
    const input = body(request.body);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw invalidInput('smtp: send an object with host, port, security, user, password and from');
    }
    return { smtp: await setSmtp(ctx, input as Record<string, unknown>) };
  });

  // The calendar: as a download from the app, and as a subscription whose address is the secret.
  app.get('/api/calendar.ics', async (_request, reply) =>
    reply.type('text/calendar; charset=utf-8').send(await calendarFeed(ctx)),
  );
  app.post('/api/calendar/subscription', async (request) => {
    const renew = (body(request.body) as { renew?: unknown }).renew === true;
    const token = await calendarToken(ctx, renew);
    return { path: `/calendar/${token}.ics` };
  });
  app.get('/calendar/:token', async (request, reply) => {
    const parsed = tokenParams.safeParse(request.params);
    if (!parsed.success || !(await isCalendarToken(ctx, parsed.data.token.slice(0, -'.ics'.length)))) {
      throw new HttpError(404, 'not_found', 'no calendar at this address');
    }
    return reply
      .type('text/calendar; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await calendarFeed(ctx));
  });
}
