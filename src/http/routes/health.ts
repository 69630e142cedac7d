import type { FastifyInstance } from 'fastify';
import type { Context } from '../../services/index.js';
import { VERSION } from '../package-info.js';

export function registerHealthRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/api/health', async () => ({ status: 'ok', version: VERSION, database: ctx.store.dialect }));
}
