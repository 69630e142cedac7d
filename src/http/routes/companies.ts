import type { FastifyInstance } from 'fastify';
import { listCompanies, type Context } from '../../services/index.js';

export function registerCompanyRoutes(app: FastifyInstance, ctx: Context): void {
  app.get('/api/companies', async () => ({ companies: await listCompanies(ctx) }));
}
