import type { FastifyInstance } from 'fastify';
import { exportData, importData, openContext, type Context } from '../../services/index.js';

/** An export holds everything the seeker has; years of job descriptions add up. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export function registerDataRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/api/export', async (_request, reply) => {
    const document = await exportData(ctx);
    return reply.header('content-disposition', 'attachment; filename="onward-export.json"').send(document);
  });

  app.post('/api/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (request) => {
    const summary = await importData(ctx, request.body);
    // A fresh import takes the exported name and time zone. The server's context lives as long
    // as the server, so it must re-read its user, or later dates would be read in the old zone.
    if (summary.mode === 'fresh') ctx.user = (await openContext(ctx.store)).user;
    return summary;
  });
}
